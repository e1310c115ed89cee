"""No command prints a traceback, hangs or shows raw control characters, whatever it is given.

Each command runs as the coach runs it (``python main.py …``) on hostile files and paths, and
must end with exit code 2 and one line on stderr. ``timeout=5`` is a hang guard (a hanging
command fails the test), not a speed measurement.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.files.exercise_share import dumps_exercises
from planner.files.program_file import MAX_FILE_BYTES
from planner.files.program_format import serialize_program
from planner.program import Program
from tests.cli_helpers import OWN, ROOT, program_document, run_main, sharing_document

RAW_CONTROLS = ("\x1b", "\x07", "\x00", "\x9b")


def _with(document: dict[str, Any], change: Callable[[dict[str, Any]], object]) -> bytes:
    change(document)
    return json.dumps(document).encode()


def _exercise(document: dict[str, Any]) -> dict[str, Any]:
    exercise: dict[str, Any] = document["exercises"][0]
    return exercise


def _raw(
    document: dict[str, Any], where: Callable[[dict[str, Any]], dict[str, Any]], key: str, text: str
) -> bytes:
    where(document)[key] = "@@"
    return json.dumps(document).replace('"@@"', text).encode()


def _entries(document: dict[str, Any], text: str) -> bytes:
    return _raw(document, lambda d: d["weeks"][0]["days"][0], "entries", text)


def _both(make: Callable[[dict[str, Any]], bytes]) -> tuple[bytes, bytes]:
    """The same damage done to a program file and to a sharing file."""
    return make(program_document()), make(sharing_document())


GENERIC = {
    "random bytes": random.Random(12).randbytes(4096),
    "empty": b"",
    "nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "a 5,000-digit number": b'{"version": ' + b"9" * 5000 + b"}",
    "NaN": b'{"version": NaN}',
    "a list": b"[1, 2, 3]",
}
SHAPED: dict[str, tuple[bytes, bytes]] = {
    "a lone surrogate": _both(lambda d: _raw(d, _exercise, "name", '"Sam \\udc00"')),
    "an escape-sequence key": _both(
        lambda d: _with(d, lambda x: _exercise(x).update({"\x1b]0;pwned\x07": 1}))
    ),
    "a 5 MB key": _both(lambda d: _with(d, lambda x: x.update({"k" * 5_000_000: 1}))),
    "an id with a newline": _both(
        lambda d: _with(d, lambda x: _exercise(x).update({"id": "own-lunge\n"}))
    ),
    "cues as text": _both(lambda d: _with(d, lambda x: _exercise(x).update({"cues": "abc"}))),
    "a name as an object": _both(
        lambda d: _with(d, lambda x: _exercise(x).update({"name": {"a": 1}}))
    ),
    "an id as a number": _both(lambda d: _with(d, lambda x: _exercise(x).update({"id": 123}))),
    "a name with NUL and ESC": _both(
        lambda d: _with(d, lambda x: _exercise(x).update({"name": "x" * 200 + "\x00\x1b"}))
    ),
    "a million entries in a day": (
        _entries(program_document(), "[" + ",".join(["{}"] * 1_000_000) + "]"),
        _raw(
            sharing_document(), lambda d: d, "exercises", "[" + ",".join(["{}"] * 1_000_000) + "]"
        ),
    ),
    "6 MB of {} entries": (
        _entries(program_document(), "[" + ",".join(["{}"] * 2_000_000) + "]"),
        _raw(
            sharing_document(), lambda d: d, "exercises", "[" + ",".join(["{}"] * 2_000_000) + "]"
        ),
    ),
    "start date 9999-12-31": (
        _with(program_document(), lambda x: x["details"].update({"start_date": "9999-12-31"})),
        _with(sharing_document(), lambda x: x.update({"version": 99})),
    ),
}
CONTENTS = {name: (data, data) for name, data in GENERIC.items()} | SHAPED
PATHS = ["missing", "folder", "named pipe", "symlink loop", "over 20 MB", "escape in the name"]


def hostile_path(folder: Path, kind: str, suffix: str) -> Path:
    path = folder / f"{kind.replace(' ', '-')}{suffix}"
    if kind == "folder":
        path.mkdir(exist_ok=True)
    elif kind == "named pipe":
        if not path.exists():
            os.mkfifo(path)
    elif kind == "symlink loop":
        if not path.is_symlink():
            path.symlink_to(path)
    elif kind == "over 20 MB":
        with open(path, "wb") as file:
            file.truncate(MAX_FILE_BYTES + 1)
    elif kind == "escape in the name":
        path = folder / f"bad\x1b]0;pwned\x07{suffix}"
    return path


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One catalog for every run, made before the hang guard starts counting."""
    folder = tmp_path_factory.mktemp("home")
    result = run(["catalog", "--json"], folder, timeout=120)
    assert result.returncode == 0, result.stderr
    return folder


