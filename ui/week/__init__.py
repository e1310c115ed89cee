"""The shown week: the calendar, the week bar, and the edits as undo commands."""
