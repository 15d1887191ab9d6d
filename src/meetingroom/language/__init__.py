"""Plain-language analysis, glossary and picture matching (issue 4)."""
