"""File commands: open, save, autosave, export, one window per file, missing exercises."""
