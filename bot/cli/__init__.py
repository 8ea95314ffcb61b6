"""The ``invoicebot`` command line: serve, work, administer, import and extract.

Every command has ``--help``. Commands parse their arguments, open the services through the
composition root, call the core, and print; long work shows a progress bar.
"""

from __future__ import annotations

from bot.cli.main import main

__all__ = ["main"]
