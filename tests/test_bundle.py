"""The built bundle, started from a clean folder without the virtual environment.

``make smoke`` runs this against ``dist/hip-planner`` (CI does, after ``make test`` and
``make bundle``): ``HIP_PLANNER_BUNDLE`` names the bundle folder (``dist/Hip Planner.app`` on
macOS); without it every test here is skipped. The bundle is copied to a temporary folder and
run with no Python of ours on PATH, ``HIP_PLANNER_HOME`` unset and ``HOME`` pointed at a
temporary folder, so it finds its user folders as on a coach's computer.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from db.revisions import HEAD_REVISION
from planner.files.catalog_file import load_catalog_dir
from resources import resource_path
from ui.app.first_paint import EXIT_AFTER_PAINT

BUNDLE = os.environ.get("HIP_PLANNER_BUNDLE", "")
ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120

pytestmark = pytest.mark.bundle
if not BUNDLE:
    pytest.skip("no bundle given: run make bundle, then make smoke", allow_module_level=True)


@dataclass(frozen=True)
class Installed:
    folder: Path
    program: Path
    home: Path
    work: Path
    listing: dict[str, tuple[int, int]]
    """Every file of the bundle copy: size and modification time, as copied."""

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a coach's session: no venv, no HIP_PLANNER_HOME, HOME = temp."""
        ours = Path(sys.prefix).resolve()
        env = {
            key: value
            for key, value in os.environ.items()
            if key
            not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "QT_QPA_PLATFORM", EXIT_AFTER_PAINT}
            and not key.startswith(("XDG_", "HIP_PLANNER_"))
        }
        env["PATH"] = os.pathsep.join(
            entry
            for entry in env.get("PATH", "").split(os.pathsep)
            if entry and not Path(entry).resolve().is_relative_to(ours)
        )
        env["HOME"] = str(self.home)
        env.setdefault("LANG", "C.UTF-8")
        return env | extra

    def run(self, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return self.run_command([str(self.program), *args], **extra)

    def run_command(self, command: list[str], **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command,
            env=self.env(**extra),
            cwd=self.work,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )


def program_in(folder: Path) -> Path:
    if sys.platform == "win32":
        return folder / "hip-planner-cli.exe"  # the console one: its output can be read
    if sys.platform == "darwin":
        return folder / "Contents" / "MacOS" / "hip-planner"
    return folder / "hip-planner"


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        path.relative_to(folder).as_posix(): (path.lstat().st_size, path.lstat().st_mtime_ns)
        for path in folder.rglob("*")
    }


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    source = Path(BUNDLE).resolve()
    if not program_in(source).exists():
        pytest.fail(f"{source} holds no program: run make bundle first")
    base = tmp_path_factory.mktemp("coach")
    folder = base / source.name
    shutil.copytree(source, folder, symlinks=True)
    for part in ("home", "work"):
        (base / part).mkdir()
    return Installed(folder, program_in(folder), base / "home", base / "work", listing(folder))


@pytest.fixture(scope="module")
def started(installed: Installed) -> subprocess.CompletedProcess[str]:
    """The first start: offscreen, exits once the window is painted (its start page)."""
    return installed.run(QT_QPA_PLATFORM="offscreen", **{EXIT_AFTER_PAINT: "1"})


@pytest.fixture(scope="module")
def templates(installed: Installed) -> list[Path]:
    """The built-in templates as shipped in the bundle, copied out to the work folder."""
    shipped = {path.name: path for path in installed.folder.rglob("templates/*.hipplan")}
    assert sorted(shipped) == sorted(p.name for p in resource_path("templates").glob("*.hipplan"))
    return [Path(shutil.copy(path, installed.work)) for _name, path in sorted(shipped.items())]


