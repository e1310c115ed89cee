"""User text on its way to the PDF, and the choice of paper (no reportlab needed)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.handout import UnsupportedCharacter, paper_for_locale
from planner.handout.paper import default_paper
from planner.handout.report import printable
from planner.handout.text import CHUNK, ELLIPSIS, REPLACEMENT, TextGuard, chunks, escape, shorten

any_text = st.text(st.characters(exclude_categories=()))
"""Any code points, lone surrogates included (a str can hold them)."""


def char_count(text: str) -> float:
    """A stand-in for the font's measure: every character is one unit wide."""
    return float(len(text))


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


class CountingMeasure:
    def __init__(self) -> None:
        self.calls = 0
        self.measured = 0

    def __call__(self, text: str) -> float:
        self.calls += 1
        self.measured += len(text)
        return float(len(text))


@pytest.mark.parametrize("text", ["x" * 100_000, "word " * 20_000])
def test_shortening_measures_a_few_short_starts_not_the_whole_text_again_and_again(
    text: str,
) -> None:
    measure = CountingMeasure()
    shortened = shorten(text, 300, measure)
    assert shortened.endswith(ELLIPSIS)
    assert len(shortened) <= 301
    assert measure.calls < 30  # one character at a time took 100,000 measurements
    assert measure.measured < 30 * 600  # and never the whole text


def test_shortening_ends_at_a_whole_word_when_one_is_near() -> None:
    assert shorten("Knee-friendly hips for spring", 20, char_count) == "Knee-friendly hips…"
    assert shorten("Supercalifragilistic", 10, char_count) == "Supercali…"
    assert shorten("Short", 10, char_count) == "Short"


@settings(max_examples=200, deadline=None)
@given(text=any_text, width=st.floats(0, 200))
def test_shortened_text_fits_and_is_the_start_of_the_text(text: str, width: float) -> None:
    shortened = shorten(text, width, char_count)
    if char_count(text) <= width:
        assert shortened == text
    else:
        assert shortened.endswith(ELLIPSIS)
        assert text.startswith(shortened[:-1])
        assert char_count(shortened) <= max(width, 1)


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.sampled_from("ab \n")) | any_text, size=st.integers(1, 50))
def test_chunks_are_short_and_keep_every_character_but_the_separators_at_cuts(
    text: str, size: int
) -> None:
    pieces = chunks(text, size)
    assert all(len(piece) <= size for piece in pieces)
    joined = "".join(pieces)
    assert re.sub("[ \n]", "", joined) == re.sub("[ \n]", "", text)
    assert len(text) - len(joined) <= len(pieces) - 1


def test_chunks_cut_at_line_breaks_then_spaces() -> None:
    assert chunks("one two\nthree four", 12) == ["one two", "three four"]
    assert chunks("one two three", 9) == ["one two", "three"]
    assert chunks("x" * 5, 2) == ["xx", "xx", "x"]
    assert chunks("a" * CHUNK) == ["a" * CHUNK]


@given(text=any_text)
def test_what_a_report_prints_can_always_be_encoded_and_has_no_control_characters(
    text: str,
) -> None:
    shown = printable(text)
    shown.encode("utf-8")
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown)
    assert len(shown) <= 80


def test_a_lone_surrogate_is_reported_without_printing_it() -> None:
    guard = TextGuard(latin_only)
    assert guard.line("Sam \udc00", "coach name") == f"Sam {REPLACEMENT}"
    (found,) = guard.unsupported()
    assert found == UnsupportedCharacter("\udc00", "U+DC00", ("coach name",))
    assert found.describe() == f"{REPLACEMENT} (U+DC00) in coach name"
    escape_char = UnsupportedCharacter("\x1b", "ESCAPE", ("exercise “A\udc00\x1b[2J”",))
    shown = escape_char.describe()
    assert shown == f"{REPLACEMENT} (ESCAPE) in exercise “A{REPLACEMENT}{REPLACEMENT}[2J”"
    shown.encode("utf-8")
