"""The layout pass's own content-stream reader gives exactly pypdf's operations."""

from __future__ import annotations

import random
from typing import Any

import pytest
from pypdf.generic import ContentStream

from bot.extract.content import _operations

CASES = [
    b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET",
    b"(a\\(b\\)c) Tj (nested (x) y) Tj (oct\\101\\0123) Tj (cont\\\nline) Tj",
    b"% comment\nBT %c2\r/F1 1 Tf ET %end",
    b"/P <</MCID 0>> BDC EMC",
    b"q BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q",
    b"<48 65 6c> Tj <48656c6> Tj <> Tj",
    b"/A#20B Do /\xc3\xa9 Do /N/M Do",
    b"1.2.3 4,5 - + . ,5 -.5 m 12345678901234567890123 m",
    b"[ (a) 1 -2.5 <41> /N ] TJ [] TJ [ [1] ] TJ [ (a\\)) ] TJ [ true null ] TJ [ %c\n (x) ] TJ",
    b"'\"T* T* ' (x) \" q Q 1 0 0 RG 1(a)m 1/N m",
    b"\x0b 1 m",
    b"1 0 R Do",
    b"[ (a) 1",
    b"(unterminated",
    b"/" + b"A" * 4050 + b" Do /" + b"B" * 5000 + b" Do",
]
PIECES = [
    *(bytes([c]) for c in b" \n\r\x00\x0b()\\<>[]/%#12.-+,aTjR{\xe9"),
    *(b" 0 R ", b"BT", b"ET", b"Tj", b"TJ", b"<<", b">>", b"F1", b"true", b"41", b"\\101"),
]


def _read(read: Any, data: bytes) -> tuple[str, Any]:
    stream = ContentStream(None, None, "bytes")
    stream.set_data(data)
    try:
        return "ok", _typed(read(stream))
    except Exception as exc:  # noqa: BLE001 - pypdf's own failure must be the same failure
        return "error", type(exc).__name__


def _typed(value: Any) -> Any:
    """The value with the type of every object in it (1 and 1.0 are equal, not the same)."""
    if isinstance(value, (list, tuple)):
        return type(value).__name__, [_typed(v) for v in value]
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    return type(value).__name__, value


@pytest.mark.parametrize("data", CASES)
def test_the_operations_of_odd_streams_are_pypdfs(data: bytes) -> None:
    assert _read(_operations, data) == _read(lambda s: s.operations, data)


def test_the_operations_of_random_streams_are_pypdfs() -> None:
    rng = random.Random(12)
    for _ in range(3000):
        data = b"".join(rng.choice(PIECES) for _ in range(rng.randint(1, 25)))
        assert _read(_operations, data) == _read(lambda s: s.operations, data), data
