"""Targets for ``run_isolated`` that misbehave on purpose: the bounds must stop them."""

from __future__ import annotations


def spin(pdf: bytes) -> None:
    """Never returns, like a parser caught in a reference loop."""
    while True:
        pass


def hog(pdf: bytes) -> int:
    """Allocates without end, like a decompression bomb."""
    chunks = []
    while True:
        chunks.append(bytearray(50 * 1024 * 1024))
    return len(chunks)
