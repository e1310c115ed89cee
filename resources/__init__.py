"""Data shipped with Hip Planner: the built-in catalog, templates, schema, fonts, icons."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """The path of a shipped file, e.g. ``resource_path("catalog", "exercises.toml")``."""
    return ROOT.joinpath(*parts)
