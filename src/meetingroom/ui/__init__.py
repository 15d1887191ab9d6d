"""The Qt shell: main window, one module per view, item models and undo commands."""
