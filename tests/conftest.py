"""Shared test setup: Qt runs offscreen, and every test writes under its own HIP_PLANNER_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def hip_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Redirect every file the app writes into a fresh temporary folder."""
    home = tmp_path_factory.mktemp("hip-home")
    monkeypatch.setenv("HIP_PLANNER_HOME", str(home))
    return home
