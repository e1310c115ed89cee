"""User text on its way to the PDF, and the choice of paper (no reportlab needed)."""

from __future__ import annotations

import pytest

from planner.handout import paper_for_locale
from planner.handout.paper import default_paper
from planner.handout.text import REPLACEMENT, TextGuard, escape


def latin_only(char: str) -> bool:
    return ord(char) < 0x250 or char == REPLACEMENT


def test_markup_characters_are_escaped_so_they_print_literally() -> None:
    assert escape('Tom <b> & "Jerry"') == 'Tom &lt;b&gt; &amp; "Jerry"'


def test_markup_keeps_line_breaks_and_escapes_each_line() -> None:
    guard = TextGuard(latin_only)
    assert guard.markup("a < b\r\nc & d", "notes") == "a &lt; b<br/>c &amp; d"


def test_unsupported_characters_are_replaced_and_reported_with_name_and_places() -> None:
    guard = TextGuard(latin_only)
    assert guard.plain("Ana 🏃", "client name") == f"Ana {REPLACEMENT}"
    guard.plain("🏃 daily", "notes")
    guard.plain("Ю", "coach name")
    found = {c.char: c for c in guard.unsupported()}
    assert found["🏃"].name == "RUNNER"
    assert found["🏃"].places == ("client name", "notes")
    assert found["Ю"].name == "CYRILLIC CAPITAL LETTER YU"


def test_invisible_formatting_characters_are_dropped_without_a_report() -> None:
    guard = TextGuard(latin_only)
    assert guard.plain("Zo\u200be\u0308\ufe0f\x07", "client name") == "Zoë"
    assert guard.unsupported() == ()


def test_line_puts_text_on_one_line() -> None:
    assert TextGuard(latin_only).line("  Knee\nplan  ", "title") == "Knee plan"


@pytest.mark.parametrize(
    ("name", "paper"),
    [
        ("en_US.UTF-8", "letter"),
        ("fr_CA", "letter"),
        ("es_MX.utf8", "letter"),
        ("en_PH", "letter"),
        ("English_United States.1252", "letter"),
        ("en_GB.UTF-8", "a4"),
        ("de_DE@euro", "a4"),
        ("C.UTF-8", "a4"),
        ("", "a4"),
        (None, "a4"),
    ],
)
def test_paper_follows_the_locale_territory(name: str | None, paper: str) -> None:
    assert paper_for_locale(name) == paper


def test_default_paper_prefers_lc_paper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8")
    assert default_paper() == "letter"
    monkeypatch.setenv("LC_PAPER", "nl_NL.UTF-8")
    assert default_paper() == "a4"
