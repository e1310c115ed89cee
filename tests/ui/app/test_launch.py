"""Before Qt starts: a missing display or system library is one clear line, not Qt's abort."""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

import pytest

from ui.app import launch

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="X11 is a Linux matter"
)


def on_x11(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: f"lib{name}.so")


def test_a_missing_x11_library_is_named_with_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    on_x11(monkeypatch)

    def refuse(path: str) -> None:
        raise OSError(
            "libxcb-icccm.so.4: cannot open shared object file: No such file or directory"
        )

    monkeypatch.setattr(ctypes, "CDLL", refuse)
    problem = launch.display_problem()
    assert problem is not None
    assert "libxcb-icccm.so.4 is missing" in problem
    assert "sudo apt install libxcb-icccm4" in problem


def test_missing_xcb_cursor_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    on_x11(monkeypatch)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert "libxcb-cursor0" in (launch.display_problem() or "")


def test_a_complete_desktop_has_no_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    on_x11(monkeypatch)
    monkeypatch.setattr(ctypes, "CDLL", lambda path: object())
    assert launch.display_problem() is None


def test_offscreen_needs_no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.delenv("DISPLAY", raising=False)
    assert launch.display_problem() is None


def test_the_window_refuses_bad_input_with_the_command_line_code() -> None:
    from planner.cli import EXIT_BAD_INPUT
    from ui.app.launch import BAD_INPUT

    assert BAD_INPUT == EXIT_BAD_INPUT
