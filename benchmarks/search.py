"""Typing in the catalog search: keystroke to the repainted list, at 10,000 and 100,000 exercises.

A real :class:`ui.catalog.catalog_panel.CatalogPanel` over a synthetic catalog; each keystroke is a
``QTest.keyClick`` on its search field, and the measured span ends after the list's viewport is
repainted and pending events are processed. Baseline: the same keystrokes into a bare QLineEdit
+ QListView over a minimal model of the same size doing a plain substring filter on the same
casefolded texts. Targets: median at most 16 ms at 10,000 and 100 ms at 100,000.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QVBoxLayout, QWidget

from benchmarks._common import RUNS, qt_app, report, synthetic_catalog

TYPED = "slow lift"
"""Two words a coach might type; every keystroke is one sample."""
LIMITS = {10_000: 16.0, 100_000: 100.0}


class BareModel(QAbstractListModel):
    def __init__(self, names: Sequence[str], blobs: Sequence[str]) -> None:
        super().__init__()
        self.names, self.blobs = names, blobs
        self.rows = list(range(len(names)))

    def set_filter(self, text: str) -> None:
        needle = text.casefold()
        self.beginResetModel()
        self.rows = [i for i, blob in enumerate(self.blobs) if needle in blob]
        self.endResetModel()

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.names[self.rows[index.row()]]
        return None


def type_keys(field: QLineEdit, view: QListView, clear: Any) -> list[float]:
    """Milliseconds per keystroke of :data:`TYPED`, each until the list is repainted."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    samples = []
    for _ in range(max(5, RUNS)):
        clear()
        app.processEvents()
        for key in TYPED:
            started = time.perf_counter()
            QTest.keyClick(field, key)
            view.viewport().repaint()
            app.processEvents()
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def bare_samples(names: list[str], blobs: list[str]) -> list[float]:
    window = QWidget()
    field, view, model = QLineEdit(), QListView(), BareModel(names, blobs)
    view.setModel(model)
    view.setUniformItemSizes(True)
    field.textChanged.connect(model.set_filter)
    layout = QVBoxLayout(window)
    layout.addWidget(field)
    layout.addWidget(view)
    window.resize(330, 800)
    window.show()
    field.setFocus()
    samples = type_keys(field, view, field.clear)
    window.close()
    return samples


def app_samples(exercises: list[Any]) -> list[float]:
    from ui.catalog.catalog_model import CatalogModel
    from ui.catalog.catalog_panel import CatalogPanel

    panel = CatalogPanel(CatalogModel(exercises))
    panel.resize(330, 800)
    panel.show()
    panel.search.setFocus()
    samples = type_keys(panel.search, panel.list, panel.clear_filters)
    panel.close()
    return samples


def main() -> None:
    qt_app()
    for count, limit in LIMITS.items():
        exercises = synthetic_catalog(count)
        names = [ex.name for ex in exercises]
        blobs = [ex.search_text for ex in exercises]
        ours = app_samples(exercises)
        bare = bare_samples(names, blobs)
        report(
            f"search keystroke, {count:,} exercises",
            statistics.median(ours),
            statistics.median(bare),
            "ms",
            limit=limit,
        )
        print(f"{'':<44} worst keystroke {max(ours):.1f} ms, baseline worst {max(bare):.1f} ms")


if __name__ == "__main__":
    main()
