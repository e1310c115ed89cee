"""Saving: backups, upgrades, and every failure leaving the old file byte-for-byte as it was.

Tests run as root, for whom permissions do not stop a write: failures are injected instead.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.files import safe_save
from planner.files.program_file import (
    ProgramSaveError,
    ReadOnlyFileError,
    load_program,
    read_program,
    save_program,
)
from planner.files.program_schema import CURRENT_VERSION
from planner.program import Program
from planner.taxonomy import Direction
from tests.factories import make_exercise

V1_SAMPLE = Path(__file__).parents[2] / "data" / "client-v1.hipplan"


def program(*exercise_ids: str) -> Program:
    p = Program()
    for i, exercise_id in enumerate(exercise_ids):
        p.add_entry(0, i % 7, make_exercise(exercise_id, Direction.ABDUCTION))
    return p


OLD = program("clamshell")
NEW = program("clamshell", "side-lying-leg-raise", "fire-hydrant")


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """A folder holding only client.hipplan, saved from OLD."""
    path = tmp_path / "client.hipplan"
    save_program(OLD, path)
    assert os.listdir(tmp_path) == ["client.hipplan"]
    return path


def failing(error: OSError, real: Callable[..., Any], when: Callable[..., bool]) -> Any:
    def fake(*args: Any, **kwargs: Any) -> Any:
        if when(*args):
            raise error
        return real(*args, **kwargs)

    return fake


def on_temp_file(path: Any, *rest: Any) -> bool:
    return safe_save.TEMP_MARK in os.fspath(path)


def always(*args: Any) -> bool:
    return True


def assert_failed_cleanly(saved: Path, message: str) -> None:
    before = saved.read_bytes()
    with pytest.raises(ProgramSaveError) as caught:
        save_program(NEW, saved)
    assert str(caught.value) == f"Could not save client.hipplan: {message}"
    assert saved.read_bytes() == before
    assert sorted(os.listdir(saved.parent)) == ["client.hipplan"]


def test_save_then_open_gives_the_same_program(tmp_path: Path) -> None:
    path = tmp_path / "client.hipplan"
    save_program(NEW, path)
    assert read_program(path) == NEW
    assert sorted(os.listdir(tmp_path)) == ["client.hipplan"]  # no backup of nothing


def test_the_previous_version_is_kept_as_a_backup(saved: Path) -> None:
    old_bytes = saved.read_bytes()
    save_program(NEW, saved)
    assert read_program(saved) == NEW
    assert saved.with_name("client.hipplan.bak").read_bytes() == old_bytes
    assert sorted(os.listdir(saved.parent)) == ["client.hipplan", "client.hipplan.bak"]


def test_no_backup_when_not_asked(saved: Path) -> None:
    save_program(NEW, saved, keep_backup=False)
    assert sorted(os.listdir(saved.parent)) == ["client.hipplan"]


def test_the_backup_is_copied_where_hard_links_fail(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_bytes = saved.read_bytes()
    monkeypatch.setattr(os, "link", failing(OSError(errno.EPERM, "no links"), os.link, always))
    save_program(NEW, saved)
    assert read_program(saved) == NEW
    assert saved.with_name("client.hipplan.bak").read_bytes() == old_bytes


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_the_file_keeps_its_permissions(saved: Path) -> None:
    saved.chmod(0o640)
    save_program(NEW, saved)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o640


def test_saving_an_upgraded_file_keeps_the_original_with_its_version(tmp_path: Path) -> None:
    path = tmp_path / "client.hipplan"
    shutil.copyfile(V1_SAMPLE, path)
    loaded = load_program(path)
    assert loaded.upgraded
    save_program(loaded.program, path, keep_backup=False)
    assert (tmp_path / "client.v1.hipplan.bak").read_bytes() == V1_SAMPLE.read_bytes()
    again = load_program(path)
    assert (again.file_version, again.upgraded) == (CURRENT_VERSION, False)
    assert again.program == loaded.program
    save_program(again.program, path)  # now an ordinary backup; the version 1 one stays
    assert sorted(os.listdir(tmp_path)) == [
        "client.hipplan",
        "client.hipplan.bak",
        "client.v1.hipplan.bak",
    ]


def test_disk_full(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    full = OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "write", failing(full, os.write, always))
    assert_failed_cleanly(
        saved, "the disk is full. Free some space or use Save As to save elsewhere."
    )


def test_disk_full_after_a_short_write(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write
    calls: list[int] = []

    def short_then_nothing(fd: int, data: Any) -> int:
        calls.append(len(data))
        return real_write(fd, bytes(data[:100])) if len(calls) == 1 else 0

    monkeypatch.setattr(os, "write", short_then_nothing)
    assert_failed_cleanly(
        saved, "the disk is full. Free some space or use Save As to save elsewhere."
    )
    assert len(calls) == 2  # the short write was noticed and the rest was tried


def test_short_writes_are_continued(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write

    def a_little_at_a_time(fd: int, data: Any) -> int:
        return real_write(fd, bytes(data[:777]))

    monkeypatch.setattr(os, "write", a_little_at_a_time)
    save_program(NEW, saved)
    assert read_program(saved) == NEW


def test_no_permission_for_the_temporary_file(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    denied = PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(os, "open", failing(denied, os.open, on_temp_file))
    assert_failed_cleanly(
        saved,
        "you do not have permission to write there, or another program is using the file. "
        "Use Save As to save elsewhere.",
    )


def test_read_only_drive(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read_only = OSError(errno.EROFS, "Read-only file system")
    monkeypatch.setattr(os, "open", failing(read_only, os.open, on_temp_file))
    assert_failed_cleanly(
        saved,
        "the drive is read-only (write-protected or locked). Use Save As to save elsewhere.",
    )


def test_flushing_to_the_disk_fails(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fsync", failing(OSError(errno.EIO, "I/O error"), os.fsync, always))
    assert_failed_cleanly(
        saved, "the drive reported an error. Check the drive, then use Save As to save elsewhere."
    )


def test_closing_fails(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_close = os.close

    def close_then_fail(fd: int) -> None:
        real_close(fd)
        raise OSError(errno.EDQUOT, "Disk quota exceeded")

    monkeypatch.setattr(os, "close", close_then_fail)
    assert_failed_cleanly(
        saved, "the disk is full. Free some space or use Save As to save elsewhere."
    )


@pytest.mark.parametrize("keep_backup", [True, False])
def test_replacing_fails(saved: Path, monkeypatch: pytest.MonkeyPatch, keep_backup: bool) -> None:
    before = saved.read_bytes()
    busy = PermissionError(errno.EACCES, "Access is denied")
    monkeypatch.setattr(os, "replace", failing(busy, os.replace, always))
    with pytest.raises(ProgramSaveError, match="another program is using the file"):
        save_program(NEW, saved, keep_backup=keep_backup)
    assert saved.read_bytes() == before
    assert sorted(os.listdir(saved.parent)) == ["client.hipplan"]


def test_only_the_final_replace_fails(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The backup was made, then the swap failed: the file is untouched, the backup equals it."""
    before = saved.read_bytes()
    real_replace = os.replace

    def fail_onto_target(source: Any, target: Any) -> None:
        if Path(target) == saved:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", fail_onto_target)
    with pytest.raises(ProgramSaveError, match=r"Invalid cross-device link\. Use Save As"):
        save_program(NEW, saved)
    assert saved.read_bytes() == before
    assert saved.with_name("client.hipplan.bak").read_bytes() == before
    assert sorted(os.listdir(saved.parent)) == ["client.hipplan", "client.hipplan.bak"]


