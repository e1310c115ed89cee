"""The week calendar: seven day columns of entry cards, with drag and drop and keyboard paths.

The widgets only report what the coach did (signals); the planner controller turns that into
undo commands. Drops carry ids in vendor MIME types; anything else is refused.
"""

from __future__ import annotations

import sys
from datetime import date

from PySide6.QtCore import QItemSelectionModel, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.program import DAY_NAMES, DAYS_PER_WEEK, Program
from ui.common.mime import ENTRY_IDS, EXERCISE_IDS, decode_ids
from ui.week.day_model import DayModel
from ui.week.entry_delegate import EntryDelegate

EMPTY_DAY_HINT = "Drop exercises here"
# Holding this while dropping a card copies it instead of moving it: Option on macOS, else Ctrl.
COPY_MODIFIER = (
    Qt.KeyboardModifier.AltModifier
    if sys.platform == "darwin"
    else Qt.KeyboardModifier.ControlModifier
)
DAY_MIN_WIDTH = 100


class DayList(QListView):
    """One day's cards. Accepts exercises from the catalog and cards from any day."""

    exercises_dropped = Signal(list, int, int)  # exercise ids, day, row
    entries_dropped = Signal(list, int, int, bool)  # entry ids, day, row, copy?
    key_action = Signal(str, int)  # action name, day
    focused = Signal(int)

    def __init__(self, model: DayModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.day_model = model
        self.setItemDelegate(EntryDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)  # we draw our own line between cards
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(0)
        self.setAccessibleName(f"{DAY_NAMES[model.day]} exercises")
        self._drop_row: int | None = None

    @property
    def day(self) -> int:
        return self.day_model.day

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.selectionModel().selectedIndexes())
        return [self.day_model.entry(r).id for r in rows]

    def select_ids(self, ids: set[str]) -> None:
        selection = self.selectionModel()
        selection.clearSelection()
        for row, entry in enumerate(self.day_model.entries):
            if entry.id in ids:
                index = self.day_model.index(row, 0)
                selection.select(index, QItemSelectionModel.SelectionFlag.Select)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)

    def drop_row_at(self, pos: QPoint) -> int:
        """The insertion row for a drop at ``pos``: before the first card whose middle is below."""
        for row in range(self.day_model.rowCount()):
            rect = self.visualRect(self.day_model.index(row, 0))
            if pos.y() < rect.center().y():
                return row
        return self.day_model.rowCount()

    # -- drag out ----------------------------------------------------------------------------

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        drag = QDrag(self)
        drag.setMimeData(self.day_model.mimeData(self.selectedIndexes()))
        drag.exec(Qt.DropAction.MoveAction | Qt.DropAction.CopyAction, Qt.DropAction.MoveAction)

    # -- drops in ----------------------------------------------------------------------------

    @staticmethod
    def _kind(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> str | None:
        data = event.mimeData()
        if decode_ids(data, ENTRY_IDS):
            return ENTRY_IDS
        if decode_ids(data, EXERCISE_IDS):
            return EXERCISE_IDS
        return None

    def _accept(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        kind = self._kind(event)
        if kind is None:
            event.ignore()
            return False
        copy = kind == EXERCISE_IDS or bool(event.modifiers() & COPY_MODIFIER)
        event.setDropAction(Qt.DropAction.CopyAction if copy else Qt.DropAction.MoveAction)
        event.accept()
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accept(event):
            self._set_drop_row(self.drop_row_at(event.position().toPoint()))

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accept(event):
            self._set_drop_row(self.drop_row_at(event.position().toPoint()))

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_row(None)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_row(None)
        kind = self._kind(event)
        if kind is None or not self._accept(event):
            return
        # Our own startDrag ignores the drop result, so the move happens here as one undo step.
        row = self.drop_row_at(event.position().toPoint())
        ids = decode_ids(event.mimeData(), kind)
        if kind == EXERCISE_IDS:
            self.exercises_dropped.emit(ids, self.day, row)
        else:
            copy = event.dropAction() == Qt.DropAction.CopyAction
            self.entries_dropped.emit(ids, self.day, row, copy)

    def _set_drop_row(self, row: int | None) -> None:
        if row != self._drop_row:
            self._drop_row = row
            self.viewport().update()

    # -- keys, focus, painting ---------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        alt = mods & Qt.KeyboardModifier.AltModifier
        actions = {
            (Qt.Key.Key_Delete, False): "delete",
            (Qt.Key.Key_Backspace, False): "delete",
            (Qt.Key.Key_F2, False): "edit",
            (Qt.Key.Key_Return, False): "edit",
            (Qt.Key.Key_Enter, False): "edit",
            (Qt.Key.Key_Up, True): "up",
            (Qt.Key.Key_Down, True): "down",
            (Qt.Key.Key_Left, False): "previous-day",
            (Qt.Key.Key_Right, False): "next-day",
        }
        action = actions.get((Qt.Key(key), bool(alt)))
        if action is not None:
            self.key_action.emit(action, self.day)
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.indexAt(event.position().toPoint()).isValid():
            self.key_action.emit("edit", self.day)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit(self.day)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        palette = self.palette()
        if self.day_model.rowCount() == 0:
            painter.setPen(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            painter.drawText(
                self.viewport().rect().adjusted(6, 6, -6, -6),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                EMPTY_DAY_HINT,
            )
        if self._drop_row is not None:
            y = self._drop_y(self._drop_row)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
            painter.drawLine(4, y, self.viewport().width() - 4, y)
            painter.drawEllipse(QPoint(4, y), 3, 3)
        painter.end()

    def _drop_y(self, row: int) -> int:
        count = self.day_model.rowCount()
        if count == 0:
            return 4
        if row < count:
            return max(2, self.visualRect(self.day_model.index(row, 0)).top())
        rect: QRect = self.visualRect(self.day_model.index(count - 1, 0))
        return rect.bottom() - 1


class DayHeader(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMargin(3)
        self.setWordWrap(True)

    def show_day(
        self,
        name: str,
        when: date | None,
        sets: int,
        minutes: int,
        selected: bool,
        week_planned: bool = True,
        before_start: bool = False,
    ) -> None:
        """``week_planned``: the week has exercises, so an empty day is a rest day (in an
        empty week it is simply not planned yet). ``before_start``: a day of week 1 before
        the start date, neither dated nor done (the handout leaves its session out)."""
        marker = "▸ " if selected else ""
        date_text = f"<br>{when.day} {when:%b}" if when else ""
        if before_start:
            when, date_text = None, "<br><i>before the start</i>"
        if sets:
            summary = f"{sets} sets · ~{minutes} min"
            if before_start:
                summary = f"{sets} sets · not done"
        else:
            summary = "Rest day" if week_planned else "Nothing planned"
        self.setText(f"<b>{marker}{name}</b>{date_text}<br><small>{summary}</small>")
        self.setFrameShadow(QFrame.Shadow.Sunken if selected else QFrame.Shadow.Plain)
        self.setLineWidth(2 if selected else 1)
        spoken_date = f" {when.day} {when:%B}" if when else ""
        if before_start:
            spoken_date = ", before the start"
        selected_text = ", selected day" if selected else ""
        self.setAccessibleName(f"{name}{spoken_date}, {summary}{selected_text}")


class WeekView(QScrollArea):
    """Seven day columns for the shown week; a horizontal scroll bar appears in small windows."""

    day_selected = Signal(int)

    def __init__(self, program: Program, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekView")
        self.setWidgetResizable(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.program = program
        self.week = 0
        self.selected_day = 0
        self.models = [DayModel(program, 0, d, self) for d in range(DAYS_PER_WEEK)]
        self.lists = [DayList(m) for m in self.models]
        self.headers = [DayHeader() for _ in range(DAYS_PER_WEEK)]
        inner = QWidget()
        row = QHBoxLayout(inner)
        row.setContentsMargins(2, 2, 2, 2)
        row.setSpacing(4)
        for header, day_list in zip(self.headers, self.lists, strict=True):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(header)
            column.addWidget(day_list, 1)
            holder = QWidget()
            holder.setLayout(column)
            holder.setMinimumWidth(DAY_MIN_WIDTH)
            column.setContentsMargins(0, 0, 0, 0)
            row.addWidget(holder, 1)
            day_list.focused.connect(self.select_day)
        self.setWidget(inner)
        self.refresh()

    def show_week(self, program: Program, week: int) -> None:
        self.program, self.week = program, week
        for model in self.models:
            model.show(program, week)
        self.refresh_headers()

    def refresh(self, keep_selection: bool = True) -> None:
        """Re-read every day of the shown week, keeping the selected cards selected."""
        selected = (
            {i for day_list in self.lists for i in day_list.selected_ids()}
            if keep_selection
            else set()
        )
        for model, day_list in zip(self.models, self.lists, strict=True):
            model.refresh()
            if selected:
                day_list.select_ids(selected)
        self.refresh_headers()

    def refresh_headers(self) -> None:
        if self.week >= len(self.program.weeks):
            return
        week = self.program.weeks[self.week]
        for d, header in enumerate(self.headers):
            day = week.days[d]
            header.show_day(
                DAY_NAMES[d],
                self.program.day_date(self.week, d),
                day.total_sets,
                day.estimated_minutes(),
                d == self.selected_day,
                not week.is_empty,
                self.program.before_start(self.week, d),
            )

    def select_day(self, day: int) -> None:
        if day != self.selected_day:
            self.selected_day = day
            self.refresh_headers()
            self.day_selected.emit(day)

    def focus_day(self, day: int) -> None:
        day = max(0, min(DAYS_PER_WEEK - 1, day))
        self.select_day(day)
        target = self.lists[day]
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if not target.currentIndex().isValid() and target.day_model.rowCount():
            target.setCurrentIndex(target.day_model.index(0, 0))
        self.ensureWidgetVisible(target)

    def current_list(self) -> DayList:
        return self.lists[self.selected_day]
