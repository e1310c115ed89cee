"""Files: the ``.hipplan`` format and schema, reading untrusted JSON, writing all or nothing,
autosaved copies, sharing exercises, the TOML catalog, the coach's ``balance.toml`` and where
files live."""