def run(argv: list[str], home: Path, timeout: float = 5) -> subprocess.CompletedProcess[str]:
    return run_main(*argv, home=home, timeout=timeout)


def refused_in_one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout[:300], result.stderr[:300])
    message = result.stderr
    assert "Traceback" not in message
    assert len(message.strip().splitlines()) == 1, message[:500]
    assert not any(c in message for c in RAW_CONTROLS), repr(message[:300])
    assert len(message) < 600, message[:600]
    assert "unexpected" not in message
    return message


def commands(file: Path, out: Path) -> dict[str, list[str]]:
    return {
        "check": ["check", str(file)],
        "export": ["export", str(file), "-o", str(out)],
        "catalog import": ["catalog", "import", str(file)],
    }


@pytest.mark.parametrize("content", sorted(CONTENTS))
@pytest.mark.parametrize("command", ["check", "export", "catalog import"])
def test_hostile_files(home: Path, tmp_path: Path, command: str, content: str) -> None:
    program_bytes, sharing_bytes = CONTENTS[content]
    sharing = command == "catalog import"
    file = tmp_path / ("shared.json" if sharing else "client.hipplan")
    file.write_bytes(sharing_bytes if sharing else program_bytes)
    out = tmp_path / "handout.pdf"
    refused_in_one_line(run(commands(file, out)[command], home))
    assert not out.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and symlinks: POSIX")
@pytest.mark.parametrize(
    ("command", "kind"),
    [(command, kind) for command in ("check", "export", "catalog import") for kind in PATHS],
)
def test_hostile_paths(home: Path, tmp_path: Path, command: str, kind: str) -> None:
    suffix = ".json" if command == "catalog import" else ".hipplan"
    file = hostile_path(tmp_path, kind, suffix)
    refused_in_one_line(run(commands(file, tmp_path / "handout.pdf")[command], home))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and symlinks: POSIX")
@pytest.mark.parametrize(
    "kind", ["folder", "named pipe", "symlink loop", "a program", "missing folder"]
)
def test_catalog_export_to_hostile_places(home: Path, tmp_path: Path, kind: str) -> None:
    prepared = run(["catalog", "import", str(shared_file(tmp_path))], home, timeout=60)
    assert prepared.returncode == 0, prepared.stderr
    if kind == "a program":
        target = tmp_path / "client.hipplan"
        target.write_bytes(serialize_program(Program()))
    elif kind == "missing folder":
        target = tmp_path / "nowhere" / "mine.json"
    else:
        target = hostile_path(tmp_path, kind, ".json")
    before = target.read_bytes() if kind == "a program" else None
    refused_in_one_line(run(["catalog", "export", "-o", str(target)], home))
    if before is not None:
        assert target.read_bytes() == before


def shared_file(folder: Path) -> Path:
    path = folder / "mine.json"
    path.write_bytes(dumps_exercises([OWN]))
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["catalog", "--knee", "\x1b]0;pwned\x07"],
        ["catalog", "--direction", "x" * 100_000],
        ["catalog", "import"],
        ["catalog", "export"],
        ["check", "a.hipplan", "--week", "\x1b"],
        ["notes\x1b]0;pwned\x07.txt"],
        ["client.hipplan"],  # the window, without a display
    ],
)
def test_hostile_arguments(home: Path, argv: list[str]) -> None:
    refused_in_one_line(run(argv, home))


def test_a_terminal_that_cannot_show_every_character(home: Path) -> None:
    result = run_main("catalog", home=home, timeout=60, PYTHONIOENCODING="ascii")
    assert (result.returncode, result.stderr) == (0, "")
    assert "3 \\xd7 12" in result.stdout  # the dose's "×"
    shown = run_main("catalog", "--knee", "\u0436", home=home, timeout=60, PYTHONIOENCODING="ascii")
    refused_in_one_line(shown)
    assert "\\u0436" in shown.stderr


def test_output_cut_off_by_its_reader_ends_quietly(tmp_path: Path) -> None:
    """`hip-planner catalog --json | head -1`: no traceback when head stops reading."""
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    command = subprocess.Popen(
        [sys.executable, "main.py", "catalog", "--json"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=base | {"HIP_PLANNER_HOME": str(tmp_path)},
    )
    assert command.stdout is not None
    assert command.stderr is not None
    assert command.stdout.readline() == b"[\n"
    command.stdout.close()  # as head does once it has its line
    with command.stderr:
        errors = command.stderr.read().decode()
    assert command.wait(timeout=120) == 141
    assert "Traceback" not in errors