def test_the_folder_was_deleted(saved: Path) -> None:
    shutil.rmtree(saved.parent)
    with pytest.raises(ProgramSaveError, match="the folder no longer exists"):
        save_program(NEW, saved)
    assert not saved.parent.exists()


def test_the_folder_is_deleted_during_the_save(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def delete_folder_then_sync(fd: int) -> None:
        shutil.rmtree(saved.parent)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", delete_folder_then_sync)
    with pytest.raises(ProgramSaveError, match="the folder no longer exists"):
        save_program(NEW, saved)
    assert not saved.parent.exists()


def test_a_program_that_could_not_be_read_back_is_not_written(saved: Path) -> None:
    before = saved.read_bytes()
    broken = Program(weeks=[])
    with pytest.raises(ProgramSaveError, match="This is a bug in Hip Planner"):
        save_program(broken, saved)
    assert saved.read_bytes() == before


def make_read_only(path: Path) -> None:
    path.chmod(stat.S_IMODE(path.stat().st_mode) & ~0o222)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_read_only_file_is_not_replaced_unless_the_caller_says_so(saved: Path) -> None:
    make_read_only(saved)
    before = saved.read_bytes()
    with pytest.raises(ReadOnlyFileError) as refused:
        save_program(NEW, saved)
    assert str(refused.value).startswith("Could not save client.hipplan: the file is read-only")
    assert saved.read_bytes() == before
    assert sorted(os.listdir(saved.parent)) == ["client.hipplan"]

    save_program(NEW, saved, overwrite_read_only=True)
    assert read_program(saved) == NEW
    assert stat.S_IMODE(saved.stat().st_mode) & 0o222 == 0  # it stays read-only
    assert saved.with_name("client.hipplan.bak").read_bytes() == before


def test_a_file_the_coach_may_not_write_counts_as_read_only(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Owned by someone else (mode 0644, not ours): the folder allows the swap, the file not."""
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, **k: mode != os.W_OK and real_access(p, mode, **k)
    )
    with pytest.raises(ReadOnlyFileError):
        save_program(NEW, saved)
    assert read_program(saved) == OLD
