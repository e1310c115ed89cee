"""A throw-away PostgreSQL server for the tests and the load benchmark.

Runs ``initdb`` and ``postgres`` from the installed binaries on a free port of 127.0.0.1 in a
temporary folder. Both refuse to run as root (as CI does), so there they run as an
unprivileged system user (``postgres`` or ``nobody``) that owns the folder.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SERVER_USERS = ("postgres", "nobody")
START_TIMEOUT_S = 60.0


def find_bindir() -> Path | None:
    """The folder holding ``initdb`` and ``postgres``: pg_config's, Debian's, or on PATH."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        found = subprocess.run(
            [pg_config, "--bindir"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if found:
            candidates.append(Path(found))
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "postgres").is_file():
            return folder
    return None


def missing_reason() -> str | None:
    """Why no server can be started here (one line), or None."""
    if find_bindir() is None:
        return "PostgreSQL's server binaries (initdb, postgres) are not installed"
    if os.geteuid() == 0 and _server_user() is None:
        return "running as root and no unprivileged user (postgres, nobody) to run PostgreSQL"
    return None


def _server_user() -> pwd.struct_passwd | None:
    for name in SERVER_USERS:
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PgServer:
    """A running server; ``url(db)`` is a SQLAlchemy URL for database ``db`` as superuser."""

    folder: Path
    port: int
    user: str = "hip"
    process: subprocess.Popen[bytes] | None = None
    _as: Callable[[], None] | None = field(default=None, repr=False)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Make an empty database and return its URL."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=self.user, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def start(self) -> None:
        log = (self.folder / "server.log").open("ab")
        self.process = subprocess.Popen(
            [
                str(find_bindir() / "postgres"),  # type: ignore[operator]
                "-D",
                str(self.data),
                "-p",
                str(self.port),
                "-h",
                "127.0.0.1",
                "-k",
                str(self.folder),
                "-c",
                "fsync=off",
                "-c",
                "max_connections=100",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=self._as,
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"postgres ended at start; see {self.folder / 'server.log'}")
            if self._accepts():
                return
            time.sleep(0.1)
        raise RuntimeError("postgres did not start in time")

    def _accepts(self) -> bool:
        import psycopg

        try:
            psycopg.connect(
                host="127.0.0.1",
                port=self.port,
                user=self.user,
                dbname="postgres",
                connect_timeout=2,
            ).close()
        except psycopg.OperationalError:
            return False
        return True

    def stop(self) -> None:
        """A fast shutdown (SIGINT): open connections are cut, as when a server goes away."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(2)
            self.process.wait(timeout=60)
        self.process = None


def start_server() -> PgServer:
    """initdb + postgres in a new temporary folder; the caller stops it and removes the folder."""
    bindir = find_bindir()
    if bindir is None:
        raise RuntimeError(missing_reason())
    folder = Path(tempfile.mkdtemp(prefix="hip-pg-"))
    demote: Callable[[], None] | None = None
    if os.geteuid() == 0:
        account = _server_user()
        if account is None:
            raise RuntimeError(missing_reason())
        uid, gid = account.pw_uid, account.pw_gid

        def demote() -> None:
            os.setgid(gid)
            os.setuid(uid)

        os.chown(folder, uid, gid)
        folder.chmod(0o700)
    server = PgServer(folder, _free_port(), _as=demote)
    subprocess.run(
        [
            str(bindir / "initdb"),
            "-D",
            str(server.data),
            "-U",
            server.user,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
        preexec_fn=demote,
        cwd=folder,
    )
    server.start()
    return server


def remove(server: PgServer) -> None:
    server.stop()
    shutil.rmtree(server.folder, ignore_errors=True)
