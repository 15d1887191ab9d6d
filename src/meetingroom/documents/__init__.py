"""Renderers: PDF, DOCX, audio and calendar files from plain snapshots (issues 3, 4, 6)."""
