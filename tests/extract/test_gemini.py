"""The gemini engine through the real google-genai SDK, against a fake Gemini on loopback."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from bot.config import ExtractionConfig, GeminiConfig
from bot.errors import ConfigError, ExtractionError, TransientExtractionError
from bot.extract.gemini import MAX_INLINE_BYTES, GeminiExtractor, answer_model
from bot.extract.schema import ExtractedInvoice, LineItem
from tests.extract.fake_gemini import (
    GOOD_ANSWER,
    FakeGemini,
    answer,
    failure,
    serve_fake_gemini,
)

PDF = b"%PDF-1.4\n% a stand-in: the fake never reads it\n%%EOF\n"
API_KEY = "test-key-123"


@pytest.fixture
async def fake() -> AsyncIterator[FakeGemini]:
    async with serve_fake_gemini() as fake:
        yield fake


def engine(fake: FakeGemini, *, max_retries: int = 2, timeout: float = 5) -> GeminiExtractor:
    config = ExtractionConfig(
        gemini=GeminiConfig(
            model="gemini-test-model",
            timeout_seconds=timeout,
            max_retries=max_retries,
            base_url=fake.url,
        ),
        gemini_api_key=API_KEY,
    )
    return GeminiExtractor(config, backoff_base_s=0.01)


async def test_good_answer_is_parsed_and_checked(fake: FakeGemini) -> None:
    fake.script = [answer(json.dumps(GOOD_ANSWER))]
    result = await engine(fake).extract(PDF)

    assert result.engine == "gemini"
    invoice = result.invoice
    assert invoice.invoice_number == "INV-2024-0042"
    assert invoice.invoice_date is not None and invoice.invoice_date.isoformat() == "2024-03-01"
    assert invoice.total_incl_tax == Decimal("121.00")
    assert invoice.po_references == ["PO-1001"]
    assert invoice.line_items[0].unit_price == Decimal("2.50")
    assert invoice.line_items[0].product_code is None
    assert result.warnings == []
    assert result.confidence["total_incl_tax"] == 0.9
    assert 0 < result.confidence["supplier_name"] < 1

    # What the SDK sent: the PDF inline, temperature 0, our schema, the key, the model.
    [(path, headers, body)] = fake.requests
    assert path.endswith("/models/gemini-test-model:generateContent")
    assert headers.get("x-goog-api-key") == API_KEY
    parts = body["contents"][0]["parts"]
    inline = next(p["inlineData"] for p in parts if "inlineData" in p)
    assert (inline.get("mimeType") or inline.get("mime_type")) == "application/pdf"
    assert base64.b64decode(inline["data"]) == PDF
    generation = body["generationConfig"]
    assert generation["temperature"] == 0
    assert generation["responseMimeType"] == "application/json"
    schema = generation.get("responseSchema") or generation.get("responseJsonSchema")
    assert set(schema["properties"]) == set(ExtractedInvoice.model_fields)


async def test_malformed_json_is_a_final_error(fake: FakeGemini) -> None:
    fake.script = [answer('{"invoice_number": "INV-1", "total_incl_tax": ')]
    with pytest.raises(ExtractionError, match="not valid JSON") as info:
        await engine(fake).extract(PDF)
    assert not isinstance(info.value, TransientExtractionError)
    assert len(fake.requests) == 1


async def test_answer_outside_the_schema_names_the_field(fake: FakeGemini) -> None:
    fake.script = [answer(json.dumps({**GOOD_ANSWER, "total_incl_tax": "121,00 EUR"}))]
    with pytest.raises(ExtractionError, match="total_incl_tax"):
        await engine(fake).extract(PDF)


async def test_rate_limit_then_success(fake: FakeGemini) -> None:
    fake.script = [failure(429, "RESOURCE_EXHAUSTED"), answer(json.dumps(GOOD_ANSWER))]
    result = await engine(fake).extract(PDF)
    assert result.invoice.invoice_number == "INV-2024-0042"
    assert len(fake.requests) == 2


async def test_server_errors_until_retries_run_out(fake: FakeGemini) -> None:
    fake.script = [failure(500, "INTERNAL")]
    with pytest.raises(TransientExtractionError, match="500"):
        await engine(fake, max_retries=2).extract(PDF)
    assert len(fake.requests) == 3


async def test_client_error_is_final_and_not_retried(fake: FakeGemini) -> None:
    fake.script = [failure(400, "INVALID_ARGUMENT")]
    with pytest.raises(ExtractionError) as info:
        await engine(fake).extract(PDF)
    assert not isinstance(info.value, TransientExtractionError)
    assert isinstance(info.value.__cause__, Exception)
    assert len(fake.requests) == 1


async def test_timeout_is_transient(fake: FakeGemini) -> None:
    fake.script = [1.5]
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(TransientExtractionError, match="did not answer"):
        await engine(fake, timeout=0.3).extract(PDF)
    assert loop.time() - started < 1.2


async def test_totals_that_do_not_add_up_lower_confidence(fake: FakeGemini) -> None:
    # What a document that talks the model into a wrong total would produce.
    fake.script = [answer(json.dumps({**GOOD_ANSWER, "total_incl_tax": "1.00"}))]
    result = await engine(fake).extract(PDF)
    assert any("is not the total" in w for w in result.warnings)
    assert result.confidence["total_incl_tax"] == 0.5


async def test_blocked_prompt_is_a_final_error(fake: FakeGemini) -> None:
    fake.script = [(200, {"promptFeedback": {"blockReason": "SAFETY"}})]
    with pytest.raises(ExtractionError, match="SAFETY"):
        await engine(fake).extract(PDF)


async def test_a_page_that_is_not_json_is_asked_again_then_transient(fake: FakeGemini) -> None:
    page = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    fake.script = [page, answer(json.dumps(GOOD_ANSWER))]
    result = await engine(fake).extract(PDF)
    assert result.invoice.invoice_number == "INV-2024-0042"
    assert len(fake.requests) == 2

    fake.script = [page]
    with pytest.raises(TransientExtractionError, match="not JSON.*after 3 attempts"):
        await engine(fake).extract(PDF)


async def test_an_empty_answer_is_transient(fake: FakeGemini) -> None:
    fake.script = [(200, {})]
    with pytest.raises(TransientExtractionError, match="empty"):
        await engine(fake).extract(PDF)


async def test_too_large_for_inline_is_final_and_not_sent(fake: FakeGemini) -> None:
    fake.script = [answer(json.dumps(GOOD_ANSWER))]
    with pytest.raises(ExtractionError, match="too large") as info:
        await engine(fake).extract(PDF + b" " * MAX_INLINE_BYTES)
    assert not isinstance(info.value, TransientExtractionError)
    assert fake.requests == []


def test_answer_schema_mirrors_the_model() -> None:
    mirror = answer_model(ExtractedInvoice)
    assert list(mirror.model_fields) == list(ExtractedInvoice.model_fields)
    line = mirror.model_json_schema()["$defs"]["LineItemAnswer"]
    assert list(line["properties"]) == list(LineItem.model_fields)
    money = mirror.model_json_schema()["properties"]["total_incl_tax"]
    assert {"type": "string"} in money["anyOf"]
    assert "total_incl_tax" in mirror.model_json_schema()["required"]


def test_needs_an_api_key() -> None:
    with pytest.raises(ConfigError):
        GeminiExtractor(ExtractionConfig())
