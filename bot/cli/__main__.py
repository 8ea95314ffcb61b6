"""``python -m bot.cli`` runs the CLI (the same as the ``invoicebot`` script)."""

import sys

from bot.cli.main import main

sys.exit(main())
