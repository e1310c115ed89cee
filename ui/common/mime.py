"""Vendor MIME types for drag and drop: they carry ids only, never objects."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

EXERCISE_IDS = "application/x-hip-planner-exercise-ids"
ENTRY_IDS = "application/x-hip-planner-entry-ids"


def encode_ids(mime_type: str, ids: list[str]) -> QMimeData:
    data = QMimeData()
    data.setData(mime_type, json.dumps(ids).encode("utf-8"))
    return data


def decode_ids(data: QMimeData, mime_type: str) -> list[str]:
    """The ids carried by ``data`` for ``mime_type``; an empty list for anything malformed."""
    if not data.hasFormat(mime_type):
        return []
    try:
        ids = json.loads(bytes(data.data(mime_type).data()).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return []
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return []
    return ids
