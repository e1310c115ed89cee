"""What every ui folder shares: the open document, settings, the crash handler, MIME types,
item flags, badges."""
