"""Plug-in engines for the fault tests' worker processes (``engine = "tests.fault_fakes:..."``)."""

from __future__ import annotations

from bot.config import ExtractionConfig
from tests.fakes import FakeExtractor


def paced_extractor(config: ExtractionConfig) -> FakeExtractor:
    """Every document takes 0.2 s: a batch is still being read when PostgreSQL restarts."""
    return FakeExtractor(delay=0.2)
