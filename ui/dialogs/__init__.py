"""Modal dialogs: client details, preferences and thresholds, the dose editor."""