def expected_database(installed: Installed) -> Path:
    """Where the source tree puts the catalog for this user (platformdirs, HOME = temp)."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from planner.files.folders import database_path; print(database_path())",
        ],
        env=installed.env(PYTHONPATH=str(ROOT)),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(done.stdout.strip())


def test_the_window_opens_and_is_painted(started: subprocess.CompletedProcess[str]) -> None:
    assert started.returncode == 0, started.stderr
    assert started.stdout.startswith("painted "), started.stdout
    assert "Traceback" not in started.stderr


def test_the_catalog_database_is_made_in_the_users_folder(
    installed: Installed, started: subprocess.CompletedProcess[str]
) -> None:
    database = expected_database(installed)
    assert database.is_relative_to(installed.home) or sys.platform == "win32"
    with sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True) as connection:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        ids = {row[0] for row in connection.execute("SELECT id FROM exercise")}
    connection.close()
    assert revision == [(HEAD_REVISION,)]  # the migration scripts ran from inside the bundle
    assert {e.id for e in load_catalog_dir(resource_path("catalog"))} <= ids


def test_catalog_lists_the_shipped_exercises(installed: Installed, started: object) -> None:
    done = installed.run("catalog", "--json")
    assert done.returncode == 0, done.stderr
    shipped = {e.id for e in load_catalog_dir(resource_path("catalog"))}
    assert {row["id"] for row in json.loads(done.stdout)} == shipped


def test_check_reports_as_the_source_tree_does(installed: Installed, templates: list[Path]) -> None:
    for template in templates:
        bundled = installed.run("check", template.name, "--json")
        source = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "check", str(template), "--json"],
            env=dict(os.environ, HIP_PLANNER_HOME=str(installed.work.parent / "source-home")),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        assert bundled.returncode in (0, 1), bundled.stderr
        assert (bundled.returncode, bundled.stdout) == (source.returncode, source.stdout)
        assert json.loads(bundled.stdout)["weeks"], template.name


def test_export_writes_a_handout_in_the_shipped_font(
    installed: Installed, templates: list[Path]
) -> None:
    template = next(t for t in templates if t.name != "blank.hipplan")
    done = installed.run("export", template.name, "-o", "handout.pdf")
    assert done.returncode == 0, done.stderr
    pdf = installed.work / "handout.pdf"
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 1
    assert reader.pages[0].extract_text().strip()
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("DejaVuSans" in name for name in fonts), fonts


def test_a_mistake_is_one_line_and_exit_code_2(installed: Installed) -> None:
    done = installed.run("check", "no-such-file.hipplan")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check is Linux's")
def test_without_a_display_it_says_so_in_one_line(installed: Installed) -> None:
    env = {key: "" for key in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = installed.run(**env)
    assert done.returncode == 2
    assert "no display was found" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux desktop entry")
def test_install_sh_adds_the_menu_entry_icon_and_file_type(installed: Installed) -> None:
    data = installed.home / ".local" / "share"
    install = ["sh", str(installed.folder / "install.sh")]
    done = installed.run_command(install)
    assert done.returncode == 0, done.stderr
    entry = (data / "applications" / "hip-planner.desktop").read_text(encoding="utf-8")
    assert f'Exec="{installed.program}" %F' in entry.splitlines()
    assert "MimeType=application/x-hip-planner;" in entry.splitlines()
    if shutil.which("desktop-file-validate"):
        checked = installed.run_command(
            ["desktop-file-validate", str(data / "applications" / "hip-planner.desktop")]
        )
        assert checked.returncode == 0, checked.stdout
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "hip-planner.png").is_file()
    assert (data / "mime" / "packages" / "hip-planner.xml").is_file()
    if shutil.which("update-mime-database"):
        globs = (data / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
        assert any(line.endswith(":application/x-hip-planner:*.hipplan") for line in globs)

    removed = installed.run_command([*install, "--remove"])
    assert removed.returncode == 0, removed.stderr
    assert not (data / "applications" / "hip-planner.desktop").exists()
    assert not list((data / "icons").rglob("hip-planner.png"))


def test_nothing_is_written_beside_the_bundle(
    installed: Installed, started: object, templates: object
) -> None:
    """Runs last: every start and command above has run from this copy by now."""
    assert listing(installed.folder) == installed.listing
