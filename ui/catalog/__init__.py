"""The catalog browser and the coach's own exercises (form, actions, sharing)."""
