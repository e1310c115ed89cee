"""A command that hits a bug says so in one line and logs the traceback, never prints it."""

from __future__ import annotations

import pytest

from ui.app import launch
from ui.common.crash_handler import log_file


def test_a_bug_in_a_command_is_one_line_and_a_log_entry(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object, **_kwargs: object) -> int:
        raise ModuleNotFoundError("No module named 'reportlab.graphics.barcode.code128'")

    monkeypatch.setattr("planner.cli.run_command", broken)
    assert launch.run(["export", "client.hipplan"]) == launch.EXIT_UNEXPECTED
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("hip-planner export: stopped by an unexpected problem")
    assert "Traceback" not in err
    assert str(log_file()) in err
    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback" in logged
    assert "code128" in logged
