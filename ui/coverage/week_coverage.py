"""The "This week" page of the coverage panel: chart, knee and standing split, variety,
findings with their reasons, and the fixes that close a gap (planner.fixing)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCursor, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.balance.checks import num, plural
from planner.balance.counts import WeekAnalysis
from planner.balance.coverage import feeds, standings, target_band
from planner.balance.findings import Code, Finding, Severity
from planner.balance.settings import BalanceSettings
from planner.exercise import Exercise
from planner.fixing.atoms import is_fixable
from planner.program import DAY_NAMES, Program
from planner.taxonomy import Direction, Knee, Position
from ui.common.workspace import FixedWeek, ReadsShownWeek, ShownWeek
from ui.coverage.findings_model import TOP_FINDINGS, FindingsList, FindingsModel, finding_key
from ui.coverage.fix_box import FixBox
from ui.coverage.radar_chart import STANDING_WORDS, RadarChart
from ui.coverage.split_bar import SplitBar

if TYPE_CHECKING:
    from planner.fixing.engine import Offer, Planning

HOVER_HINT = (
    "Point at a direction, or click the chart and use the arrow keys, to see which exercises "
    "feed it."
)
EMPTY_TEXT = (
    "<h3>Nothing to check yet</h3>"
    "<p>Drag exercises from the catalog onto a day of this week.</p>"
    "<p>This panel then shows how the week trains the hip in all six directions — forward, "
    "backward, away, toward, rotating out and in — with the knee bent and straight, and what "
    "is missing.</p>"
)
ALL_CLEAR = "Every check passes: all six directions, both knee states, standing and lying work."
NO_SELECTION = "Select a finding to see why it matters and the fixes that close it."
SHARES = (0.47, 0.39, 0.14)
"""How the page shares its height until the coach drags the splitter: the chart (with its
labels, from 768 pixels of screen up), the findings, and the chosen finding's detail."""
DETAIL_MOST, CHART_LEAST = 0.5, 0.25
"""A chosen finding's offers may grow its pane to half the page, the chart giving way down to
a quarter (unless the coach sized the panes)."""


