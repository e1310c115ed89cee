"""What a file says, made safe to show: every message that echoes file content goes through here.

A file can hold anything: terminal escape sequences, NUL, lone UTF-16 surrogates (which crash a
print), or a key five megabytes long. :func:`quoted` shortens such text and puts it in quotes,
:func:`printable` escapes the characters a terminal or a dialog would act on, and :func:`place`
writes a path inside a JSON document (``weeks[2].days[1]``) with odd keys quoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SHOWN_CHARACTERS = 40
"""How much of a value from a file a message shows before "…"."""

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""Control characters (C0, DEL, C1), bidirectional overrides and lone surrogates."""
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control characters, direction overrides and lone surrogates escaped."""
    return _UNSAFE.sub(_escape, text)


def shortened(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    """``text`` cut to ``limit`` characters with "…", and made :func:`printable`."""
    return printable(text if len(text) <= limit else text[:limit] + "…")


def quoted(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    """``text`` for a message: in double quotes, shortened, made :func:`printable`."""
    body = text if len(text) <= limit else text[:limit]
    body = printable(body.replace("\\", "\\\\").replace('"', '\\"'))
    return f'"{body}…"' if len(text) > limit else f'"{body}"'


def place(path: Iterable[int | str]) -> str:
    """("weeks", 2, "days", 1) → "weeks[2].days[1]"; a key that is not a plain name is quoted."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _NAME.fullmatch(part) and len(part) <= SHOWN_CHARACTERS:
            text += f".{part}"
        else:
            text += f"[{quoted(part)}]"
    return text.removeprefix(".")
