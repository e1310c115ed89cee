"""Where a handout may be written: only over a PDF or as a new file, all or nothing.

The command-line tests read real program files (the shipped templates), so a file that
cannot be read ends as it does for ``check``.
"""

from __future__ import annotations

import io
import os
import shutil
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from planner.cli import EXIT_BAD_INPUT, EXIT_OK, run_command
from planner.files import safe_save
from planner.files.safe_save import temp_path_for
from planner.handout import HandoutError, write_handout
from planner.templates import list_templates
from tests.handout_helpers import pdf_text
from tests.sample_programs import metzl_program


def export(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_command(["export", *argv], load_catalog=lambda: [], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def program_file(tmp_path: Path) -> Path:
    return Path(shutil.copy(list_templates()[1].path, tmp_path / "zoe.hipplan"))


def test_another_program_is_never_replaced_by_a_handout(tmp_path: Path, program_file: Path) -> None:
    other = Path(shutil.copy(program_file, tmp_path / "other-client.pdf"))
    before = other.read_bytes()
    code, out, err = export(str(program_file), "-o", str(other))
    assert (code, out) == (EXIT_BAD_INPUT, "")
    assert err.count("\n") == 1
    assert "is not a PDF" in err
    assert other.read_bytes() == before


def test_a_file_named_pdf_that_is_not_one_is_kept(tmp_path: Path) -> None:
    letter = tmp_path / "letter.pdf"
    letter.write_text("Dear Zoë, …")
    with pytest.raises(HandoutError, match="not a PDF"):
        write_handout(metzl_program(), letter, paper="a4")
    assert letter.read_text() == "Dear Zoë, …"


def test_an_existing_pdf_is_replaced(tmp_path: Path, program_file: Path) -> None:
    old = tmp_path / "zoe.pdf"
    old.write_bytes(b"%PDF-1.7 an older handout")
    code, _, err = export(str(program_file))
    assert (code, err) == (EXIT_OK, "")
    assert "Jump squat" in pdf_text(old)


def make_folder(path: Path) -> None:
    path.mkdir()


def make_pipe(path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(path)


def make_device(path: Path) -> None:
    # A device of the test's own (like /dev/null), never a real one: a regression run as
    # root would replace it with a file.
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except (AttributeError, OSError):
        pytest.skip("making a device needs root on a POSIX system")


@pytest.mark.parametrize(
    ("make", "said", "kind"),
    [
        (make_folder, "is a folder", stat.S_ISDIR),
        (make_pipe, "device or a pipe", stat.S_ISFIFO),  # opened without waiting for a writer
        (make_device, "device or a pipe", stat.S_ISCHR),
    ],
)
def test_a_folder_pipe_or_device_is_refused_and_left_as_it_was(
    tmp_path: Path,
    program_file: Path,
    make: Callable[[Path], None],
    said: str,
    kind: Callable[[int], bool],
) -> None:
    target = tmp_path / "handout.pdf"
    make(target)
    code, _, err = export(str(program_file), "-o", str(target))
    assert code == EXIT_BAD_INPUT
    assert err.count("\n") == 1
    assert said in err
    assert kind(target.lstat().st_mode)


def test_a_symlink_loop_as_the_program_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.hipplan").symlink_to(tmp_path / "b.hipplan")
    (tmp_path / "b.hipplan").symlink_to(tmp_path / "a.hipplan")
    code, out, err = export(str(tmp_path / "a.hipplan"))
    assert (code, out) == (EXIT_BAD_INPUT, "")
    assert err.count("\n") == 1
    assert "a.hipplan" in err


def test_a_symlink_loop_as_the_output_is_one_line_and_exit_2(
    tmp_path: Path, program_file: Path
) -> None:
    (tmp_path / "a.pdf").symlink_to(tmp_path / "b.pdf")
    (tmp_path / "b.pdf").symlink_to(tmp_path / "a.pdf")
    code, _, err = export(str(program_file), "-o", str(tmp_path / "a.pdf"))
    assert code == EXIT_BAD_INPUT
    assert err.count("\n") == 1
    assert "cannot write the handout" in err


def test_the_handout_is_flushed_to_the_disk_before_it_is_put_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real_fsync = safe_save.os.fsync

    def fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(safe_save.os, "fsync", fsync)
    write_handout(metzl_program(), tmp_path / "zoe.pdf", paper="a4")
    assert synced


def test_a_short_write_is_continued_not_taken_for_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = safe_save.os.write
    monkeypatch.setattr(safe_save.os, "write", lambda fd, data: real_write(fd, data[:1000]))
    out = tmp_path / "zoe.pdf"
    write_handout(metzl_program(), out, paper="a4")
    assert "Jump squat" in pdf_text(out)


def test_temporary_files_a_killed_export_left_are_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "zoe.pdf"
    stale, running = temp_path_for(out), temp_path_for(out)
    stale.write_bytes(b"%PDF-1.7 half a handout")
    running.write_bytes(b"%PDF-1.7 a handout being written right now")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    write_handout(metzl_program(), out, paper="a4")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, running.name])
