"""Hip Planner's entry point: the GUI, or a command when one is given (see ``planner.cli``)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from ui.app.launch import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
