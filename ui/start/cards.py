"""The start page's cards: a focusable, clickable box and a week at a glance.

A card is reached with Tab and opened with Enter, Return or Space as well as a click. The
week strip paints from plain names, so a card costs nothing until its template is read (after
the first paint, see :mod:`ui.start.start_page`); so does the hexagon (:mod:`ui.start.hexagon`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QEnterEvent,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from planner.program import DAY_NAMES


class Card(QWidget):
    """A box that acts as one button: click, Enter, Return or Space emit :attr:`activated`.

    It paints its own rounded border (a style sheet would cost the first paint ~30 ms): the
    highlight colour when the mouse is over it, a 2 px ring when it has the keyboard focus,
    dashed on the window's colour when it stands for a missing file.
    """

    activated = Signal()

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(accessible_name)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.missing = False
        self._pressed = False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        focused = self.hasFocus()
        hovered = self.underMouse()
        width = 2.0 if focused else 1.0
        role = QPalette.ColorRole.Highlight if focused or hovered else QPalette.ColorRole.Mid
        pen = QPen(palette.color(role), width)
        if self.missing:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        fill = QPalette.ColorRole.Window if self.missing else QPalette.ColorRole.Base
        painter.setBrush(palette.color(fill))
        inset = width / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 6, 6)
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def enterEvent(self, event: QEnterEvent) -> None:
        super().enterEvent(event)
        self.update()

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = True
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        inside = self.rect().contains(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and self._pressed and inside:
            self._pressed = False
            event.accept()
            self.activated.emit()
            return
        self._pressed = False
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            event.accept()
            self.activated.emit()
            return
        super().keyPressEvent(event)


class WrappedLabel(QLabel):
    """A word-wrapped label whose minimum is one line: its height comes from its width
    (QLabel's own minimum assumes a narrow width, leaving gaps under short texts)."""

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())


def wrapped_label(text: str = "", *, bold: bool = False, small: bool = False) -> QLabel:
    label = WrappedLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    policy.setHeightForWidth(True)  # a new policy would drop the word wrap's own
    label.setSizePolicy(policy)
    font = QFont(label.font())
    if bold:
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
    if small:
        font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    if small:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class WeekStrip(QWidget):
    """Seven columns, Monday to Sunday: the day's initial and one block per exercise, with the
    count under it. The tooltip names every exercise of every day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[list[str]] = [[] for _ in DAY_NAMES]
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(7 * 22)

    def sizeHint(self) -> QSize:
        return QSize(7 * 34, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(7 * 22, self._height())

    def _height(self) -> int:
        line = self.fontMetrics().height()
        return 2 * line + 6 * 5 + 8

    def set_days(self, days: Sequence[Sequence[str]]) -> None:
        self.days = [list(names) for names in days]
        lines = [
            f"{day}: {', '.join(names) if names else 'rest'}"
            for day, names in zip(DAY_NAMES, self.days, strict=True)
        ]
        self.setToolTip("\n".join(lines))
        self.setAccessibleName("Week 1 at a glance")
        self.setAccessibleDescription("; ".join(lines))
        self.setFixedHeight(self._height())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        metrics = self.fontMetrics()
        line = metrics.height()
        column = self.width() / 7
        accent = palette.color(QPalette.ColorRole.Highlight)
        quiet = palette.color(QPalette.ColorRole.PlaceholderText)
        for i, (day, names) in enumerate(zip(DAY_NAMES, self.days, strict=True)):
            x = i * column
            painter.setPen(palette.color(QPalette.ColorRole.Text) if names else quiet)
            painter.drawText(QRectF(x, 0, column, line), Qt.AlignmentFlag.AlignCenter, day[:3])
            blocks = min(len(names), 6)
            size = 4.0
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            for b in range(blocks):  # stacked from the bottom of the block area up
                top = line + 2 + (5 - b) * 5
                painter.drawRect(QRectF(x + column / 2 - 6, top, 12, size))
            painter.setPen(palette.color(QPalette.ColorRole.Text) if names else quiet)
            painter.drawText(
                QRectF(x, line + 6 * 5 + 6, column, line),
                Qt.AlignmentFlag.AlignCenter,
                str(len(names)) if names else "–",
            )
        painter.end()
