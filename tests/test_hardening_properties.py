"""Property tests (hypothesis) of the edge's parsers and the in-process PDF check."""

from __future__ import annotations

import io
import unicodedata
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from bot import bounds
from bot.errors import InvalidRequest
from bot.pdfpeek import peek_page_count
from storage.bounds import FILE_NAME_LENGTH, MAX_AMOUNT

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=10,
)


@given(st.decimals(min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT, places=4, allow_nan=False))
def test_every_storable_amount_written_plainly_parses_back(value: Decimal) -> None:
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".") or "0"
    assert bounds.parse_amount(text) == value


@given(json_values)
def test_any_json_value_is_an_amount_or_a_value_error(value: object) -> None:
    try:
        parsed = bounds.parse_amount(value)
    except ValueError:
        return
    assert parsed.is_finite() and abs(parsed) <= MAX_AMOUNT


@given(st.text())
def test_text_amounts_follow_the_documented_pattern(text: str) -> None:
    import re

    matches = re.fullmatch(bounds.AMOUNT_PATTERN, text, re.ASCII) is not None
    if matches and abs(Decimal(text).quantize(Decimal("0.0001"))) > MAX_AMOUNT:
        matches = False  # the one edge past the pattern: rounds past the column
    try:
        bounds.parse_amount(text)
        accepted = True
    except ValueError:
        accepted = False
    assert accepted == matches


@given(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59)),
    st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1),
)
def test_a_datetime_with_any_offset_is_utc_or_400(naive: datetime, minutes: int) -> None:
    aware = naive.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    try:
        moved = bounds.utc(aware, "modified_date__gt")
    except InvalidRequest as exc:
        assert exc.field == "modified_date__gt"
        return
    assert moved.tzinfo == UTC and moved == aware


@given(st.text(), st.sampled_from(["file[0]", "file[7]"]))
def test_clean_filenames_are_bounded_and_printable(name: str, fallback: str) -> None:
    cleaned = bounds.clean_filename(name, fallback)
    assert cleaned and len(cleaned) <= FILE_NAME_LENGTH
    assert not any(unicodedata.category(ch)[0] == "C" for ch in cleaned)
    assert bounds.unstorable(cleaned) is None


@given(json_values)
def test_json_problems_never_raise(value: object) -> None:
    found = bounds.json_problem(value)
    assert found is None or isinstance(found[0], str)


def _pdf(pages: int) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    for page in range(pages):
        pdf.add_page()
        pdf.cell(text=f"page {page + 1}")
    return bytes(pdf.output())


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(min_value=1, max_value=40))
def test_peek_agrees_with_pypdf(tmp_path: Path, pages: int) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(_pdf(pages))
    assert peek_page_count(path) == len(PdfReader(io.BytesIO(path.read_bytes())).pages) == pages


BASE = _pdf(2)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.integers(min_value=0, max_value=len(BASE) - 1),
    st.binary(min_size=0, max_size=40),
    st.integers(min_value=0, max_value=len(BASE)),
)
def test_peek_on_damaged_files_answers_or_says_it_cannot_tell(
    tmp_path: Path, at: int, junk: bytes, cut: int
) -> None:
    """Overwritten or truncated anywhere: a count or None, never an exception or a hang."""
    data = (BASE[:at] + junk + BASE[at + len(junk) :])[: max(cut, 1)]
    path = tmp_path / "d.pdf"
    path.write_bytes(data)
    found = peek_page_count(path)
    assert found is None or (isinstance(found, int) and found >= 0)


@pytest.mark.parametrize("size", [0, 1, 100])
def test_peek_on_tiny_files(tmp_path: Path, size: int) -> None:
    path = tmp_path / "t.pdf"
    path.write_bytes(b"%PDF-1.4\n"[:size])
    assert peek_page_count(path) is None
