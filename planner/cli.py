"""The command line (DESIGN.md §3): ``catalog`` (with ``catalog import`` and ``catalog export``),
``check``, ``fix``, ``export`` and ``clinic init`` (DESIGN.md §5).

Pure planner code: the catalog comes in through ``load_catalog`` and a :class:`CatalogStore`,
so this module needs no database. Every mistake ends as one clear line on stderr and exit code
2, never a traceback; whatever a file says is escaped before it is printed.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Protocol, TextIO

from planner.balance.analysis import analyse_program
from planner.balance.checks import plural
from planner.balance.findings import Code, Severity
from planner.balance.report import render_json, render_text
from planner.balance.settings import BalanceSettings
from planner.catalog import CatalogQuery, filter_exercises, sort_for_browsing
from planner.exercise import Exercise
from planner.file_text import printable
from planner.files.thresholds import read_thresholds, settings_for
from planner.handout import PAPERS, HandoutError, with_pdf_suffix, write_handout
from planner.program import Program
from planner.taxonomy import Direction, Equipment, Knee, LabelledEnum, Level, Position

COMMANDS = ("catalog", "check", "fix", "export", "clinic", "desktop-entry")
EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
EXIT_BROKEN_PIPE = 141
"""What a shell reports for a program stopped by SIGPIPE: its reader cut the output off."""
ADVICE_ONLY = frozenset({Code.VOLUME_JUMP, Code.PAIN_HIGH})
"""Warnings no fix clears (checks 13 and 14): ``fix`` names them for the coach to decide."""

CatalogLoader = Callable[[], list[Exercise]]

if TYPE_CHECKING:
    from planner.files.exercise_share import ImportOutcome


class CatalogStore(Protocol):
    """The coach's own exercises in the catalog database; raises :class:`UsageError`."""

    def own_exercises(self) -> list[Exercise]: ...

    def import_own(self, exercises: list[Exercise]) -> ImportOutcome: ...

    def init_clinic(self, url: str) -> str:
        """Migrate and seed a clinic's database; returns what was done, in one line."""
        ...


