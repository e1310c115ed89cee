"""Drawings of exercises: the default poses (from tags) and the geometry both backends paint."""
