"""The balance rule: counting a week, the checks and their findings, the thresholds, the
coverage panel's figures and the ``check`` report. Reads and writes no file."""
