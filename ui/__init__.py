"""The Qt Widgets user interface: thin widgets, item models and undo commands."""
