"""File ▸ Export handout (and ▸ Export coach report): choose paper and place, write the PDF
off the GUI thread with progress.

The export works on a snapshot of the program, so the coach can keep editing meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from planner.balance.settings import BalanceSettings
from planner.handout import (
    HandoutError,
    HandoutReport,
    default_paper,
    with_pdf_suffix,
    write_handout,
)
from planner.handout.paper import Paper
from planner.program import Program
from ui.common import settings as remembered
from ui.common.crash_handler import log_file
from ui.common.dialog_buttons import ok_cancel
from ui.common.document import DocumentHost

log = logging.getLogger(__name__)


class ExportOptions(QDialog):
    """Paper size (default from the system's locale, then remembered) and what to do after."""

    def __init__(self, parent: QWidget | None = None, title: str = "Export handout") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        paper = remembered.export_paper(default_paper())
        self.a4 = QRadioButton("A4 (210 × 297 mm)")
        self.a4.setChecked(paper != "letter")
        self.letter = QRadioButton("US Letter (8.5 × 11 in)")
        self.letter.setChecked(paper == "letter")
        box = QGroupBox("Paper")
        column = QVBoxLayout(box)
        column.addWidget(self.a4)
        column.addWidget(self.letter)
        self.open_when_done = QCheckBox("Open the PDF when it is ready")
        self.open_when_done.setChecked(remembered.export_opens_when_done())
        buttons = ok_cancel(self, "Choose where to save…")
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.open_when_done)
        layout.addWidget(buttons)

    def paper(self) -> Paper:
        return "letter" if self.letter.isChecked() else "a4"

    def remember(self) -> None:
        remembered.remember_export(self.paper(), self.open_when_done.isChecked())


class ExportJob(QThread):
    """Writes one handout in a worker thread; reports progress, the result or the error."""

    progressed = Signal(int, int)
    succeeded = Signal(object)  # HandoutReport
    failed = Signal(str)

    def __init__(
        self,
        program: Program,
        path: Path,
        paper: Paper,
        settings: BalanceSettings,
        parent: QObject | None = None,
        *,
        coach_report: bool = False,
    ) -> None:
        super().__init__(parent)
        self.program, self.path, self.paper, self.settings = program, path, paper, settings
        self.coach_report = coach_report

    def run(self) -> None:
        """Every outcome ends in a signal: the GUI thread tells the coach, never this one."""
        try:
            report = write_handout(
                self.program,
                self.path,
                paper=self.paper,
                progress=lambda done, total: self.progressed.emit(done, total),
                settings=self.settings,
                coach_report=self.coach_report,
            )
        except HandoutError as exc:
            again = "Export coach report" if self.coach_report else "Export handout"
            self.failed.emit(f"{exc}\n\nChoose another name or folder with File ▸ {again}.")
        except Exception:  # a bug in Hip Planner; the crash dialog must not be built here
            log.exception("Exporting the handout to %s failed", self.path)
            self.failed.emit(_unexpected_problem())
        else:
            self.succeeded.emit(report)


class ExportController(QObject):
    finished = Signal(bool)  # True when a handout was written

    def __init__(
        self,
        window: QMainWindow,
        host: DocumentHost,
        thresholds: Callable[[], BalanceSettings],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.host = host
        self.thresholds = thresholds
        """The thresholds the coverage panel shows (the coach's, with the program's own)."""
        self.job: ExportJob | None = None
        self.progress: QProgressDialog | None = None
        self.open_when_done = False
        self.coach_report = False

    def export(self) -> None:
        self._export(coach_report=False)

    def export_coach_report(self) -> None:
        """The coach's own PDF: findings, the chart with targets, the weekly table."""
        self._export(coach_report=True)

    def _export(self, *, coach_report: bool) -> None:
        if self.job is not None:
            return  # one export at a time; the progress dialog shows the running one
        title = "Export coach report" if coach_report else "Export handout"
        options = ExportOptions(self.window, title)
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        options.remember()
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            "Save coach report as" if coach_report else "Save handout as",
            str(self._suggested_path(coach_report)),
            "PDF files (*.pdf)",
        )
        if not name:
            return
        self.open_when_done = options.open_when_done.isChecked()
        self.start(with_pdf_suffix(name), options.paper(), coach_report=coach_report)

    def start(self, path: Path, paper: Paper, *, coach_report: bool = False) -> None:
        program = self.host.document.program.snapshot()
        self.coach_report = coach_report
        self.job = ExportJob(
            program, path, paper, self.thresholds(), self, coach_report=coach_report
        )
        what = "coach report" if coach_report else "handout"
        self.progress = QProgressDialog(f"Laying out the {what}…", "", 0, 0, self.window)
        self.progress.setWindowTitle(f"Export {what}")
        self.progress.setCancelButton(None)
        self.progress.setMinimumDuration(300)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.job.finished.connect(self._cleanup)
        self.job.start()

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _succeeded(self, report: HandoutReport) -> None:
        what = "Coach report" if self.coach_report else "Handout"
        self.window.statusBar().showMessage(
            f"{what} written: {report.path} ({report.pages} pages, {report.paper.upper()})", 10000
        )
        if report.unsupported:
            QMessageBox.warning(
                self.window, "Some characters could not be printed", report.warning()
            )
        if self.open_when_done:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(report.path)))
        self.finished.emit(True)

    def _failed(self, message: str) -> None:
        what = "coach report" if self.coach_report else "handout"
        QMessageBox.warning(self.window, f"The {what} was not written", message)
        self.finished.emit(False)

    def _cleanup(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
        self.progress = None
        if self.job is not None:
            self.job.deleteLater()
        self.job = None

    def _suggested_path(self, coach_report: bool = False) -> Path:
        document = self.host.document
        folder = document.path.parent if document.path else Path.home()
        details = document.program.details
        stem = (
            document.path.stem
            if document.path
            else (details.client_name or details.title or "handout")
        )
        safe = "".join(c if c.isalnum() or c in " -_" else "-" for c in stem).strip() or "handout"
        return folder / (f"{safe}-coach.pdf" if coach_report else f"{safe}.pdf")


def _unexpected_problem() -> str:
    try:
        details = f" Details are in {log_file()}"
    except OSError:  # no log folder could be made: the details went to the console only
        details = ""
    return (
        "Hip Planner hit an unexpected problem while laying out the handout, so no file was "
        f"written.{details}"
    )