def _wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class _WrappingScroll(QScrollArea):
    """A scroll area whose page is as tall as its wrapped text needs at the page's width, so
    a short pane scrolls instead of squeezing its labels and buttons together."""

    def __init__(self, inner: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(inner)
        inner.installEventFilter(self)

    def fit(self) -> None:
        inner = self.widget()
        layout = inner.layout() if inner is not None else None
        if inner is not None and layout is not None and layout.hasHeightForWidth():
            inner.setMinimumHeight(layout.heightForWidth(self.viewport().width()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit()
        super().resizeEvent(event)


def _scrolling(*widgets: QWidget) -> _WrappingScroll:
    inner = QWidget()
    column = QVBoxLayout(inner)
    column.setContentsMargins(4, 4, 4, 4)
    for widget in widgets:
        column.addWidget(widget)
    column.addStretch(0)
    return _WrappingScroll(inner)


class WeekCoverage(QWidget, ReadsShownWeek):
    fix_requested = Signal(object)  # a planner.fixing.edits.Fix for the shown week
    fix_all_requested = Signal()
    next_week_requested = Signal(object)  # a planner.progression.NextWeek

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown: ShownWeek = FixedWeek(Program())
        """The owner of the shown program and week (the window's workspace)."""
        self.analysis: WeekAnalysis | None = None
        self.described: Direction | None = None
        """The direction whose feeding entries are listed (kept after the pointer leaves)."""
        self.catalog: Callable[[], Sequence[Exercise]] = list
        self.settings = BalanceSettings()
        self._offers: dict[object, Offer] = {}

        self.summary = _wrapped()
        self.summary.setObjectName("coverageSummary")
        self.caption = _wrapped(
            "<small>Weighted sets per direction (other directions count half)</small>"
        )
        self.chart = RadarChart()
        self.chart.describe = self.describe
        self.chart.hovered.connect(self._hovered)
        self.feeding = _wrapped(f"<small>{HOVER_HINT}</small>")
        self.feeding.setObjectName("feedingEntries")
        self.knee_title = _wrapped()
        self.knee = SplitBar("Bent", "Straight")
        self.knee.setAccessibleName("Knee bent versus straight")
        self.standing_title = _wrapped("<b>Standing</b> (weight-bearing) or not")
        self.standing = SplitBar("Standing", "Not standing")
        self.standing.setAccessibleName("Standing versus lying, seated or kneeling")
        self.variety = _wrapped()
        overview = _scrolling(
            self.caption,
            self.chart,
            self.feeding,
            self.knee_title,
            self.knee,
            self.standing_title,
            self.standing,
            self.variety,
        )

        self.findings_model = FindingsModel(self)
        self.findings = FindingsList(self.findings_model)
        self.findings.selectionModel().currentChanged.connect(self._finding_chosen)
        self.more = QPushButton()
        self.more.setObjectName("moreFindings")
        self.more.setFlat(True)
        self.more.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more.clicked.connect(lambda: self._set_folded(not self.findings.folded))
        self.detail = _wrapped(f"<small>{NO_SELECTION}</small>")
        self.detail.setObjectName("findingDetail")
        self.fixes = FixBox()
        self.fixes.apply_requested.connect(self.fix_requested)
        self.fixes.next_week_requested.connect(self.next_week_requested)
        self.fixes.hide()
        self.fix_all = QPushButton("Fix all")
        self.fix_all.setToolTip(
            "Fix every error and warning of this week with the least change, in one step"
        )
        self.fix_all.clicked.connect(self.fix_all_requested)
        self.fix_result = _wrapped()
        self.fix_result.setObjectName("fixAllResult")
        self.all_clear = _wrapped(ALL_CLEAR)
        self.all_clear.setObjectName("allClear")
        self.all_clear.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        findings_pane = QWidget()
        column = QVBoxLayout(findings_pane)
        column.setContentsMargins(4, 4, 4, 0)
        title = QHBoxLayout()  # the title and Fix all share a line: more room for findings
        title.addWidget(_wrapped("<b>Findings</b>"), 1)
        title.addWidget(self.fix_all)
        column.addLayout(title)
        column.addWidget(self.all_clear, 1)
        column.addWidget(self.findings, 1)
        column.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self.detail_pane = _scrolling(self.fix_result, self.fixes, self.detail)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("coverageSplitter")
        for pane in (overview, findings_pane, self.detail_pane):
            self.splitter.addWidget(pane)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([250, 300, 250])
        self.sized_by_coach = False
        """The splitter's sizes were restored or dragged: keep them, else share the height out
        by :data:`SHARES` whenever it changes."""
        self.splitter.splitterMoved.connect(self._dragged)

        self.empty = _wrapped(EMPTY_TEXT)
        self.empty.setObjectName("coverageEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setMargin(12)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)

    def _dragged(self, _pos: int, _index: int) -> None:
        self.sized_by_coach = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.sized_by_coach:
            self.share_height()

    def share_height(self) -> None:
        """The chart, the findings and a finding's detail by :data:`SHARES` of the height."""
        height = sum(self.splitter.sizes()) or self.splitter.height()
        self.splitter.setSizes([round(height * share) for share in SHARES])

    def restore_splitter(self, state: QByteArray | None) -> None:
        if state is not None and self.splitter.restoreState(state):
            self.sized_by_coach = True

    # -- showing a week ----------------------------------------------------------------------

    def show_week(
        self,
        analysis: WeekAnalysis,
        settings: BalanceSettings,
        catalog: Callable[[], Sequence[Exercise]],
    ) -> None:
        """Show ``analysis`` of the shown week."""
        self.analysis, self.catalog = analysis, catalog
        self.settings = settings
        self.fix_all.setVisible(any(is_fixable(f) for f in analysis.findings))
        self.summary.setText(self._summary_text(analysis))
        if analysis.is_empty:
            self.stack.setCurrentWidget(self.empty)
            self.findings_model.set_findings([])
            self._finding_chosen(QModelIndex())
            return
        self.stack.setCurrentWidget(self.splitter)
        self.chart.set_data(analysis.sets, target_band(analysis, settings), standings(analysis))
        self._hovered(self.chart.highlight or self.described)  # the week changed under it
        self._show_splits(analysis, settings)
        self._show_findings(analysis.findings)

    def _summary_text(self, analysis: WeekAnalysis) -> str:
        title = f"<b>Week {self.week + 1}</b>"
        if analysis.is_empty:
            return f"{title} · no exercises yet"
        counts = [
            plural(analysis.count(s), s.value)
            for s in (Severity.ERROR, Severity.WARNING)
            if analysis.count(s)
        ]
        verdict = ", ".join(counts) if counts else "no errors or warnings"
        return f"{title} · {num(analysis.total)} weighted sets · {verdict}"

    def _show_splits(self, analysis: WeekAnalysis, settings: BalanceSettings) -> None:
        low, high = settings.straight_knee_share_low, settings.straight_knee_share_high
        self.knee_title.setText(
            f"<b>Knee</b> bent or straight — aim for {low:.0%}–{high:.0%} straight"
        )
        bent = sum(split[Knee.BENT] for split in analysis.knee_sets.values())
        straight = sum(split[Knee.STRAIGHT] for split in analysis.knee_sets.values())
        self.knee.set_values(bent, straight, (low, high))
        standing = analysis.weight_bearing_sets
        self.standing.set_values(standing, analysis.total - standing)
        positions = sorted(analysis.week_positions, key=list(Position).index)
        equipment = sorted(analysis.week_equipment, key=lambda e: e.label)
        self.variety.setText(
            f"<b>Positions ({len(positions)}):</b> "
            + ", ".join(p.label.lower() for p in positions)
            + f"<br><b>Equipment ({len(equipment)}):</b> "
            + ", ".join(e.label.lower() for e in equipment)
        )

    # -- hovering a direction ------------------------------------------------------------------

    def describe(self, direction: Direction) -> str:
        """The direction, its weighted sets and the entries feeding it, as plain lines."""
        if self.analysis is None:
            return direction.label
        amount = self.analysis.sets[direction]
        standing = standings(self.analysis)[direction]
        lines = [f"{direction.label}: {num(amount)} weighted sets, {STANDING_WORDS[standing]}"]
        week = self.program.weeks[self.week]
        for feed in feeds(week, self.program.exercises, self.analysis, direction):
            half = "" if feed.primary else " (counts half)"
            lines.append(f"{DAY_NAMES[feed.day][:3]} · {feed.name} · {feed.dose}{half}")
        if len(lines) == 1:
            lines.append("No exercise trains it this week.")
        return "\n".join(lines)

    def _hovered(self, direction: Direction | None) -> None:
        if direction is None:
            return  # keep the last one, so it can be read after the mouse leaves
        self.described = direction
        first, *rest = self.describe(direction).split("\n")
        self.feeding.setText(f"<b>{first}</b><br>" + "<br>".join(rest))

    # -- findings and fixes ------------------------------------------------------------------

    def _show_findings(self, findings: Sequence[Finding]) -> None:
        current = self.findings.currentIndex()
        key = finding_key(self.findings_model.finding(current.row())) if current.isValid() else None
        self.findings_model.set_findings(findings)
        self.all_clear.setVisible(not findings)
        self.findings.setVisible(bool(findings))
        self.detail_pane.setVisible(bool(findings))
        row = self.findings_model.row_of(key) if key is not None else -1
        if self.findings.isRowHidden(row):
            self.findings.set_folded(False)  # keep the coach's chosen finding in sight
        self._show_more_button()
        if row >= 0:
            self.findings.selectionModel().setCurrentIndex(
                self.findings_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )
        else:
            self._finding_chosen(QModelIndex())

    def _set_folded(self, folded: bool) -> None:
        self.findings.set_folded(folded)
        self._show_more_button()

    def _show_more_button(self) -> None:
        """ "Show 4 more" under the first findings, or "Show fewer" once they are open."""
        hidden = self.findings.folded_count()
        rows = self.findings_model.rowCount()
        if hidden:
            self.more.setText(f"Show {hidden} more")
            self.more.setToolTip("Show the findings that matter less")
        else:
            self.more.setText(f"Show only the first {TOP_FINDINGS}")
            self.more.setToolTip("Fold the findings that matter less")
        self.more.setAccessibleName(self.more.text())
        self.more.setVisible(rows > TOP_FINDINGS + 1)

    def _finding_chosen(self, index: QModelIndex) -> None:
        found = self.findings_model.finding(index.row()) if index.isValid() else None
        if found is None or self.analysis is None:
            self.detail.setText(f"<small>{NO_SELECTION}</small>")
            self.fixes.hide()
            return
        where = ", ".join(d.label for d in found.directions)
        about = f"<b>{escape(where)}</b><br>" if where else ""
        self.detail.setText(f"<small>{about}<b>Why it matters:</b> {escape(found.reason)}</small>")
        if found.code in (Code.PAIN_HIGH, Code.READY_TO_PROGRESS):
            from planner.progression import offers

            catalog = {ex.id: ex for ex in self.catalog()}
            choices = offers(self.program, self.week, found, catalog.get, self.settings)
            if self.week + 1 < len(self.program.weeks):
                why = (
                    f"week {self.week + 2} no longer carries these exercises as they were in "
                    f"week {self.week + 1} (already changed?); change it by hand if needed."
                )
            else:
                why = "no variant fits, and the doses cannot change further; change them by hand."
            self.fixes.show_choices(choices, why)
        elif is_fixable(found):
            self.fixes.show_offer(self._offer(found))
        else:
            self.fixes.hide()
            return
        self.fixes.show()
        self.detail_pane.fit()  # now, not at the next layout pass: the buttons have room
        QTimer.singleShot(0, self, self._bring_fixes_into_sight)

    def _bring_fixes_into_sight(self) -> None:
        """Once the layout has placed the offers: grow the detail pane (up to half the page, the
        chart giving way) unless the coach sized the panes, and scroll to the first offer."""
        if not self.sized_by_coach:
            chart, findings, detail = self.splitter.sizes()
            total = chart + findings + detail
            inner = self.detail_pane.widget()
            needed = (inner.minimumHeight() if inner is not None else 0) + 8
            grown = min(max(detail, needed), round(total * DETAIL_MOST))
            if grown > detail:
                chart = max(total - findings - grown, round(total * CHART_LEAST))
                self.splitter.setSizes([chart, total - chart - grown, grown])
        target = self.fixes.apply_buttons[0] if self.fixes.apply_buttons else self.fixes
        self.detail_pane.ensureWidgetVisible(target, 0, 8)

    def planning(self) -> Planning:
        """What the engine plans the shown week's fixes from."""
        from planner.fixing.engine import Planning  # the fix planner: loaded when first used

        program = self.program
        return Planning(
            program.weeks[self.week],
            program.exercises,
            self.catalog(),
            self.settings,
            program.details.equipment,
        )

    def _offer(self, found: Finding) -> Offer:
        """The fixes of ``found``, planned once per state of the week (planning takes a moment)."""
        plan = self.planning()
        state = (
            finding_key(found),
            tuple((d, e.exercise_id, e.dose) for d, e in plan.week.entries()),
            plan.equipment,
            plan.settings,
        )
        if state not in self._offers:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
            try:
                from planner.fixing.engine import offer

                self._offers[state] = offer(plan, found)
            finally:
                QApplication.restoreOverrideCursor()
        return self._offers[state]
