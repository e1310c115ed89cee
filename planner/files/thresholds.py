"""The coach's balance thresholds in ``balance.toml`` (DESIGN.md §3), and the one function that
says which thresholds a program is checked with: :func:`settings_for`.

The file has one ``[balance]`` table with one key per field of :class:`BalanceSettings`; keys
left out keep their defaults. A broken file (bad TOML, an unknown key, a wrong type, a value out
of range) is never half-used and never rewritten here: reading it gives the defaults and one
line that names the problem, for the caller to show.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

import tomli_w

from planner.balance.settings import BalanceSettings, override_problems
from planner.files import folders
from planner.files.safe_save import write_atomically
from planner.program import Program

FILE_NAME = "balance.toml"
TABLE = "balance"
HEADER = (
    "# Hip Planner: your balance thresholds, used for every client (Preferences edits this file).\n"
    "# A program can override them in its details. Names as in docs/balance.md.\n\n"
)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """What ``balance.toml`` gave: the settings, and the one-line problem when it was broken."""

    settings: BalanceSettings
    problem: str = ""


def thresholds_path() -> Path:
    return folders.config_dir() / FILE_NAME


def read_thresholds(path: Path | None = None) -> Thresholds:
    """The coach's thresholds; the defaults (and a problem line) when the file is broken, the
    defaults alone when there is no file yet."""
    path = path or thresholds_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):  # no file, or not even its folder
        return Thresholds(BalanceSettings())
    except (OSError, UnicodeDecodeError) as exc:
        return _broken(path, f"cannot be read ({getattr(exc, 'strerror', None) or exc})")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return _broken(path, f"is not valid TOML ({exc})")
    extra = sorted(set(data) - {TABLE})
    if extra:
        return _broken(path, f"has [{extra[0]}]; only a [{TABLE}] table belongs here")
    table = data.get(TABLE, {})
    if not isinstance(table, dict):
        return _broken(path, f"'{TABLE}' must be a table ([{TABLE}])")
    problems = override_problems(table)
    if problems:
        key, message = next(iter(problems.items()))
        return _broken(path, f"{key}: {message}")
    return Thresholds(_typed(BalanceSettings().with_overrides(table)))


def write_thresholds(settings: BalanceSettings, path: Path | None = None) -> Path | None:
    """Save ``settings`` as the coach's thresholds. A file that is there but broken is kept as
    ``balance.toml.bak``, whose path is returned (None when nothing needed keeping).

    Raises :class:`planner.files.safe_save.ProgramSaveError` when the file cannot be written."""
    path = path or thresholds_path()
    backup = path.with_name(path.name + ".bak") if read_thresholds(path).problem else None
    data = HEADER + tomli_w.dumps({TABLE: settings.to_dict()})
    write_atomically(path, data.encode("utf-8"), backup=backup)
    return backup


def settings_for(program: Program, base: BalanceSettings | None = None) -> BalanceSettings:
    """The thresholds ``program`` is checked with: the coach's (``base``, or ``balance.toml``
    read now) with the program's own overrides on top. The window, ``check``, ``export`` and
    ``fix`` all use this."""
    base = base if base is not None else read_thresholds().settings
    return base.with_overrides(program.details.balance_overrides)


def _broken(path: Path, what: str) -> Thresholds:
    return Thresholds(BalanceSettings(), f"{path} {what}; using the default thresholds")


def _typed(settings: BalanceSettings) -> BalanceSettings:
    """TOML writes 4 for 4.0: keep float fields floats, so equal settings compare equal."""
    return BalanceSettings.from_dict(
        {f.name: getattr(settings, f.name) for f in fields(BalanceSettings)}
    )
