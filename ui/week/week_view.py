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
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QLabel,
    QListView,
    QScrollArea,
    QWidget,
)

from planner.program import DAY_NAMES, DAYS_PER_WEEK
from ui.common.mime import ENTRY_IDS, EXERCISE_IDS, decode_ids
from ui.common.workspace import ReadsShownWeek, ShownWeek
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
"""The narrowest a day column may be."""
COLUMNS_FROM = 980
"""The calendar's width from which the days stand side by side; below, each day is a row."""
DAY_LAYOUTS = ("automatic", "columns", "rows")
"""How the days are laid out: by the calendar's width, always side by side, always rows."""
ROW_HEADER_WIDTH = 96
EMPTY_ROW_HEIGHT = 34


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
        self.delegate = EntryDelegate(self)
        self.setItemDelegate(self.delegate)
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
        self.rows = False
        """The days are rows: the cards flow left to right and the list is as tall as they
        need (the calendar scrolls, not the day)."""
        model.modelReset.connect(self.fit_height)

    def set_rows(self, rows: bool) -> None:
        if rows == self.rows:
            return
        self.rows = rows
        self.setFlow(QListView.Flow.LeftToRight if rows else QListView.Flow.TopToBottom)
        self.setWrapping(rows)
        self.setUniformItemSizes(rows)
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if rows else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        if not rows:
            self.setMinimumHeight(0)
            self.setMaximumHeight(16777215)
        self.scheduleDelayedItemsLayout()
        self.fit_height()

    def fit_height(self) -> None:
        """As a row, be exactly as tall as the lines of cards (one line when empty)."""
        if not self.rows:
            return
        count = self.day_model.rowCount()
        frame = 2 * self.frameWidth()
        if count == 0:
            self.setFixedHeight(EMPTY_ROW_HEIGHT)
            return
        card = self.sizeHintForIndex(self.day_model.index(0, 0))
        per_line = max(1, self.viewport().width() // max(1, card.width()))
        lines = -(-count // per_line)
        self.setFixedHeight(lines * card.height() + frame + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            if self.rows:
                self.scheduleDelayedItemsLayout()  # the cards share the new width
            self.fit_height()

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
            if self.rows:
                if pos.y() < rect.top() or (
                    pos.y() <= rect.bottom() and pos.x() < rect.center().x()
                ):
                    return row
            elif pos.y() < rect.center().y():
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
        if self.rows and not alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._step_card(-1 if key == Qt.Key.Key_Up else +1, mods)
            event.accept()
            return
        action = actions.get((Qt.Key(key), bool(alt)))
        if action is not None:
            self.key_action.emit(action, self.day)
            event.accept()
            return
        super().keyPressEvent(event)

    def _step_card(self, delta: int, mods: Qt.KeyboardModifier) -> None:
        """As a row, ↑ and ↓ still go to the previous and next card, as in a column."""
        count = self.day_model.rowCount()
        if not count:
            return
        current = self.currentIndex()
        row = max(0, min(count - 1, current.row() + delta if current.isValid() else 0))
        flag = (
            QItemSelectionModel.SelectionFlag.SelectCurrent
            if not mods & Qt.KeyboardModifier.ShiftModifier
            else QItemSelectionModel.SelectionFlag.Select
        )
        self.selectionModel().setCurrentIndex(self.day_model.index(row, 0), flag)

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
        if self._drop_row is not None and self.rows:
            x, top, bottom = self._drop_x(self._drop_row)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
            painter.drawLine(x, top + 4, x, bottom - 4)
            painter.drawEllipse(QPoint(x, top + 4), 3, 3)
        elif self._drop_row is not None:
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

    def _drop_x(self, row: int) -> tuple[int, int, int]:
        """As a row: the x of the insertion line and its top and bottom."""
        count = self.day_model.rowCount()
        if count == 0:
            return 4, 2, self.viewport().height() - 2
        if row < count:
            rect = self.visualRect(self.day_model.index(row, 0))
            return max(2, rect.left()), rect.top(), rect.bottom()
        rect = self.visualRect(self.day_model.index(count - 1, 0))
        return rect.right() - 1, rect.top(), rect.bottom()


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
        spoken_date = f" {when.day} {when:%B}" if when else ""
        if before_start:
            spoken_date = ", before the start"
        selected_text = ", selected day" if selected else ""
        text = f"<b>{marker}{name}</b>{date_text}<br><small>{summary}</small>"
        if text == self.text() and (self.lineWidth() == 2) == selected:
            return  # unchanged: setting the frame again would repaint it (one drop, one header)
        self.setText(text)
        self.setFrameShadow(QFrame.Shadow.Sunken if selected else QFrame.Shadow.Plain)
        self.setLineWidth(2 if selected else 1)
        self.setAccessibleName(f"{name}{spoken_date}, {summary}{selected_text}")


class WeekView(QScrollArea, ReadsShownWeek):
    """Seven days of the shown week: side by side as columns when there is room, else each day
    a row whose cards flow left to right (a narrow window, or wide side panels)."""

    day_selected = Signal(int)
    layout_changed = Signal(bool)  # rows?

    def __init__(self, shown: ShownWeek, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekView")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.shown = shown
        """The owner of the shown program and week (the window's workspace)."""
        self.selected_day = 0
        self.rows = False
        self.day_layout = "automatic"
        """One of :data:`DAY_LAYOUTS` (View ▸ Days)."""
        self.models = [DayModel(shown, d, self) for d in range(DAYS_PER_WEEK)]
        self.lists = [DayList(m) for m in self.models]
        self.headers = [DayHeader() for _ in range(DAYS_PER_WEEK)]
        self.days = QWidget()
        self.grid = QGridLayout(self.days)
        self.grid.setContentsMargins(2, 2, 2, 2)
        self.grid.setHorizontalSpacing(4)
        self.grid.setVerticalSpacing(2)
        for day_list in self.lists:
            day_list.focused.connect(self.select_day)
        self._place(rows=False)
        self.setWidget(self.days)
        self.refresh()

    def _place(self, rows: bool) -> None:
        """Put the headers and lists in the grid: a column per day, or a row per day."""
        grid = self.grid
        for d, (header, day_list) in enumerate(zip(self.headers, self.lists, strict=True)):
            grid.removeWidget(header)
            grid.removeWidget(day_list)
            day_list.set_rows(rows)
            if rows:
                header.setFixedWidth(ROW_HEADER_WIDTH)
                header.setMinimumHeight(0)
                day_list.setMinimumWidth(0)
                grid.addWidget(header, d, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(day_list, d, 1)
            else:
                header.setMinimumWidth(0)
                header.setMaximumWidth(16777215)
                day_list.setMinimumWidth(DAY_MIN_WIDTH)
                grid.addWidget(header, 0, d)
                grid.addWidget(day_list, 1, d)
        for i in range(DAYS_PER_WEEK + 1):
            grid.setColumnStretch(i, 0 if rows else int(i < DAYS_PER_WEEK))
            grid.setRowStretch(i, 0)
        if rows:
            grid.setColumnStretch(1, 1)
            grid.setRowStretch(DAYS_PER_WEEK, 1)  # the rows at the top, room left below
        else:
            grid.setRowStretch(1, 1)
        as_needed, off = Qt.ScrollBarPolicy.ScrollBarAsNeeded, Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.setVerticalScrollBarPolicy(as_needed if rows else off)
        # Columns chosen in a narrow window: the week scrolls sideways rather than being cut.
        self.setHorizontalScrollBarPolicy(off if rows else as_needed)
        self.rows = rows

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._follow_layout(event.size().width())
        super().resizeEvent(event)

    def set_day_layout(self, choice: str) -> None:
        """Lay the days out as ``choice`` (one of :data:`DAY_LAYOUTS`) asks."""
        self.day_layout = choice if choice in DAY_LAYOUTS else "automatic"
        self._follow_layout(self.width())

    def _follow_layout(self, width: int) -> None:
        automatic = self.day_layout == "automatic"
        rows = width < COLUMNS_FROM if automatic else self.day_layout == "rows"
        if rows != self.rows:
            self._place(rows)
            self.layout_changed.emit(rows)

    def show_week(self) -> None:
        """Show the days anew: another week or program is shown."""
        for model in self.models:
            model.show()
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
        self.ensureWidgetVisible(target if not self.rows else self.headers[day])

    def current_list(self) -> DayList:
        return self.lists[self.selected_day]
