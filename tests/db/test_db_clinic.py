"""A clinic's shared catalog (DESIGN.md §5): several coaches on one database at once."""

from __future__ import annotations

import json
import socket
import threading
from dataclasses import replace
from pathlib import Path

import keyring
import pytest
from hypothesis import given
from hypothesis import strategies as st
from keyring.backend import KeyringBackend
from sqlalchemy import URL, func, make_url, select
from sqlalchemy.exc import ProgrammingError

from db.catalog import CatalogDatabase
from db.clinic import URL_VARIABLE, copy_path, split_password, store_password, with_password
from db.convert import utc_now
from db.engine import make_server_engine
from db.errors import CatalogConflictError, CatalogOpenError, CatalogRuleError
from db.migrate import head_revision, migrate
from db.models import ExerciseRow
from db.quick_read import read_exercises_quickly
from planner.dose import Dose
from planner.files.exercise_share import write_exercises
from tests.cli_helpers import run_main
from tests.conftest import CatalogPlace
from tests.db_support import own, shipped_v1
from tests.factories import make_exercise


def test_a_second_save_from_an_older_version_is_a_conflict_showing_theirs(
    catalog_place: CatalogPlace,
) -> None:
    first, _ = catalog_place.open(shipped_v1(), author="ana")
    second, _ = catalog_place.open(shipped_v1(), author="ben")
    with first, second:
        mine = first.add_own(own("own-lunge", "Lunge"))
        opened_by_ana = first.version_of(mine.id)
        opened_by_ben = second.version_of(mine.id)
        assert opened_by_ana == opened_by_ben is not None
        bens = second.update_own(replace(mine, instructions="Ben's words."), opened_by_ben)
        anas = replace(mine, dose=Dose(4, 8))
        with pytest.raises(CatalogConflictError) as caught:
            first.update_own(anas, opened_by_ana)
        assert caught.value.theirs == bens
        assert "changed by ben" in str(caught.value)
        assert first.get(mine.id) == bens  # nothing of Ana's was written
        # keep mine: save again on top of the version that was shown
        kept = first.update_own(anas, caught.value.version)
        assert second.get(mine.id) == kept
        assert second.version_of(mine.id) == caught.value.version + 1


def test_own_exercises_carry_who_made_them(catalog_place: CatalogPlace) -> None:
    ana, _ = catalog_place.open(shipped_v1(), author="ana")
    ben, _ = catalog_place.open(shipped_v1(), author="ben")
    with ana, ben:
        lunge = ana.add_own(own("own-lunge", "Lunge"))
        copy = ben.duplicate("glute-bridge")
        imported = ben.import_own([own("own-step", "Step up")]).added[0]
        assert ana.made_by("ana") == {lunge.id}
        assert ana.made_by("ben") == {copy.id, imported.id}
        assert {ex.id for ex in ben.exercises()} >= {lunge.id, copy.id, imported.id}


def test_archive_and_restore_are_seen_by_every_coach(catalog_place: CatalogPlace) -> None:
    ana, _ = catalog_place.open(shipped_v1())
    ben, _ = catalog_place.open(shipped_v1())
    with ana, ben:
        ana.archive("clamshell")
        assert "clamshell" not in {ex.id for ex in ben.exercises()}
        ben.restore("clamshell")
        assert "clamshell" in {ex.id for ex in ana.exercises()}


def test_clinic_templates_are_shared_and_replaced_by_name(catalog_place: CatalogPlace) -> None:
    ana, _ = catalog_place.open([], author="ana")
    ben, _ = catalog_place.open([], author="ben")
    with ana, ben:
        ana.save_template("  Return to running ", "Weeks 1-6", '{"a": 1}')
        saved = ben.templates()
        assert [(t.name, t.description, t.author, t.program) for t in saved] == [
            ("Return to running", "Weeks 1-6", "ana", '{"a": 1}')
        ]
        ben.save_template("Return to running", "Weeks 1-8", '{"b": 2}')
        assert [(t.author, t.description) for t in ana.templates()] == [("ben", "Weeks 1-8")]
        with pytest.raises(CatalogRuleError):
            ana.save_template("   ", "", "{}")


def test_concurrent_first_starts_seed_the_builtins_once(pg_url: str) -> None:
    errors: list[BaseException] = []

    def start() -> None:
        try:
            CatalogDatabase.open(url=pg_url, builtins=shipped_v1())[0].close()
        except BaseException as exc:  # reported below, on the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    engine = make_server_engine(pg_url)
    with engine.connect() as connection:
        count = connection.scalar(select(func.count()).select_from(ExerciseRow))
    engine.dispose()
    assert count == len(shipped_v1())


