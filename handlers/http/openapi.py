"""The OpenAPI 3.1 document of the API, served at ``/api/v2/openapi.json``.

Request bodies come from the same pydantic models that validate them, so they cannot drift.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from bot.bounds import AMOUNT_SCHEMA, NO_NUL, VISIBLE
from bot.catalog import PO_STATUSES, OutletIn, PurchaseOrderIn, SupplierIn
from bot.extract.schema import LineItem
from bot.invoices import APPROVAL_STATUSES, PROCESSING_STATUSES
from storage.bounds import ID_LENGTH, LIST_LENGTH, UUID_LENGTH
from storage.invoices import ORDERABLE
from storage.status import Channel, ProcessingStatus, PurchaseOrderStatus, ReplyStatus

ORDERINGS = tuple(o for name in ORDERABLE for o in (name, f"-{name}"))
CHANNELS = tuple(str(c) for c in Channel)

FILE_ERROR_CODES = [
    "not_a_pdf",
    "empty_file",
    "file_too_large",
    "unreadable_pdf",
    "encrypted_pdf",
    "too_many_pages",
    "duplicate",
]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _page_of(name: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["count", "next", "previous", "results"],
        "properties": {
            "count": {"type": "integer"},
            "next": {"type": ["string", "null"]},
            "previous": {"type": ["string", "null"]},
            "results": {"type": "array", "items": _ref(name)},
        },
    }


def _text(max_length: int) -> dict[str, Any]:
    return {"type": "string", "maxLength": max_length, "pattern": NO_NUL}


def _query(name: str, description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or _text(ID_LENGTH),
    }


def _path_id(what: str) -> dict[str, Any]:
    return {
        "name": "id",
        "in": "path",
        "required": True,
        "description": f"{what} id",
        "schema": {"type": "string", "pattern": NO_NUL},
    }


def _enum(values: tuple[str, ...]) -> dict[str, Any]:
    """A filter taking one of ``values``; empty means no filter."""
    return {"type": "string", "enum": ["", *values]}


PAGING = [
    _query("page", "page number, from 1", {"type": "integer", "minimum": 1, "maximum": 10**9}),
    _query(
        "page_size",
        "results per page (at most 200)",
        {"type": "integer", "minimum": 1, "maximum": 200},
    ),
]
MONEY = {"type": ["string", "null"], "pattern": r"^-?\d+(\.\d+)?$"}
DATE = {"type": ["string", "null"], "format": "date"}
AUTH_ERRORS = {
    "401": _error("missing, invalid or expired token"),
    "403": _error("token lacks the scope or the outlet"),
    "429": _error("over the per-client rate limit; see Retry-After"),
}


def _schemas() -> dict[str, Any]:
    line_item = LineItem.model_json_schema()
    return {
        "Error": {
            "type": "object",
            "required": ["detail"],
            "properties": {"detail": {"type": "string"}, "field": {"type": ["string", "null"]}},
        },
        "FileError": {
            "type": "object",
            "required": ["file", "filename", "code", "detail"],
            "properties": {
                "file": {"type": "string", "examples": ["file[1]"]},
                "filename": {"type": "string"},
                "code": {"enum": FILE_ERROR_CODES},
                "detail": {"type": "string"},
                "existing_invoice_id": {"type": "string"},
            },
        },
        "UploadResult": {
            "type": "object",
            "required": ["bulk_importation_id", "invoices", "errors"],
            "properties": {
                "bulk_importation_id": {"type": ["string", "null"]},
                "invoices": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "id": {"type": "string"},
                            "file": {"type": "string"},
                            "filename": {"type": "string"},
                            "processing_status": {"const": str(ProcessingStatus.TO_BE_PROCESSED)},
                        },
                    },
                },
                "errors": {"type": "array", "items": _ref("FileError")},
            },
        },
        "LineItem": {**line_item, "title": "LineItem"},
        "Invoice": {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "type": {"const": "INVOICE"},
                "document_type": {
                    "enum": ["invoice", "credit_note", None],
                    "description": "null when a correction cleared it",
                },
                "processing_status": {"enum": list(PROCESSING_STATUSES)},
                "approval_status": {"enum": list(APPROVAL_STATUSES)},
                "bulk_importation_id": {"type": "string"},
                "outlet": {"type": "string"},
                "supplier": {"type": ["string", "null"]},
                "invoice_number": {"type": ["string", "null"]},
                "invoice_date": DATE,
                "due_date": DATE,
                "currency": {"type": ["string", "null"]},
                "total_excl_tax": MONEY,
                "tax_amount": MONEY,
                "total_incl_tax": MONEY,
                "supplier_name": {"type": ["string", "null"]},
                "supplier_tax_id": {"type": ["string", "null"]},
                "po_references": {
                    "type": ["array", "null"],
                    "items": {"type": "string"},
                    "description": "null when a correction cleared it",
                },
                "line_items": {"type": "array", "items": _ref("LineItem")},
                "purchase_orders": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "id": {"type": "string"},
                            "order_number": {"type": "string"},
                            "link": {"enum": ["requested", "po_number", "supplier_amount"]},
                            "score": {"type": ["string", "null"]},
                            "amount": {
                                "type": ["string", "null"],
                                "description": "the part of the invoice set against this order",
                            },
                            "reason": {"type": ["string", "null"]},
                        },
                    },
                },
                "variances": {"type": "array", "items": {"type": "object"}},
                "file": {
                    "type": "object",
                    "properties": {
                        "filename": {"type": "string"},
                        "sha256": {"type": "string"},
                        "size": {"type": "integer"},
                        "pages": {"type": ["integer", "null"]},
                        "url": {"type": "string"},
                    },
                },
                "source": {
                    "type": "object",
                    "properties": {
                        "channel": {"enum": [str(c) for c in Channel]},
                        "reference": {"type": ["string", "null"]},
                    },
                },
                "extraction": {
                    "type": "object",
                    "properties": {
                        "engine": {"type": ["string", "null"]},
                        "confidence": {
                            "type": "object",
                            "additionalProperties": {"type": "number"},
                        },
                        "warnings": {"type": "array", "items": {"type": "string"}},
                        "error": {"type": ["string", "null"]},
                    },
                },
                "corrections": {"type": "object"},
                "extracted": {"type": "object"},
                "created_date": {"type": "string", "format": "date-time"},
                "modified_date": {"type": "string", "format": "date-time"},
            },
        },
        "BulkImportation": {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "outlet": {"type": "string"},
                "supplier": {"type": ["string", "null"]},
                "channel": {"type": "string"},
                "reference": {"type": ["string", "null"]},
                "created_date": {"type": "string", "format": "date-time"},
                "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
                "invoice_count": {"type": "integer"},
                "done": {"type": "boolean"},
                "done_date": {"type": ["string", "null"], "format": "date-time"},
                "reply": _ref("Reply"),
                "errors": {"type": "array", "items": _ref("FileError")},
                "invoices": {"type": "array", "items": {"type": "object"}},
            },
        },
        "BulkImportationSummary": {
            "type": "object",
            "description": "a batch in a list: as BulkImportation, without invoices and errors",
            "properties": {
                "id": {"type": "string"},
                "outlet": {"type": "string"},
                "supplier": {"type": ["string", "null"]},
                "channel": {"enum": [str(c) for c in Channel]},
                "reference": {"type": ["string", "null"]},
                "created_date": {"type": "string", "format": "date-time"},
                "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
                "invoice_count": {"type": "integer"},
                "error_count": {"type": "integer"},
                "done": {"type": "boolean"},
                "done_date": {"type": ["string", "null"], "format": "date-time"},
                "reply": _ref("Reply"),
            },
        },
        "Reply": {
            "type": "object",
            "description": "the batch's reply in its channel (email, Slack); not_needed for "
            "channels that answered at once (the API)",
            "properties": {
                "status": {"enum": [str(s) for s in ReplyStatus]},
                "attempts": {"type": "integer"},
                "error": {"type": ["string", "null"]},
                "sent_date": {"type": ["string", "null"], "format": "date-time"},
            },
        },
        "OutletIn": OutletIn.model_json_schema(),
        "Outlet": {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "name": {"type": "string"},
                "created_date": {"type": "string", "format": "date-time"},
            },
        },
        "SupplierIn": SupplierIn.model_json_schema(),
        "Supplier": {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "name": {"type": "string"},
                "tax_id": {"type": ["string", "null"]},
                "aliases": {"type": "array", "items": {"type": "string"}},
                "emails": {"type": "array", "items": {"type": "string"}},
            },
        },
        "PurchaseOrderIn": PurchaseOrderIn.model_json_schema(
            ref_template="#/components/schemas/PurchaseOrderIn/$defs/{model}"
        ),
        "PurchaseOrder": {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "order_number": {"type": "string"},
                "outlet": {"type": "string"},
                "supplier": {"type": ["string", "null"]},
                "status": {"enum": [str(s) for s in PurchaseOrderStatus]},
                "ordered_on": DATE,
                "expected_delivery_date": DATE,
                "total": MONEY,
                "currency": {"type": ["string", "null"]},
                "lines": {"type": "array", "items": {"type": "object"}},
            },
        },
        "Token": {
            "type": "object",
            "properties": {
                "access_token": {"type": "string"},
                "token_type": {"const": "Bearer"},
                "expires_in": {"type": "integer"},
                "scope": {"type": "string"},
            },
        },
    }


def _invoice_changes() -> dict[str, Any]:
    """What PATCH takes: the checks of bot/invoices.py, as a schema."""
    from bot.invoices import TEXT_BOUNDS

    text = {name: {"type": ["string", "null"], **_text(n)} for name, n in TEXT_BOUNDS.items()}
    date = {"type": ["string", "null"], "format": "date"}
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "supplier": {"type": ["string", "null"], **_text(ID_LENGTH)},
            "approval_status": {"enum": list(APPROVAL_STATUSES)},
            "document_type": {"enum": ["invoice", "credit_note", None]},
            "invoice_number": text["invoice_number"],
            "invoice_date": date,
            "due_date": date,
            "currency": text["currency"],
            "total_excl_tax": {"anyOf": [*AMOUNT_SCHEMA["anyOf"], {"type": "null"}]},
            "tax_amount": {"anyOf": [*AMOUNT_SCHEMA["anyOf"], {"type": "null"}]},
            "total_incl_tax": {"anyOf": [*AMOUNT_SCHEMA["anyOf"], {"type": "null"}]},
            "supplier_name": text["supplier_name"],
            "supplier_tax_id": text["supplier_tax_id"],
            "po_references": {
                "type": ["array", "null"],
                "maxItems": LIST_LENGTH,
                "items": _text(TEXT_BOUNDS["po_references"]),
            },
        },
    }


def _json_body(name: str) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": _ref(name)}}}


def _list_and_create(what: str, name: str, filters: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "get": {
            "summary": f"List {what}",
            "parameters": PAGING + filters,
            "responses": {"200": _ok(f"a page of {what}", _page_of(name)), **AUTH_ERRORS},
        },
        "post": {
            "summary": f"Create one of the {what}; the id may be given (your own system's id)",
            "requestBody": _json_body(f"{name}In"),
            "responses": {
                "201": _ok("created", _ref(name)),
                "400": _error("invalid body"),
                "409": _error("the id exists already"),
                **AUTH_ERRORS,
            },
        },
    }


@cache
def openapi_document() -> dict[str, Any]:
    """The document, with the answers every operation can give added to each (a bad
    parameter, a page past the last, a body over the size limit), so it says what the
    server answers."""
    document = _document()
    for path, item in document["paths"].items():
        for operation in item.values():
            responses = operation["responses"]
            if operation.get("parameters") or "requestBody" in operation:
                responses.setdefault("400", _error("a parameter or the body is invalid"))
            if any(p["name"] == "page" for p in operation.get("parameters", ())):
                responses.setdefault("404", _error("a page past the last"))
            body = operation.get("requestBody", {}).get("content", {})
            if "application/json" in body:
                responses.setdefault("413", _error("the body is over 1 MiB"))
                responses.setdefault("404", _error("an id it names does not exist"))
            if "requestBody" in operation:
                responses.setdefault("408", _error("the body came slower than the minimum rate"))
            if path == "/oauth/token/":
                responses.setdefault("403", _error("a scope the client does not have"))
                responses.setdefault("413", _error("the body is over 1 MiB"))
                responses.setdefault("429", _error("too many token requests; see Retry-After"))
    return document


def _document() -> dict[str, Any]:
    invoice_filters = [
        _query("bulk_importation_id", "only invoices of this batch", _text(UUID_LENGTH)),
        _query("outlet", "outlet id"),
        _query("supplier", "supplier id"),
        _query("processing_status", "a processing status", _enum(PROCESSING_STATUSES)),
        _query("approval_status", "an approval status", _enum(APPROVAL_STATUSES)),
        _query(
            "modified_date__gt",
            "ISO 8601 date-time with zone",
            {"type": "string", "format": "date-time"},
        ),
        _query(
            "ordering",
            "created_date, modified_date, invoice_date, due_date, "
            "invoice_number, total_incl_tax, processing_status; prefix - for descending",
            _enum(ORDERINGS),
        ),
    ]
    upload_schema = {
        "type": "object",
        "required": ["outlet", "file[0]"],
        "properties": {
            "outlet": {
                "type": "string",
                "description": "outlet id",
                "maxLength": ID_LENGTH,
                "pattern": VISIBLE,
            },
            "supplier": {"type": "string", "description": "supplier id", **_text(ID_LENGTH)},
            "purchase_orders": {
                "type": "string",
                "description": "comma-separated PO ids",
                "pattern": NO_NUL,
            },
            "file[0]": {"type": "string", "format": "binary"},
            "file[1]": {"type": "string", "format": "binary"},
        },
        "additionalProperties": {"type": "string", "format": "binary"},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "invoicebot",
            "version": "2",
            "description": "Invoice intake: upload PDFs, read the extracted invoices.",
        },
        "servers": [{"url": "/"}],
        "security": [{"oauth2": ["procurement"]}],
        "components": {
            "securitySchemes": {
                "oauth2": {
                    "type": "oauth2",
                    "flows": {
                        "clientCredentials": {
                            "tokenUrl": "/oauth/token/",
                            "scopes": {"procurement": "the procurement API"},
                        }
                    },
                }
            },
            "schemas": _schemas(),
        },
        "paths": {
            "/api/v2/invoices/bulk_upload/": {
                "post": {
                    "summary": "Upload invoices (with AI): one invoice per PDF, one batch",
                    "requestBody": {
                        "required": True,
                        "content": {"multipart/form-data": {"schema": upload_schema}},
                    },
                    "responses": {
                        "201": _ok("at least one invoice was created", _ref("UploadResult")),
                        "400": {
                            "description": "no invoice was created: the request is invalid "
                            "(Error) or every file was refused (UploadResult)",
                            "content": {
                                "application/json": {
                                    "schema": {"oneOf": [_ref("UploadResult"), _ref("Error")]}
                                }
                            },
                        },
                        "404": _error("unknown outlet, supplier or purchase order"),
                        "413": _error("the request body is over the size limit"),
                        **AUTH_ERRORS,
                    },
                }
            },
            "/api/v2/invoices/": {
                "get": {
                    "summary": "List invoices",
                    "parameters": PAGING + invoice_filters,
                    "responses": {
                        "200": _ok("a page of invoices", _page_of("Invoice")),
                        "400": _error("bad filter"),
                        **AUTH_ERRORS,
                    },
                }
            },
            "/api/v2/invoices/{id}/": {
                "get": {
                    "summary": "One invoice",
                    "parameters": [_path_id("invoice")],
                    "responses": {
                        "200": _ok("the invoice", _ref("Invoice")),
                        "404": _error("no such invoice"),
                        **AUTH_ERRORS,
                    },
                },
                "patch": {
                    "summary": "Set supplier or approval_status, or correct extracted fields",
                    "parameters": [_path_id("invoice")],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": _invoice_changes()}},
                    },
                    "responses": {
                        "200": _ok("the invoice", _ref("Invoice")),
                        "400": _error("invalid change"),
                        "404": _error("no such invoice or supplier"),
                        **AUTH_ERRORS,
                    },
                },
            },
            "/api/v2/invoices/{id}/history/": {
                "get": {
                    "summary": "Who changed which field of the invoice, when, from what, to what",
                    "parameters": [_path_id("invoice")],
                    "responses": {
                        "200": _ok(
                            "the changes, oldest first",
                            {
                                "type": "object",
                                "properties": {
                                    "results": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "properties": {
                                                "field": {"type": "string"},
                                                "from": {},
                                                "to": {},
                                                "by": {
                                                    "type": ["string", "null"],
                                                    "description": "user:EMAIL or client:ID",
                                                },
                                                "date": {"type": "string", "format": "date-time"},
                                            },
                                        },
                                    }
                                },
                            },
                        ),
                        "404": _error("no such invoice"),
                        **AUTH_ERRORS,
                    },
                }
            },
            "/api/v2/invoices/{id}/file/": {
                "get": {
                    "summary": "The invoice's PDF",
                    "parameters": [_path_id("invoice")],
                    "responses": {
                        "200": {
                            "description": "the PDF",
                            "content": {
                                "application/pdf": {
                                    "schema": {"type": "string", "format": "binary"}
                                }
                            },
                        },
                        "404": _error("no such invoice"),
                        **AUTH_ERRORS,
                    },
                }
            },
            "/api/v2/bulk_importations/": {
                "get": {
                    "summary": "Batches, newest first (a client sees only its outlets)",
                    "parameters": PAGING
                    + [
                        _query("outlet", "outlet id"),
                        _query("channel", "the channel it came in", _enum(CHANNELS)),
                        _query(
                            "created_date__gt",
                            "ISO 8601 date-time with zone",
                            {"type": "string", "format": "date-time"},
                        ),
                    ],
                    "responses": {
                        "200": _ok("a page of batches", _page_of("BulkImportationSummary")),
                        "400": _error("a bad filter"),
                        **AUTH_ERRORS,
                    },
                }
            },
            "/api/v2/bulk_importations/{id}/": {
                "get": {
                    "summary": "A batch: counts per processing_status, done, errors",
                    "parameters": [_path_id("bulk importation")],
                    "responses": {
                        "200": _ok("the batch", _ref("BulkImportation")),
                        "404": _error("no such batch"),
                        **AUTH_ERRORS,
                    },
                }
            },
            "/api/v2/outlets/": _list_and_create("outlets", "Outlet", []),
            "/api/v2/suppliers/": _list_and_create("suppliers", "Supplier", []),
            "/api/v2/procurement/purchase_orders/": _list_and_create(
                "purchase orders",
                "PurchaseOrder",
                [
                    _query("outlet", "outlet id"),
                    _query("supplier", "supplier id"),
                    _query("status", "the order's status", _enum(PO_STATUSES)),
                ],
            ),
            "/oauth/token/": {
                "post": {
                    "summary": "OAuth2 client credentials grant (form or HTTP Basic)",
                    "security": [],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/x-www-form-urlencoded": {
                                "schema": {
                                    "type": "object",
                                    "required": ["grant_type"],
                                    "properties": {
                                        "grant_type": {"const": "client_credentials"},
                                        "client_id": {"type": "string"},
                                        "client_secret": {"type": "string"},
                                        "scope": {"type": "string"},
                                    },
                                }
                            }
                        },
                    },
                    "responses": {
                        "200": _ok("a bearer token", _ref("Token")),
                        "400": _error("bad grant"),
                        "401": _error("bad client credentials"),
                    },
                }
            },
            "/api/v2/openapi.json": {
                "get": {
                    "summary": "This document",
                    "security": [],
                    "responses": {"200": {"description": "OpenAPI 3.1"}},
                }
            },
            "/healthz": {
                "get": {
                    "summary": "Liveness and database check",
                    "security": [],
                    "responses": {
                        "200": {"description": "ok"},
                        "503": _error("database unavailable"),
                    },
                }
            },
        },
    }