class UsageError(Exception):
    """A bad argument: the message is the one line the coach sees."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def _choice(enum: type[LabelledEnum]) -> Callable[[str], LabelledEnum]:
    def parse(text: str) -> LabelledEnum:
        try:
            return enum.parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = enum.kind()
    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="hip-planner", description="Plan hip strength programs for runners.")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    cat = commands.add_parser(
        "catalog",
        help="list the exercise catalog; 'catalog import FILE' and 'catalog export -o FILE' "
        "share your own exercises",
    )
    sharing = cat.add_subparsers(
        dest="sharing", parser_class=_Parser, metavar="{import,export}", required=False
    )
    imports = sharing.add_parser(
        "import", help="add or update your own exercises from a sharing file"
    )
    imports.add_argument("file", type=Path, metavar="FILE")
    exports = sharing.add_parser("export", help="write your own exercises to a sharing file")
    exports.add_argument("-o", "--output", type=Path, metavar="FILE", required=True)
    clinic = commands.add_parser("clinic", help="set up a clinic's shared catalog (docs/clinic.md)")
    clinic_commands = clinic.add_subparsers(
        dest="clinic", parser_class=_Parser, metavar="{init}", required=True
    )
    init = clinic_commands.add_parser(
        "init", help="create or update the catalog tables at URL and add the built-in exercises"
    )
    init.add_argument("url", metavar="URL", help="e.g. postgresql://hip@server/clinic")
    cat.add_argument("--json", action="store_true", help="print JSON instead of a table")
    cat.add_argument(
        "--direction",
        type=_choice(Direction),
        action="append",
        default=[],
        help="hip direction, its label or key (repeatable): " + Direction.choices(),
    )
    cat.add_argument("--knee", type=_choice(Knee), help=Knee.choices())
    cat.add_argument(
        "--position",
        type=_choice(Position),
        action="append",
        default=[],
        help="position, its label or key (repeatable): " + Position.choices(),
    )
    cat.add_argument(
        "--equipment",
        type=_choice(Equipment),
        action="append",
        default=[],
        help="equipment, its label or key (repeatable): " + Equipment.choices(),
    )
    cat.add_argument(
        "--level",
        type=_choice(Level),
        action="append",
        default=[],
        help="level (repeatable): " + Level.choices(),
    )
    cat.add_argument(
        "--search", default="", metavar="TEXT", help="words to find in names, instructions and cues"
    )

    check = commands.add_parser("check", help="check a program file's balance")
    check.add_argument("file", type=Path, metavar="FILE")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument("--week", type=int, metavar="N", help="only week N (1 = first)")

    fix = commands.add_parser("fix", help="fix every fixable balance finding of a program file")
    fix.add_argument("file", type=Path, metavar="FILE")
    fix.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help="where to write the fixed program"
    )
    fix.add_argument(
        "--in-place", action="store_true", help="replace FILE, keeping the old one as FILE.bak"
    )
    fix.add_argument("--json", action="store_true", help="print what was done as JSON")

    export = commands.add_parser("export", help="write a program file's PDF handout")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument(
        "-o", "--output", type=Path, metavar="OUT.pdf", help="where to write (default: FILE.pdf)"
    )
    export.add_argument(
        "--paper",
        choices=PAPERS,
        help="a4 or letter (default: the paper of the system's locale)",
    )
    export.add_argument(
        "--coach-report",
        action="store_true",
        help="write the coach report (findings, the chart with targets, the weekly table) "
        "instead of the client's handout; default output FILE-coach.pdf",
    )
    desktop = commands.add_parser(
        "desktop-entry",
        help="add Hip Planner to this user's application menu on Linux (or --remove it)",
    )
    desktop.add_argument(
        "--remove", action="store_true", help="take the menu entry, icon and file type away"
    )
    return parser


def run_command(
    argv: Sequence[str],
    *,
    load_catalog: CatalogLoader,
    store: CatalogStore | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run one command; returns the exit code. Output goes to ``out``, messages to ``err``."""
    out = out or sys.stdout
    err = err or sys.stderr
    for stream in (out, err):  # a terminal that cannot show "×" or "ü" gets \xd7, not a crash
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        args = build_parser().parse_args(list(argv))
        if args.command == "catalog" and args.sharing is not None:
            if store is None:
                raise UsageError("hip-planner: the catalog database is not available here")
            if args.sharing == "import":
                return _catalog_import(args.file, store, out)
            return _catalog_export(args.output, store, out)
        if args.command == "catalog":
            return _catalog(args, load_catalog(), out)
        if args.command == "clinic":
            if store is None:
                raise UsageError("hip-planner: the catalog database is not available here")
            print(store.init_clinic(args.url), file=out)
            return EXIT_OK
        if args.command == "check":
            return _check(args, out, err)
        if args.command == "fix":
            return _fix(args, load_catalog, out, err)
        if args.command == "export":
            return _export(args, out, err)
        if args.command == "desktop-entry":
            return _desktop_entry(args.remove, out)
        raise UsageError("hip-planner: choose a command: " + ", ".join(COMMANDS))
    except UsageError as exc:
        print(one_line(str(exc)), file=err)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `hip-planner catalog --json | head`: the reader has had enough
        if out is sys.stdout:  # nothing more reaches it, not even the flush at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def one_line(message: str, limit: int = 400) -> str:
    """A message as one printable line of reasonable length (an argument may be huge)."""
    line = printable(" ".join(message.splitlines()))
    return line if len(line) <= limit else f"{line[: limit - 100]} … {line[-90:]}"


