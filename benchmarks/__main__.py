"""Run every benchmark module of this package (each has a ``main() -> None``)."""

from __future__ import annotations

import importlib
import pkgutil

import benchmarks

for module in pkgutil.iter_modules(benchmarks.__path__):
    if not module.name.startswith("_"):
        importlib.import_module(f"benchmarks.{module.name}").main()
