"""Timings of the hot paths; ``python -m benchmarks`` runs every module here with a ``main()``."""