def _desktop_entry(remove: bool, out: TextIO) -> int:
    from planner.files import desktop_entry
    from planner.files.safe_save import ProgramSaveError

    if not sys.platform.startswith("linux"):
        raise UsageError(
            "hip-planner: desktop-entry is for Linux; the Windows installer and the macOS app "
            "put Hip Planner in the Start menu or Applications folder"
        )
    try:
        paths = desktop_entry.remove() if remove else desktop_entry.install()
    except (OSError, ProgramSaveError) as exc:
        raise UsageError(f"hip-planner: the menu entry could not be written: {exc}") from None
    for path in paths:
        print(printable(str(path)), file=out)
    if remove:
        print("Hip Planner is off the menu. Your programs and exercise catalog are kept.", file=out)
    else:
        print("Hip Planner is in your application menu, and .hipplan files open with it.", file=out)
    return EXIT_OK


def _catalog(args: argparse.Namespace, exercises: list[Exercise], out: TextIO) -> int:
    query = CatalogQuery(
        text=args.search,
        directions=frozenset(args.direction),
        knee=args.knee,
        positions=frozenset(args.position),
        equipment=frozenset(args.equipment),
        levels=frozenset(args.level),
    )
    ordered = sort_for_browsing(exercises)
    found = [ordered[i] for i in filter_exercises(ordered, query)]
    if args.json:
        # The one JSON shape of an exercise: as in program files, sharing files and cards;
        # photos are left out (their base64 would bury the list).
        from planner.files.program_format import exercise_model

        rows = [exercise_model(ex).model_dump(mode="json", exclude={"photos"}) for ex in found]
        json.dump(rows, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    for ex in found:
        dirs = ", ".join(d.label for d in ex.directions)
        line = f"{ex.name}  [{dirs}; {ex.knee.label.lower()}]  {ex.dose.describe()}"
        print(printable(line), file=out)
    print(f"{len(found)} of {len(exercises)} exercises", file=out)
    return EXIT_OK


def _catalog_import(path: Path, store: CatalogStore, out: TextIO) -> int:
    """Read the whole sharing file first: a bad one changes nothing."""
    from planner.files.exercise_share import ExerciseShareError, describe_import, read_exercises

    try:
        exercises = read_exercises(path)
    except ExerciseShareError as exc:
        raise UsageError(f"hip-planner: Nothing was imported: {exc}") from None
    report = store.import_own(exercises)
    for line in describe_import(report, limit=len(report.skipped)).splitlines():
        print(printable(line), file=out)
    return EXIT_OK


def _catalog_export(path: Path, store: CatalogStore, out: TextIO) -> int:
    from planner.files.exercise_share import ExerciseShareError, write_exercises

    own = store.own_exercises()
    if not own:
        raise UsageError(
            "hip-planner: you have no exercises of your own to export; make one in the window "
            "(Catalog ▸ New exercise) first"
        )
    try:
        write_exercises(path, own)
    except ExerciseShareError as exc:
        raise UsageError(f"hip-planner: Nothing was exported: {exc}") from None
    print(printable(f"{path}: {plural(len(own), 'exercise')} written"), file=out)
    return EXIT_OK


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    program = _read(args.file)
    settings = settings_for(program, _coach_thresholds(err))
    return report_balance(
        program, out, week=args.week, as_json=args.json, source=str(args.file), settings=settings
    )


def _coach_thresholds(err: TextIO) -> BalanceSettings:
    """The coach's ``balance.toml``; a broken one is named in one warning line."""
    thresholds = read_thresholds()
    if thresholds.problem:
        print(f"hip-planner: warning: {thresholds.problem}", file=err)
    return thresholds.settings


def report_balance(
    program: Program,
    out: TextIO,
    *,
    week: int | None = None,
    as_json: bool = False,
    source: str = "the program",
    settings: BalanceSettings | None = None,
) -> int:
    """Print the balance report of ``program`` (or of its week ``week``, 1-based).

    Returns 1 when any reported week has an error-level finding, else 0; a week that does not
    exist is a :class:`UsageError`.
    """
    count = len(program.weeks)
    if week is not None and not 1 <= week <= count:
        raise UsageError(
            f"hip-planner check: {source} has {plural(count, 'week')}, so there is no "
            f"week {week}; use --week 1–{count}"
        )
    analysis = analyse_program(program, settings)
    if week is not None:
        analysis = analysis.only(week)
    out.write(render_json(analysis) if as_json else printable_lines(render_text(analysis)))
    return EXIT_FINDINGS if analysis.errors else EXIT_OK


def _fix(args: argparse.Namespace, load_catalog: CatalogLoader, out: TextIO, err: TextIO) -> int:
    from planner.files.program_file import ProgramSaveError, save_program
    from planner.fixing.program_fix import fix_program

    source: Path = args.file
    if args.in_place and args.output is not None and not _same_file(args.output, source):
        raise UsageError("hip-planner fix: give either -o OUT or --in-place, not both")
    if not args.in_place:
        if args.output is None:
            raise UsageError(
                "hip-planner fix: say where to write the fixed program: -o OUT (or --in-place)"
            )
        if _same_file(args.output, source):
            raise UsageError(
                f"hip-planner fix: {args.output} is the program file itself; choose another -o "
                "or use --in-place (which keeps a .bak)"
            )
    target: Path = source if args.in_place else args.output
    program = _read(source)
    settings = settings_for(program, _coach_thresholds(err))
    done = fix_program(program, load_catalog(), settings)
    try:
        save_program(program, target, keep_backup=args.in_place)
    except ProgramSaveError as exc:
        raise UsageError(f"hip-planner fix: {exc}") from None
    analysis = analyse_program(program, settings)
    if args.json:
        data = {
            "output": str(target),
            "weeks": done.data(),
            "errors": analysis.errors,
            "warnings": analysis.warnings,
        }
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(printable_lines(done.text()))
        for number, week in analysis.numbered():
            for found in week.findings:
                if found.code in ADVICE_ONLY and found.severity is not Severity.INFO:
                    print(
                        printable(
                            f"Week {number}: not for a fix ({found.code.value}): {found.message}"
                        ),
                        file=out,
                    )
        print(
            f"{target}: {plural(analysis.errors, 'error')}, "
            f"{plural(analysis.warnings, 'warning')} left",
            file=out,
        )
    return EXIT_FINDINGS if analysis.errors or analysis.warnings else EXIT_OK


def _export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.output is not None:
        output = with_pdf_suffix(args.output)
    elif args.coach_report:
        output = args.file.with_name(f"{args.file.stem}-coach.pdf")
    else:
        output = args.file.with_suffix(".pdf")
    program = _read(args.file)
    if _same_file(output, args.file):
        raise UsageError(f"hip-planner: {output} is the program file itself; choose another -o")
    settings = settings_for(program, _coach_thresholds(err))
    try:
        report = write_handout(
            program, output, paper=args.paper, settings=settings, coach_report=args.coach_report
        )
    except HandoutError as exc:
        raise UsageError(f"hip-planner: {exc}") from None
    pages = f"{report.pages} page{'s' if report.pages != 1 else ''}"
    print(f"{output}: {pages}, {report.paper.upper()}", file=out)
    if report.unsupported:
        print(f"hip-planner: warning: {report.warning()}", file=err)
    return EXIT_OK


def printable_lines(text: str) -> str:
    """A report for the terminal: what the program file says (exercise names, the log) cannot
    set the terminal's title or turn its text around; the report's own line breaks stay."""
    return "\n".join(printable(line) for line in text.split("\n"))


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # one of them does not exist (or cannot be reached): not the same file
        return False


def _read(path: Path) -> Program:
    from planner.files.program_file import ProgramFileError, read_program

    try:
        program: Program = read_program(path)
    except ProgramFileError as exc:
        raise UsageError(str(exc)) from None
    return program
