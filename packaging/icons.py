"""Derive the bundle's icons from ``resources/icons/hip-planner.svg``.

    python packaging/icons.py OUT_DIR

Writes ``hip-planner-<size>.png`` (16 to 512 px, for the Linux icon theme),
``hip-planner.ico`` (Windows) and ``hip-planner.icns`` (macOS). Qt's SVG renderer draws the
PNGs (no display needed) and Pillow writes the ICO and ICNS containers, so every system can
make every icon: no macOS tool (``iconutil``) is needed for the ``.icns``.
"""

from __future__ import annotations

import sys
from pathlib import Path

SVG = Path(__file__).resolve().parents[1] / "resources" / "icons" / "hip-planner.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def render_png(size: int, target: Path) -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target)):
        raise SystemExit(f"cannot write {target}")
    return target


def make_icons(out: Path) -> dict[str, Path]:
    """Every icon file, by kind: ``png`` (the largest), ``ico``, ``icns``, and each ``png-N``.

    Without Pillow only the PNGs are made (Qt draws them), and ``ico`` and ``icns`` are left
    out: the bundle is still built, with the system's default program icon on Windows and
    macOS (``pip install -e ".[bundle]"`` brings Pillow).
    """
    out.mkdir(parents=True, exist_ok=True)
    pngs = {size: render_png(size, out / f"hip-planner-{size}.png") for size in SIZES}
    icons = {"png": pngs[max(SIZES)]} | {f"png-{size}": path for size, path in pngs.items()}
    try:
        from PIL import Image
    except ImportError:
        print("icons: Pillow is not installed, so no .ico or .icns is made", file=sys.stderr)
        return icons
    largest = Image.open(pngs[max(SIZES)])
    ico, icns = out / "hip-planner.ico", out / "hip-planner.icns"
    largest.save(ico, sizes=[(s, s) for s in SIZES if s <= 256])
    largest.save(icns)
    return icons | {"ico": ico, "icns": icns}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python packaging/icons.py OUT_DIR")
    for path in make_icons(Path(sys.argv[1])).values():
        print(path)
