"""Thin adapters, one folder per channel; each turns what arrives into one intake call.

``CHANNELS`` names the channel plug-ins the composition root builds (see bot/channels.py); the
HTTP API is not among them, it is the server the others may add routes to.
"""

CHANNELS: tuple[str, ...] = ("handlers.email:PLUGIN", "handlers.slack:PLUGIN")