def test_a_server_catalog_from_the_previous_revision_is_migrated(pg_url: str) -> None:
    engine = make_server_engine(pg_url)
    migrate(engine, None, utc_now(), target="0003")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO exercise (id, origin, name, directions, knee, positions, equipment,"
            " level, dose_sets, dose_amount, dose_unit, dose_each_side, dose_load,"
            " dose_rest_seconds, dose_tempo, dose_notes, instructions, cues, created_at,"
            " updated_at) VALUES ('own-lunge', 'own', 'Lunge', '[\"flexion\"]', 'straight',"
            " '[\"standing\"]', '[\"body_weight\"]', 'beginner', 3, 10, 'reps', false, '',"
            " 60, '', '', '', '[]', now(), now())"
        )
    engine.dispose()
    catalog, report = CatalogDatabase.open(url=pg_url, builtins=[])
    with catalog:
        assert (report.migrated_from, report.schema_revision) == ("0003", head_revision())
        lunge = catalog.get("own-lunge")
        assert lunge is not None
        assert lunge.name == "Lunge"
        assert catalog.version_of("own-lunge") == 2  # 1 from the migration, +1: hash filled
        assert report.backup_path is None  # the server's backups are its administrator's


def test_each_connection_leaves_a_local_copy_the_quick_read_understands(pg_url: str) -> None:
    catalog, _ = CatalogDatabase.open(url=pg_url, builtins=shipped_v1())
    with catalog:
        catalog.add_own(own("own-lunge", "Lunge"))
        catalog.archive("clamshell")
        catalog.refresh_copy()
        assert read_exercises_quickly(copy_path()) == catalog.exercises(include_archived=True)


def test_an_unreachable_server_is_one_message_soon() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"postgresql+psycopg://coach:secret@127.0.0.1:{port}/clinic"
    with pytest.raises(CatalogOpenError) as caught:
        CatalogDatabase.open(url=url, builtins=[])
    message = str(caught.value)
    assert "cannot be reached" in message
    assert "secret" not in message


def test_two_copies_of_the_program_share_one_catalog(pg_url: str, tmp_path: Path) -> None:
    shared = tmp_path / "shared.json"
    write_exercises(shared, [make_exercise("own-hip-lock", name="Hip lock", builtin=False)])
    clinic = {URL_VARIABLE: pg_url}
    first = run_main("catalog", "import", str(shared), home=tmp_path / "ana", **clinic)
    assert (first.returncode, first.stderr) == (0, "")
    second = run_main("catalog", "--json", home=tmp_path / "ben", **clinic)
    assert (second.returncode, second.stderr) == (0, "")
    assert "Hip lock" in {row["name"] for row in json.loads(second.stdout)}


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


def test_the_password_goes_to_the_keyring_and_back_never_to_the_settings() -> None:
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        url, password = split_password(
            "postgresql://ana:pa%40ss@db.example/hip?sslmode=verify-full"
        )
        assert (url, password) == ("postgresql://ana@db.example/hip?sslmode=verify-full", "pa@ss")
        assert "keyring" in store_password(url, password)
        assert list(memory.kept.values()) == ["pa@ss"]
        connecting = with_password(make_url(url))
        assert connecting.password == "pa@ss"
        assert connecting.query == {"sslmode": "verify-full"}  # TLS settings pass through
    finally:
        keyring.set_keyring(previous)


