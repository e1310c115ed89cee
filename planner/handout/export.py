"""``write_handout``: the one entry point; reportlab is loaded only when it runs."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from planner.balance_settings import BalanceSettings
from planner.handout.paper import PAPERS, Paper, default_paper
from planner.handout.report import HandoutError, HandoutReport
from planner.program import Program
from planner.thresholds import settings_for


def write_handout(
    program: Program,
    path: str | os.PathLike[str],
    *,
    paper: Paper | None = None,
    progress: Callable[[int, int], None] | None = None,
    settings: BalanceSettings | None = None,
) -> HandoutReport:
    """Write the client's PDF handout of ``program`` to ``path``.

    ``paper`` defaults to the system locale's paper. ``progress(done, total)`` is called as
    the pages are laid out, from the calling thread; pass a :meth:`Program.snapshot` when the
    program may change meanwhile. The PDF is written to a temporary file next to ``path`` and
    moved into place at the end, so a failed export never leaves half a file. Characters the
    font cannot draw do not stop the export; they are listed in the report. The chart's band
    follows ``settings`` (default: :func:`planner.thresholds.settings_for` the program).

    Raises :class:`HandoutError` when the file cannot be written.
    """
    paper = default_paper() if paper is None else paper
    settings = settings_for(program) if settings is None else settings
    if paper not in PAPERS:
        raise HandoutError(f"unknown paper {paper!r}: choose a4 or letter")
    from planner.handout.document import render

    target = Path(path)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    # os.open, unlike tempfile, gives the PDF the user's usual permissions (umask).
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        stream = os.fdopen(os.open(temporary, flags, 0o666), "wb")
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    try:
        with stream:
            pages, unsupported = render(program, stream, paper, progress, settings)
        os.replace(temporary, target)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    finally:
        temporary.unlink(missing_ok=True)
    return HandoutReport(target, pages, paper, unsupported)


def _cannot_write(target: Path, exc: OSError) -> HandoutError:
    return HandoutError(f"cannot write the handout to {target}: {exc.strerror or exc}")
