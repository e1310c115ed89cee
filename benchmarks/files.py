"""Open and save a 52-week program of about 1,500 entries, validation and fsync included.

``planner.files.program_file.load_program`` and ``save_program`` (which serialises, parses its own
output back as a safety check, keeps a backup and writes atomically with fsync) against the
baseline of the same data through ``json.loads`` / ``json.dumps`` and a plain write + fsync.
Target: at most 100 ms each.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from benchmarks._common import median_ms, report, synthetic_catalog, synthetic_program
from planner.files.program_file import load_program, save_program

WEEKS, PER_WEEK = 52, 29  # 1,508 entries


def plain_write(path: Path, data: bytes) -> None:
    with open(path, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


def main() -> None:
    program = synthetic_program(WEEKS, PER_WEEK, synthetic_catalog(120))
    entries = sum(len(d.entries) for w in program.weeks for d in w.days)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "client.hipplan"
        plain = Path(folder) / "plain.json"
        save_program(program, path)
        data = path.read_bytes()
        value = json.loads(data)
        assert len(load_program(path).program.weeks) == WEEKS

        def bare_save() -> None:
            plain_write(plain, json.dumps(value, indent=2, ensure_ascii=False).encode("utf-8"))

        save = median_ms(lambda: save_program(program, path))
        bare = median_ms(bare_save)
        label = f"{WEEKS} weeks, {entries:,} entries, {len(data) / 1e6:.1f} MB"
        report(f"save program ({label})", save, bare, "ms", limit=100)
        load = median_ms(lambda: load_program(path))
        bare = median_ms(lambda: json.loads(plain.read_bytes()))
        report(f"open program ({label})", load, bare, "ms", limit=100)


if __name__ == "__main__":
    main()
