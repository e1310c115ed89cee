"""Autosaved recovery copies: written safely, listed newest first, bad ones skipped."""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from planner.files import recovery
from planner.files.folders import recovery_dir
from planner.files.program_file import ProgramFileError, ProgramSaveError
from planner.files.recovery import (
    discard_recovery,
    list_recoveries,
    read_recovery,
    recovery_path,
    write_recovery,
)
from planner.program import ClientDetails, Program
from tests.factories import make_exercise


def program(client: str) -> Program:
    p = Program(details=ClientDetails(client_name=client))
    p.add_entry(0, 1, make_exercise("glute-bridge"))
    return p


def test_a_copy_comes_back_with_its_metadata(hip_home: Path) -> None:
    p = program("Ana")
    path = write_recovery("doc-1", p, Path("/clients/ana.hipplan"), "Ana – spring")
    assert path.parent == recovery_dir()
    assert recovery_dir().is_relative_to(hip_home)
    [found] = list_recoveries()
    assert found.doc_key == "doc-1"
    assert found.program == p
    assert found.original_path == Path("/clients/ana.hipplan")
    assert found.title == "Ana – spring"
    assert (datetime.now(UTC) - found.saved_at).total_seconds() < 60


def test_a_never_saved_program_has_no_original_path() -> None:
    write_recovery("new-1", program("Bo"), None, "Untitled")
    [found] = list_recoveries()
    assert found.original_path is None


def test_writing_again_replaces_the_copy() -> None:
    write_recovery("doc-1", program("first"), None, "t")
    write_recovery("doc-1", program("second"), None, "t")
    [found] = list_recoveries()
    assert found.program.details.client_name == "second"
    assert sorted(os.listdir(recovery_dir())) == ["doc-1.recovery"]


def test_newest_first() -> None:
    for key, when in (("old", "2025-01-01T10:00:00+00:00"), ("new", "2025-06-01T10:00:00+00:00")):
        path = write_recovery(key, program(key), None, key)
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["saved_at"] = when
        path.write_text(json.dumps(doc), encoding="utf-8")
    assert [r.doc_key for r in list_recoveries()] == ["new", "old"]


def test_discard() -> None:
    write_recovery("doc-1", program("Ana"), None, "t")
    discard_recovery("doc-1")
    discard_recovery("doc-1")  # already gone: fine
    assert list_recoveries() == []


def test_unreadable_copies_are_skipped_with_a_note(caplog: pytest.LogCaptureFixture) -> None:
    write_recovery("good", program("Ana"), None, "t")
    (recovery_dir() / "empty.recovery").write_bytes(b"")
    (recovery_dir() / "junk.recovery").write_bytes(os.urandom(100))
    broken = write_recovery("broken", program("Bo"), None, "t")
    doc = json.loads(broken.read_text(encoding="utf-8"))
    doc["program"]["weeks"][0]["days"][1]["entries"][0]["dose"]["sets"] = 99
    broken.write_text(json.dumps(doc), encoding="utf-8")
    (recovery_dir() / "folder.recovery").mkdir()
    with caplog.at_level(logging.WARNING, logger=recovery.__name__):
        found = list_recoveries()
    assert [r.doc_key for r in found] == ["good"]
    notes = "\n".join(caplog.messages)
    assert "empty.recovery: is damaged or not a Hip Planner program: it is empty" in notes
    assert "junk.recovery" in notes
    sets = "program.weeks[0].days[1].entries[0].dose.sets"
    assert f"broken.recovery: {sets}: must be at most 20" in notes
    assert "folder.recovery: is a folder" in notes


def test_bad_metadata_is_reported_with_its_place() -> None:
    path = write_recovery("doc-1", program("Ana"), None, "t")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["saved_at"] = "yesterday"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(
        ProgramFileError, match=r"doc-1\.recovery: saved_at: is not a date and time"
    ):
        read_recovery(path)


def test_stale_temporary_files_are_cleaned_when_listing() -> None:
    stale = recovery_dir() / ".doc-1.recovery.tmp-0123456789abcdef"
    stale.write_bytes(b"half")
    os.utime(stale, (0, 0))
    fresh = recovery_dir() / ".doc-2.recovery.tmp-fedcba9876543210"
    fresh.write_bytes(b"being written by another window")
    assert list_recoveries() == []
    assert not stale.exists()
    assert fresh.exists()


@pytest.mark.parametrize("key", ["", "../escape", "a/b", "x" * 65, "dot.dot"])
def test_a_key_must_be_a_plain_name(key: str) -> None:
    with pytest.raises(ValueError, match="a recovery key"):
        recovery_path(key)


def test_a_failed_write_raises_the_save_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(*args: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(ProgramSaveError, match=r"Could not save doc-1\.recovery: the disk is full"):
        write_recovery("doc-1", program("Ana"), None, "t")
    assert os.listdir(recovery_dir()) == []


def test_a_copy_renamed_by_hand_is_refused() -> None:
    path = write_recovery("doc-1", program("Ana"), None, "t")
    renamed = path.rename(path.with_name("doc-2.recovery"))
    with pytest.raises(ProgramFileError, match="doc_key: does not match the file name"):
        read_recovery(renamed)
