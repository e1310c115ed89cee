"""The coverage panel: the hexagon chart, the splits, the findings and their fixes, and the
whole program as a table."""
