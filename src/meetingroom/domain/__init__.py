"""The things of a meeting and the rules about them: pure Python, no Qt, no I/O."""
