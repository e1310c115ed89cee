"""Fixing a gap (DESIGN.md §1): one engine for the window's fixes, Fix all and the ``fix``
command."""
