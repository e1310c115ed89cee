"""Hip Planner in a Linux desktop's application menu, for a copy run from source or installed
with pip (``hip-planner desktop-entry``); the bundle's ``install.sh`` does the same for the
bundle's program.

For this user only, under ``$XDG_DATA_HOME`` (``~/.local/share``): the desktop entry
``applications/hip-planner.desktop``, the icon ``icons/hicolor/scalable/apps/hip-planner.svg``
and the ``.hipplan`` file type ``mime/packages/hip-planner.xml``. The entry's name matches the
desktop file name the window gives Qt, so a desktop shows that icon for the window.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from planner.files.safe_save import write_atomically
from resources import resource_path

NAME = "hip-planner"
MIME_TYPE = "application/x-hip-planner"

MIME_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- The .hipplan program file, for shared-mime-info: a double-click opens Hip Planner. -->
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>Hip Planner program</comment>
    <sub-class-of type="application/json"/>
    <icon name="{NAME}"/>
    <glob pattern="*.hipplan"/>
  </mime-type>
</mime-info>
"""


def data_home() -> Path:
    """``$XDG_DATA_HOME``; the specification says a relative one is invalid and to be ignored."""
    value = Path(os.environ.get("XDG_DATA_HOME", ""))
    return value if value.is_absolute() else Path.home() / ".local" / "share"


def places(home: Path | None = None) -> dict[str, Path]:
    base = home or data_home()
    return {
        "entry": base / "applications" / f"{NAME}.desktop",
        "icon": base / "icons" / "hicolor" / "scalable" / "apps" / f"{NAME}.svg",
        "mime": base / "mime" / "packages" / f"{NAME}.xml",
    }


def launcher() -> list[str]:
    """The command that starts this copy's window: the ``hip-planner-gui`` script installed
    beside this Python, else this Python running ``main.py``."""
    beside = Path(sys.executable).parent
    for name in ("hip-planner-gui", "hip-planner"):
        script = beside / name
        if script.is_file():
            return [str(script)]
    return [sys.executable, str(Path(__file__).resolve().parents[2] / "main.py")]


def exec_line(command: list[str]) -> str:
    """The value of ``Exec=``: each argument quoted as the desktop entry specification asks
    (``"`$\\`` escaped inside the quotes, ``%`` doubled), then the value's backslashes
    escaped once more as in every string of the file."""

    def quoted(arg: str) -> str:
        for char in ("\\", '"', "`", "$"):
            arg = arg.replace(char, "\\" + char)
        return '"' + arg.replace("%", "%%") + '"'

    value = " ".join(quoted(arg) for arg in command) + " %F"
    return value.replace("\\", "\\\\")


def entry_text(command: list[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Hip Planner\n"
        "GenericName=Hip strength planner\n"
        "Comment=Plan hip strength programs for runners: every direction, every week, on paper\n"
        f"Exec={exec_line(command)}\n"
        f"Icon={NAME}\n"
        "Terminal=false\n"
        "Categories=Education;Sports;\n"
        f"MimeType={MIME_TYPE};\n"
        f"StartupWMClass={NAME}\n"
    )


def install(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Put the entry, the icon and the file type in place; returns what was written."""
    where = places(home)
    for path in where.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    svg = resource_path("icons", f"{NAME}.svg").read_bytes()
    write_atomically(where["entry"], entry_text(command or launcher()).encode("utf-8"))
    write_atomically(where["icon"], svg)
    write_atomically(where["mime"], MIME_XML.encode("utf-8"))
    _refresh(where)
    return list(where.values())


def remove(home: Path | None = None) -> list[Path]:
    """Take them away again (programs and the catalog stay); returns what was removed."""
    where = places(home)
    gone = []
    for path in where.values():
        if path.exists():
            path.unlink()
            gone.append(path)
    _refresh(where)
    return gone


def _refresh(where: dict[str, Path]) -> None:
    """Tell the desktop, when its tools are installed (a menu without them updates later)."""
    tools = (
        ("update-mime-database", where["mime"].parent.parent),
        ("update-desktop-database", where["entry"].parent),
    )
    for tool, folder in tools:
        program = shutil.which(tool)
        if program is not None and folder.is_dir():
            subprocess.run([program, str(folder)], check=False, capture_output=True, timeout=60)
