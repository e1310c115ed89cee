"""Child process of the start and memory benchmarks: exits as soon as the first window is painted.

    python -m benchmarks._start_harness app|bare [--rss]

``app`` starts Hip Planner exactly as ``main.py`` does (``ui.launch.run``) and watches the
catalog list: at its first paint while it holds exercises the process prints ``painted <unix
time>``, and exits once the event loop runs. ``bare`` shows an empty QMainWindow of the same size
and does the same on its first paint. With ``--rss`` it also prints ``rss <KiB>`` (the peak
resident memory, see :func:`peak_rss_kib`) before exiting. ``os._exit`` skips interpreter
teardown, which no user waits for.
"""

from __future__ import annotations

import os
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer


class _ExitAfterPaint(QObject):
    def __init__(self, ready: object, rss: bool) -> None:
        super().__init__()
        self.ready = ready
        self.rss = rss

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted and self.ready(watched):  # type: ignore[operator]
            self.painted = True
            print(f"painted {time.time()}", flush=True)
            QTimer.singleShot(0, self.finish)  # once the event loop runs
        return False

    painted = False

    def finish(self) -> None:
        if self.rss:
            print(f"rss {peak_rss_kib()}", flush=True)
        os._exit(0)


_KEEP: list[QObject] = []


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


def bare(rss: bool) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    watcher = _ExitAfterPaint(lambda _widget: True, rss)
    window.installEventFilter(watcher)
    window.show()
    app.exec()


def app(rss: bool) -> None:
    from PySide6.QtWidgets import QListView

    import ui.application
    from ui.launch import run  # what main.py does first

    created = ui.application.create_application

    def filled_catalog(widget: QObject) -> bool:
        view = widget.parent()
        return (
            isinstance(view, QListView)
            and view.objectName() == "catalogList"
            and view.model().rowCount() > 0
        )

    def create_and_watch():  # type: ignore[no-untyped-def]
        application = created()
        watcher = _ExitAfterPaint(filled_catalog, rss)
        application.installEventFilter(watcher)  # sees the first paint, even inside start-up
        _KEEP.append(watcher)
        return application

    ui.application.create_application = create_and_watch
    run([])


if __name__ == "__main__":
    {"app": app, "bare": bare}[sys.argv[1]]("--rss" in sys.argv)
    sys.exit("the window was never painted")
