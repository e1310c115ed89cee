"""The start page: what the window shows while no program is open."""
