"""``write_handout``: the one entry point; reportlab is loaded only when it runs."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable
from pathlib import Path

from planner.balance.settings import BalanceSettings
from planner.files.safe_save import ProgramSaveError, write_atomically
from planner.files.thresholds import settings_for
from planner.handout.paper import PAPERS, Paper, default_paper
from planner.handout.report import HandoutError, HandoutReport
from planner.program import Program

PDF_MAGIC = b"%PDF-"


def write_handout(
    program: Program,
    path: str | os.PathLike[str],
    *,
    paper: Paper | None = None,
    progress: Callable[[int, int], None] | None = None,
    settings: BalanceSettings | None = None,
    coach_report: bool = False,
) -> HandoutReport:
    """Write the client's PDF handout of ``program`` to ``path`` (with ``coach_report`` the
    coach report instead: the balance against the targets, the chart, the findings).

    ``paper`` defaults to the system locale's paper. ``progress(done, total)`` is called as
    the pages are laid out, from the calling thread; pass a :meth:`Program.snapshot` when the
    program may change meanwhile. The PDF is written with the programs' safe writer
    (:func:`~planner.files.safe_save.write_atomically`), so a failed export never leaves half a
    file, and only ever replaces a PDF: a program, a folder or a device at ``path`` is refused.
    Characters the font cannot draw do not stop the export; they are listed in the report. The
    chart's band follows ``settings`` (default: :func:`planner.files.thresholds.settings_for` the
    program).

    Raises :class:`HandoutError` when the file cannot or may not be written.
    """
    paper = default_paper() if paper is None else paper
    settings = settings_for(program) if settings is None else settings
    if paper not in PAPERS:
        raise HandoutError(f"unknown paper {paper!r}: choose a4 or letter")
    target = Path(path)
    check_replaceable(target)
    from planner.handout.document import render

    pdf = io.BytesIO()
    pages, unsupported = render(program, pdf, paper, progress, settings, coach_report=coach_report)
    check_replaceable(target)  # something may have been put there while the pages were laid out
    try:
        write_atomically(target, pdf.getvalue())
    except ProgramSaveError as exc:
        cause = exc.__cause__
        reason = cause.strerror if isinstance(cause, OSError) and cause.strerror else exc.reason
        raise _cannot_write(target, reason) from exc
    return HandoutReport(target, pages, paper, unsupported)


def with_pdf_suffix(path: str | os.PathLike[str]) -> Path:
    """``path`` with ".pdf" added when its name does not end in it (any case)."""
    target = Path(path)
    if target.suffix.lower() == ".pdf" or target.name in ("", ".."):  # a folder stays one
        return target
    return target.with_name(target.name + ".pdf")


def check_replaceable(target: Path) -> None:
    """Raise :class:`HandoutError` unless ``target`` is free or holds a PDF.

    The file is opened without blocking (a FIFO would wait for a writer forever) and its
    first bytes are read: its name proves nothing.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(target, flags | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _cannot_write(target, exc.strerror or str(exc)) from exc
    try:
        mode = os.fstat(fd).st_mode
        start = os.read(fd, len(PDF_MAGIC)) if stat.S_ISREG(mode) else b""
    except OSError as exc:
        raise _cannot_write(target, exc.strerror or str(exc)) from exc
    finally:
        os.close(fd)
    if stat.S_ISDIR(mode):
        what = "a folder"
    elif not stat.S_ISREG(mode):
        what = "a device or a pipe, not a file"
    elif start != PDF_MAGIC:
        what = "not a PDF, so it is not replaced"
    else:
        return
    raise HandoutError(f"{target} is {what}; choose another name for the handout")


def _cannot_write(target: Path, reason: str) -> HandoutError:
    return HandoutError(f"cannot write the handout to {target}: {reason}")
