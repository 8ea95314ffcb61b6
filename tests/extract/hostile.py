"""Isolated targets (``Isolation.run``) that misbehave on purpose: the bounds must stop them."""

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


def echo(pdf: bytes, **options: object) -> dict[str, object]:
    """Answers with what it was given: tells concurrent calls' answers apart."""
    return {"size": len(pdf), "options": options}


def crash(pdf: bytes) -> None:
    """Dies by a signal, like a parser crashing in C code."""
    import os

    os.abort()


def pid(pdf: bytes) -> int:
    """The process that serves the call: tells a reused child from a new one."""
    import os

    return os.getpid()


def fail(pdf: bytes) -> None:
    """A parser bug: an exception that is no extraction error."""
    raise ValueError("a bug")


def signalled(pdf: bytes, signal: str) -> None:
    """Killed by ``signal`` (a crash in C code, an operator's kill) with little memory in use."""
    import os
    import signal as signals

    os.kill(os.getpid(), signals.Signals[signal])


def filled_then_crash(pdf: bytes) -> None:
    """Takes memory up to its bound, then crashes the way C code does when malloc fails there."""
    import os

    chunks = []
    try:
        while True:
            chunks.append(bytearray(8 * 1024 * 1024))  # zero-filled: resident, not just reserved
    except MemoryError:
        os.abort()


def deaf_spin(pdf: bytes) -> None:
    """Never returns and blocks its alarm signal, like C code that masks signals: only the parent's
    kill after the grace stops it."""
    import signal

    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    while True:
        pass
