"""Where a clinic's shared catalog is, who this coach is, and the server's password.

The address comes from ``HIP_PLANNER_DATABASE_URL`` or from ``clinic.toml`` in the settings
folder (Preferences ▸ Clinic writes it). A password is never written there: it goes to the
system keyring, or — without one — the coach keeps it in the standard ``.pgpass`` file that
libpq reads itself. Importing this module imports neither SQLAlchemy nor keyring (the first
paint of the window reads the local copy through it).
"""

from __future__ import annotations

import getpass
import logging
import os
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from planner.files import folders

if TYPE_CHECKING:
    from sqlalchemy import URL

log = logging.getLogger(__name__)

URL_VARIABLE = "HIP_PLANNER_DATABASE_URL"
SETTINGS_FILE = "clinic.toml"
COPY_FILE = "clinic-copy.sqlite3"
KEYRING_SERVICE = "hip-planner"
COPY_LIMITS = (
    "Until it is back you cannot add, edit, duplicate, archive, restore or import exercises, "
    "and cannot save or use clinic templates; programs open, change, save and print as usual."
)


@dataclass(frozen=True, slots=True)
class ClinicSettings:
    url: str = ""
    """The catalog's address without password; empty: this computer's own catalog."""
    coach: str = ""
    """The name own exercises and templates are signed with; empty: the computer account."""


def settings_path() -> Path:
    return folders.config_dir() / SETTINGS_FILE


def read_settings() -> ClinicSettings:
    """The saved clinic settings; a missing or unreadable file means none (logged)."""
    try:
        data = tomllib.loads(settings_path().read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return ClinicSettings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        log.warning("clinic settings %s not read: %s", settings_path(), exc)
        return ClinicSettings()
    url, coach = data.get("url", ""), data.get("coach", "")
    return ClinicSettings(
        url if isinstance(url, str) else "", coach if isinstance(coach, str) else ""
    )


def clinic_url() -> str | None:
    """The clinic catalog's address (the environment wins over the settings), or None."""
    return os.environ.get(URL_VARIABLE, "").strip() or read_settings().url.strip() or None


def coach_name() -> str:
    """Who this coach is, for ``created_by`` and a template's author."""
    name = read_settings().coach.strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def copy_path() -> Path:
    """The local read-only copy of the clinic catalog, written after each connection."""
    return folders.data_dir() / COPY_FILE


def copy_time(path: Path | None = None) -> str:
    """When the local copy was written, in the coach's local time ("" when there is none)."""
    try:
        stamp = (path or copy_path()).stat().st_mtime
    except OSError:
        return ""
    return datetime.fromtimestamp(stamp).strftime("%Y-%m-%d %H:%M")


def unreachable_note(reason: str) -> str:
    """What the coach is told when the clinic's server cannot be used now."""
    when = copy_time()
    if when:
        head = f"clinic catalog unreachable — working from the copy of {when}."
    else:
        head = (
            "clinic catalog unreachable — no local copy yet, working from the built-in exercises."
        )
    return f"{head}\n\n{reason}\n\n{COPY_LIMITS}"


def split_password(url: str) -> tuple[str, str | None]:
    """The address without its password (for the settings), and the password if it had one."""
    from sqlalchemy import make_url

    parsed = make_url(url)
    password = parsed.password
    shown = parsed._replace(password=None).render_as_string(hide_password=False)
    return shown, None if password is None else str(password)


def keyring_account(url: URL) -> str:
    return f"{url.username}@{url.host}:{url.port or 5432}/{url.database}"


def store_password(url: str, password: str) -> str:
    """Put the password in the system keyring; returns what the coach should be told.

    Without a usable keyring the password is not kept at all: the coach is told to put it in
    ``.pgpass`` (libpq's standard password file), which is read at every connection.
    """
    from sqlalchemy import make_url

    try:
        import keyring
        from keyring.errors import KeyringError

        keyring.set_password(KEYRING_SERVICE, keyring_account(make_url(url)), password)
    except (ImportError, KeyringError, RuntimeError) as exc:
        return (
            f"No system keyring is available here ({exc}), so the password was not kept. Put "
            f"it in {pgpass_path()} instead (one line: host:port:database:user:password, "
            "readable only by you); see docs/clinic.md."
        )
    return "The password is kept in the system keyring."


def with_password(url: URL) -> URL:
    """``url`` with the keyring's password for it, if there is one (else libpq's .pgpass)."""
    if url.password is not None:
        return url
    try:
        import keyring
        from keyring.errors import KeyringError

        password = keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except (ImportError, KeyringError, RuntimeError) as exc:
        log.info("no keyring for the clinic password (%s); libpq reads .pgpass", exc)
        return url
    return url if password is None else url.set(password=password)


def pgpass_path() -> Path:
    found = os.environ.get("PGPASSFILE")
    if found:
        return Path(found)
    if os.name == "nt":
        return Path(os.environ.get("APPDATA", "~")).expanduser() / "postgresql" / "pgpass.conf"
    return Path("~/.pgpass").expanduser()


def save_settings(settings: ClinicSettings) -> None:
    """Write ``clinic.toml`` (the URL must already be without its password)."""
    import tomli_w

    from planner.files.safe_save import write_atomically

    data = {"url": settings.url, "coach": settings.coach}
    write_atomically(settings_path(), tomli_w.dumps(data).encode("utf-8"))