def test_clinic_init_migrates_and_seeds_once(pg_url: str, tmp_path: Path) -> None:
    first = run_main("clinic", "init", pg_url, home=tmp_path)
    assert (first.returncode, first.stderr) == (0, "")
    assert first.stdout.startswith(f"The clinic catalog at {pg_url} is ready (")
    again = run_main("clinic", "init", pg_url, home=tmp_path)
    assert again.stdout == first.stdout  # the built-ins were seeded once


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("not an address", "is not valid"),
        ("postgresql://coach:secret@127.0.0.1:1/clinic", "cannot be reached"),
    ],
)
def test_clinic_init_mistakes_are_one_line_and_exit_2(url: str, said: str, tmp_path: Path) -> None:
    result = run_main("clinic", "init", url, home=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert said in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "secret" not in result.stderr


def documented_grants() -> str:
    """The coach's GRANTs exactly as docs/clinic.md gives them."""
    text = (Path(__file__).parents[2] / "docs" / "clinic.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in text.split("```sql\n")[1:]]
    (grants,) = [b for b in blocks if "GRANT SELECT, INSERT, UPDATE" in b]
    return grants


def test_a_coach_role_with_only_the_documented_grants_does_everything(
    pg_url: str, tmp_path: Path
) -> None:
    CatalogDatabase.open(url=pg_url, builtins=shipped_v1())[0].close()  # clinic init
    admin = make_server_engine(pg_url)
    with admin.begin() as connection:
        connection.exec_driver_sql("DROP ROLE IF EXISTS hip_coach")
        connection.exec_driver_sql("CREATE ROLE hip_coach LOGIN")
        connection.exec_driver_sql(documented_grants())
    admin.dispose()
    coach_url = make_url(pg_url).set(username="hip_coach").render_as_string(hide_password=False)
    coach, report = CatalogDatabase.open(url=coach_url, builtins=shipped_v1(), author="ana")
    with coach:
        assert report.migrated_from is None
        lunge = coach.add_own(own("own-lunge", "Lunge"))
        coach.update_own(replace(lunge, name="Lunge, slow"), coach.version_of(lunge.id))
        coach.duplicate("clamshell")
        coach.archive("glute-bridge")
        coach.restore("glute-bridge")
        coach.import_own([own("own-step", "Step up")])
        coach.save_template("Return to running", "", "{}")
        coach.save_template("Return to running", "again", "{}")
        assert [t.description for t in coach.templates()] == ["again"]
        coach.refresh_copy()
        assert read_exercises_quickly(copy_path()) == coach.exercises(include_archived=True)
    # and no more: the role cannot remove the clinic's exercises
    engine = make_server_engine(coach_url)
    with pytest.raises(ProgrammingError, match="permission denied"), engine.begin() as c:
        c.exec_driver_sql("DELETE FROM exercise")
    engine.dispose()


def test_a_coach_role_cannot_migrate_and_is_told_who_can(pg_url: str) -> None:
    admin = make_server_engine(pg_url)
    migrate(admin, None, utc_now(), target="0003")
    with admin.begin() as connection:
        connection.exec_driver_sql("DROP ROLE IF EXISTS hip_reader")
        connection.exec_driver_sql("CREATE ROLE hip_reader LOGIN")
        connection.exec_driver_sql(  # the coach's grants as they were at schema 0003
            "GRANT USAGE ON SCHEMA public TO hip_reader;"
            " GRANT SELECT ON alembic_version TO hip_reader;"
            " GRANT SELECT, INSERT, UPDATE ON exercise TO hip_reader;"
        )
    admin.dispose()
    reader = make_url(pg_url).set(username="hip_reader").render_as_string(hide_password=False)
    with pytest.raises(CatalogOpenError, match="clinic init"):
        CatalogDatabase.open(url=reader, builtins=[])


def test_copies_written_at_once_leave_one_whole_copy(
    pg_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    catalog, _ = CatalogDatabase.open(url=pg_url, builtins=shipped_v1())
    with catalog:
        threads = [threading.Thread(target=catalog.refresh_copy) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert read_exercises_quickly(copy_path()) == catalog.exercises(include_archived=True)
    assert "not written" not in caplog.text
    assert [p.name for p in copy_path().parent.iterdir() if "clinic-copy" in p.name] == [
        copy_path().name
    ]


@given(
    user=st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1
    ),
    password=st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1
    ),
)
def test_any_password_is_taken_out_of_the_address_whole(user: str, password: str) -> None:
    url = URL.create(
        "postgresql",
        username=user,
        password=password,
        host="db.example",
        database="hip",
        query={"sslmode": "require"},
    ).render_as_string(hide_password=False)
    stored, found = split_password(url)
    assert found == password
    parsed = make_url(stored)
    assert (parsed.username, parsed.password, parsed.host) == (user, None, "db.example")
    assert parsed.query == {"sslmode": "require"}


def test_the_command_line_lists_the_copy_when_the_server_is_away(
    pg_url: str, hip_home: Path
) -> None:
    catalog, _ = CatalogDatabase.open(url=pg_url, builtins=[])
    with catalog:
        catalog.add_own(own("own-lunge", "Lunge"))
        catalog.refresh_copy()
    away = {URL_VARIABLE: "postgresql://coach@127.0.0.1:1/clinic"}
    listed = run_main("catalog", "--json", home=hip_home, **away)
    assert listed.returncode == 0
    assert [row["id"] for row in json.loads(listed.stdout)] == ["own-lunge"]
    assert "cannot be reached" in listed.stderr
    assert "Listing the copy of the clinic catalog of " in listed.stderr
    assert len(listed.stderr.splitlines()) == 1
    shared = hip_home / "shared.json"
    write_exercises(shared, [make_exercise("own-hip-lock", name="Hip lock", builtin=False)])
    refused = run_main("catalog", "import", str(shared), home=hip_home, **away)
    assert refused.returncode == 2
    assert "cannot be reached" in refused.stderr
