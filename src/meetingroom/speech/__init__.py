"""Text-to-speech in a worker process, and its client (issue 5)."""
