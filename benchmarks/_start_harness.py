"""Child process of the start and memory benchmarks: exits as soon as the first window is painted.

    python -m benchmarks._start_harness app|bare [--rss] [PROGRAM.hipplan]

``app`` starts Hip Planner exactly as ``main.py`` does (``ui.app.launch.run``) and watches what
the coach starts from (:func:`ui.app.first_paint.window_ready`): without a program file the
start page, ready at the first paint of a template card; with one (as a double-click on a
program file starts it) the planner, ready at the first paint of the catalog list while it holds
exercises. Then the process prints ``painted <unix time>`` and ``cpu <seconds>``, and exits once
the event loop runs. ``bare`` shows an empty QMainWindow of the same size and does the same on
its first paint. With ``--rss`` it also prints ``rss <KiB>`` (the peak
resident memory, see :func:`peak_rss_kib`) before exiting. The watching is
:class:`ui.app.first_paint.ExitAfterFirstPaint`, which a built bundle uses too.
"""

from __future__ import annotations

import os
import resource
import sys
from collections.abc import Callable

from ui.app.first_paint import ExitAfterFirstPaint, catalog_filled, start_page_filled


def peak_rss_kib() -> int:
    """This process's peak resident memory in KiB.

    Linux: ``VmHWM``, the high-water mark of this process image. ``ru_maxrss`` would do in a
    process started on its own, but Linux carries the parent's peak over ``fork``/``exec``, so
    a child of a big benchmark process would report the parent's figure.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def print_rss() -> None:
    print(f"rss {peak_rss_kib()}", flush=True)


def bare(rss: bool, _files: list[str]) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.installEventFilter(ExitAfterFirstPaint(app, lambda _widget: True, _exit_action(rss)))
    window.show()
    app.exec()


def app(rss: bool, files: list[str]) -> None:
    os.environ.pop("HIP_PLANNER_EXIT_AFTER_PAINT", None)  # this harness watches the paint itself
    import ui.app.application
    from ui.app.launch import run  # what main.py does first

    created = ui.app.application.create_application
    ready = catalog_filled if files else start_page_filled

    def create_and_watch():  # type: ignore[no-untyped-def]
        application = created()
        # sees the first paint, even inside start-up
        application.installEventFilter(ExitAfterFirstPaint(application, ready, _exit_action(rss)))
        return application

    ui.app.application.create_application = create_and_watch
    run(files)


def _exit_action(rss: bool) -> Callable[[], None]:
    return print_rss if rss else lambda: None


if __name__ == "__main__":
    {"app": app, "bare": bare}[sys.argv[1]](
        "--rss" in sys.argv, [a for a in sys.argv[2:] if a.endswith(".hipplan")]
    )
    sys.exit("the window was never painted")
