"""Preferences ▸ Clinic: the address of a clinic's shared catalog, the coach's name, the password.

The address is saved without its password; the password goes to the system keyring (or, with
none, the coach is told to use ``.pgpass``). It takes effect at the next start.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from db.clinic import (
    URL_VARIABLE,
    ClinicSettings,
    read_settings,
    save_settings,
    split_password,
    store_password,
)
from planner.files.safe_save import ProgramSaveError

INTRO = (
    "To share one exercise catalog and its templates with the other coaches of your clinic, "
    "enter the address of the clinic's PostgreSQL database, e.g. "
    "postgresql://ana@clinic-server/hipplanner?sslmode=require (docs/clinic.md). Leave it "
    "empty to use this computer's own catalog. Changes take effect when Hip Planner starts."
)


def check_address(url: str) -> str:
    """Why ``url`` cannot be a clinic catalog's address ("" when it can)."""
    if not url:
        return ""
    from sqlalchemy import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        return f"This is not a database address ({exc})."
    if parsed.get_backend_name() != "postgresql":
        return "The address must start with postgresql:// (a clinic's PostgreSQL database)."
    if not parsed.host or not parsed.database:
        return "The address needs the server and the database: postgresql://user@server/db."
    return ""


class ClinicDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Clinic")
        current = read_settings()
        layout = QVBoxLayout(self)
        intro = QLabel(INTRO, wordWrap=True)
        layout.addWidget(intro)
        if os.environ.get(URL_VARIABLE):
            layout.addWidget(
                QLabel(f"{URL_VARIABLE} is set and wins over the address below.", wordWrap=True)
            )
        form = QFormLayout()
        self.url = QLineEdit(current.url, placeholderText="postgresql://user@server/database")
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("kept in the system keyring, never in the settings")
        self.coach = QLineEdit(current.coach, placeholderText="your computer account's name")
        form.addRow("Clinic catalog address", self.url)
        form.addRow("Password", self.password)
        form.addRow("Your name (signs your exercises)", self.coach)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("clinicProblem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Save; a bad address or an unwritable settings file keeps the dialog open."""
        url = self.url.text().strip()
        problem = check_address(url)
        if problem:
            self._show(problem)
            return
        stored, password = split_password(url) if url else ("", None)
        password = self.password.text() or password
        try:
            save_settings(ClinicSettings(stored, " ".join(self.coach.text().split())))
        except ProgramSaveError as exc:
            self._show(f"Not saved: {exc}")
            return
        if stored and password:
            QMessageBox.information(self, "Clinic password", store_password(stored, password))
        super().accept()

    def _show(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(True)
