"""Today's date for the views of the client's log, in one place so tests can set it."""

from __future__ import annotations

from datetime import date


def today() -> date:
    return date.today()
