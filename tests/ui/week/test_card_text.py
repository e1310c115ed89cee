"""Card text wraps at spaces and hyphens, cuts only words wider than a line, and elides the
rest in the middle of the last line so the end of the name stays in sight."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from pytestqt.qtbot import QtBot

from ui.week.entry_delegate import wrap_lines


def test_wraps_at_spaces_and_after_hyphens(qtbot: QtBot) -> None:
    metrics = QFontMetrics(QFont())
    width = metrics.horizontalAdvance("side-to-") + 2
    lines = wrap_lines("Low side-to-side lunge", metrics, width, 6)
    assert lines == ["Low", "side-to-", "side", "lunge"]


def test_long_words_are_cut_and_overflow_is_elided(qtbot: QtBot) -> None:
    metrics = QFontMetrics(QFont())
    width = metrics.horizontalAdvance("abcdefgh")
    lines = wrap_lines("x" * 40 + " tail words here", metrics, width, 3)
    assert len(lines) == 3
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)
    assert "…" in lines[-1]
    assert lines[-1].endswith("ere")  # the end of "here" is kept
