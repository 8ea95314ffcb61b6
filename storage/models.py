"""The schema: outlets, suppliers, purchase orders, bulk importations, invoices, clients, jobs.

Ids of outlets, suppliers and purchase orders are the ids of the user's other systems (given by
the caller) or generated; invoices and bulk importations get UUIDs. Extracted fields live in plain
columns so they can be filtered and linked on; corrections made by people are kept apart in
``corrections`` so both can be seen.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from storage.status import ApprovalStatus, JobKind, JobStatus, ProcessingStatus, ReplyStatus
from storage.types import Amount, UTCDateTime, utcnow

#: longest source reference kept as is; channels shorten longer ones (see bot.batch.Source)
REFERENCE_LENGTH = 500

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


#: VAT prefixes (EU, EL for Greece, XI for Northern Ireland, and neighbours) taken off the key
VAT_COUNTRIES = frozenset(
    "AT BE BG CY CZ DE DK EE EL ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"
    " GB XI CH NO".split()
)


def tax_id_key(tax_id: str | None) -> str | None:
    """A VAT id reduced for comparison: ``nl 1234.56.789-B01`` and ``123456789B01`` match.

    Only letters and digits are kept, upper-cased, and a leading country code is dropped (it is
    compared apart, see bot.linking.suppliers), so an id written with or without it is found.
    The Swiss and Norwegian VAT suffixes (``CHE-123.456.789 MWST``, ``NO 123456789 MVA``) go too.
    """
    if not tax_id:
        return None
    core = "".join(ch for ch in tax_id.upper() if ch.isalnum())
    if core.startswith(("CHE", "NO")):
        core = core.removesuffix("MWST").removesuffix("TVA").removesuffix("IVA").removesuffix("MVA")
    if len(core) > 4 and core[:2] in VAT_COUNTRIES and any(ch.isdigit() for ch in core[2:]):
        core = core[2:]
    return core or None


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime, Decimal: Amount, dict[str, Any]: JSON}


class Timestamps:
    created_date: Mapped[datetime] = mapped_column(default=utcnow)
    modified_date: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class LineColumns:
    """What an order line and an invoice line share, so they can be compared column by column."""

    description: Mapped[str | None] = mapped_column(Text)
    product_code: Mapped[str | None] = mapped_column(String(100))
    quantity: Mapped[Decimal | None]
    unit: Mapped[str | None] = mapped_column(String(30))
    unit_price: Mapped[Decimal | None]
    total: Mapped[Decimal | None]


class Outlet(Timestamps, Base):
    __tablename__ = "outlets"

    id: Mapped[str] = mapped_column(String(100), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(300))


class Supplier(Timestamps, Base):
    __tablename__ = "suppliers"

    id: Mapped[str] = mapped_column(String(100), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(300))
    tax_id: Mapped[str | None] = mapped_column(String(50), index=True)
    #: tax_id reduced by :func:`tax_id_key`, kept in step by the validator below
    tax_id_key: Mapped[str | None] = mapped_column(String(50), index=True)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    emails: Mapped[list[str]] = mapped_column(JSON, default=list)

    @validates("tax_id")
    def _keep_tax_id_key(self, _name: str, value: str | None) -> str | None:
        self.tax_id_key = tax_id_key(value)
        return value


class PurchaseOrder(Timestamps, Base):
    __tablename__ = "purchase_orders"
    __table_args__ = (
        Index("ix_purchase_orders_outlet_number", "outlet_id", "order_number"),
        Index("ix_purchase_orders_supplier_status", "supplier_id", "status", "total"),
        # linking: order numbers read on an invoice, and a supplier's open orders by date
        Index("ix_purchase_orders_outlet_number_key", "outlet_id", "order_number_key"),
        Index(
            "ix_purchase_orders_supplier_outlet_open",
            "supplier_id",
            "outlet_id",
            "status",
            "ordered_on",
        ),
    )

    id: Mapped[str] = mapped_column(String(100), primary_key=True, default=new_id)
    order_number: Mapped[str] = mapped_column(String(100))
    #: order number reduced to its comparable core (see bot.catalog.order_number_key)
    order_number_key: Mapped[str] = mapped_column(String(100), index=True, default="")
    outlet_id: Mapped[str] = mapped_column(ForeignKey("outlets.id"))
    supplier_id: Mapped[str | None] = mapped_column(ForeignKey("suppliers.id"))
    status: Mapped[str] = mapped_column(String(20), default="ORDERED")
    ordered_on: Mapped[date | None] = mapped_column(Date)
    expected_delivery_date: Mapped[date | None] = mapped_column(Date)
    total: Mapped[Decimal | None]
    currency: Mapped[str | None] = mapped_column(String(3))

    lines: Mapped[list[PurchaseOrderLine]] = relationship(
        back_populates="purchase_order",
        order_by="PurchaseOrderLine.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )


class PurchaseOrderLine(LineColumns, Base):
    __tablename__ = "purchase_order_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    purchase_order_id: Mapped[str] = mapped_column(
        ForeignKey("purchase_orders.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)

    purchase_order: Mapped[PurchaseOrder] = relationship(back_populates="lines")


class BulkImportation(Base):
    """One batch handed in by a channel, and where its "done" reply stands."""

    __tablename__ = "bulk_importations"
    __table_args__ = (
        # the same email or Slack message submitted again finds its first batch (NULLs differ)
        UniqueConstraint("channel", "reference", name="uq_bulk_importations_channel_reference"),
        Index("ix_bulk_importations_outlet_created", "outlet_id", "created_date"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    outlet_id: Mapped[str] = mapped_column(ForeignKey("outlets.id"), index=True)
    supplier_id: Mapped[str | None] = mapped_column(ForeignKey("suppliers.id"))
    channel: Mapped[str] = mapped_column(String(20))
    #: unique per channel: Message-ID, Slack channel + ts; None for the API
    reference: Mapped[str | None] = mapped_column(String(REFERENCE_LENGTH))
    client_id: Mapped[str | None] = mapped_column(String(64))
    #: who handed it in, in the channel's words (an email address, a Slack user id)
    sender: Mapped[str | None] = mapped_column(String(320))
    #: what the channel needs to answer in the sender's thread (Message-ID, References, ...)
    reply_to: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: purchase-order ids named in the request, linked to every invoice
    purchase_order_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: per-file errors of the request, as answered
    errors: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_date: Mapped[datetime] = mapped_column(default=utcnow)
    #: set, with the batch_done job, in the transaction that finished its last invoice
    done_date: Mapped[datetime | None]
    #: a ReplyStatus
    reply_status: Mapped[str] = mapped_column(String(20), default=ReplyStatus.PENDING)
    reply_attempts: Mapped[int] = mapped_column(default=0)
    reply_error: Mapped[str | None] = mapped_column(Text)
    reply_sent_date: Mapped[datetime | None]
    #: what the channel recorded while sending (the posted message's ts), so a retry after a
    #: crash mid-send updates what was sent instead of sending it twice
    reply_state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Invoice(Timestamps, Base):
    __tablename__ = "invoices"
    __table_args__ = (
        UniqueConstraint("outlet_id", "file_sha256", name="uq_invoices_outlet_sha256"),
        Index("ix_invoices_outlet_created", "outlet_id", "created_date"),
        Index("ix_invoices_supplier_number", "supplier_id", "invoice_number"),
        # linking: earlier invoices with the same number, and which suppliers an outlet has
        Index("ix_invoices_outlet_number", "outlet_id", "invoice_number"),
        Index("ix_invoices_supplier_outlet", "supplier_id", "outlet_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    type: Mapped[str] = mapped_column(String(20), default="INVOICE")
    document_type: Mapped[str] = mapped_column(String(20), default="invoice")
    processing_status: Mapped[str] = mapped_column(
        String(20), default=ProcessingStatus.TO_BE_PROCESSED, index=True
    )
    approval_status: Mapped[str] = mapped_column(
        String(20), default=ApprovalStatus.RECEIVED, index=True
    )
    bulk_importation_id: Mapped[str] = mapped_column(ForeignKey("bulk_importations.id"), index=True)
    outlet_id: Mapped[str] = mapped_column(ForeignKey("outlets.id"))
    supplier_id: Mapped[str | None] = mapped_column(ForeignKey("suppliers.id"))

    invoice_number: Mapped[str | None] = mapped_column(String(100))
    invoice_date: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)
    currency: Mapped[str | None] = mapped_column(String(3))
    total_excl_tax: Mapped[Decimal | None]
    tax_amount: Mapped[Decimal | None]
    total_incl_tax: Mapped[Decimal | None]
    supplier_name: Mapped[str | None] = mapped_column(String(300))
    supplier_tax_id: Mapped[str | None] = mapped_column(String(50))
    po_references: Mapped[list[str]] = mapped_column(JSON, default=list)

    #: fields corrected by people (PATCH); the extracted values stay in their columns
    corrections: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: {"engine", "confidence", "warnings", "error"}
    extraction: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: price/quantity differences against the linked orders' lines
    variances: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    file_name: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[str] = mapped_column(String(64))
    file_size: Mapped[int]
    file_pages: Mapped[int | None]
    #: the multipart field (file[0]) or attachment position it came in
    file_field: Mapped[str | None] = mapped_column(String(100))

    source_channel: Mapped[str] = mapped_column(String(20))
    source_reference: Mapped[str | None] = mapped_column(Text)

    line_items: Mapped[list[InvoiceLineItem]] = relationship(
        order_by="InvoiceLineItem.position", cascade="all, delete-orphan", lazy="selectin"
    )
    purchase_order_links: Mapped[list[InvoicePurchaseOrder]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )


class InvoiceLineItem(LineColumns, Base):
    __tablename__ = "invoice_line_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    invoice_id: Mapped[str] = mapped_column(
        ForeignKey("invoices.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    tax_rate: Mapped[Decimal | None]


class InvoicePurchaseOrder(Base):
    __tablename__ = "invoice_purchase_orders"

    invoice_id: Mapped[str] = mapped_column(
        ForeignKey("invoices.id", ondelete="CASCADE"), primary_key=True
    )
    purchase_order_id: Mapped[str] = mapped_column(
        ForeignKey("purchase_orders.id"), primary_key=True, index=True
    )
    #: requested, po_number or supplier_amount
    link: Mapped[str] = mapped_column(String(20))
    score: Mapped[Decimal | None]
    reason: Mapped[str | None] = mapped_column(Text)
    #: the part of the invoice's total set against this order (what is left of the order is
    #: its total minus these amounts: partial deliveries); None until the invoice is read
    amount: Mapped[Decimal | None]

    purchase_order: Mapped[PurchaseOrder] = relationship(lazy="selectin")


class OAuthClient(Base):
    __tablename__ = "oauth_clients"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    secret_hash: Mapped[str] = mapped_column(String(128))
    scopes: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: outlet ids this client may use; None means every outlet
    outlets: Mapped[list[str] | None] = mapped_column(JSON)
    created_date: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_date: Mapped[datetime | None]


class OAuthToken(Base):
    __tablename__ = "oauth_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("oauth_clients.id"), index=True)
    scope: Mapped[str] = mapped_column(String(200))
    expires_date: Mapped[datetime] = mapped_column(index=True)
    created_date: Mapped[datetime] = mapped_column(default=utcnow)


class Job(Base):
    """A durable unit of work; claimed with a lease so a dead worker's job is taken again.

    An ``extract`` job belongs to an invoice, a ``batch_done`` job to a bulk importation.
    """

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_claim", "status", "run_after"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    #: a JobKind
    kind: Mapped[str] = mapped_column(String(30), default=JobKind.EXTRACT)
    invoice_id: Mapped[str | None] = mapped_column(
        ForeignKey("invoices.id", ondelete="CASCADE"), index=True
    )
    bulk_importation_id: Mapped[str | None] = mapped_column(
        ForeignKey("bulk_importations.id", ondelete="CASCADE"), index=True
    )
    #: at most one job per key ("batch_done:<batch id>"): a second enqueue is refused
    key: Mapped[str | None] = mapped_column(String(100), unique=True)
    #: a JobStatus
    status: Mapped[str] = mapped_column(String(10), default=JobStatus.QUEUED)
    attempts: Mapped[int] = mapped_column(default=0)
    run_after: Mapped[datetime] = mapped_column(default=utcnow)
    lease_until: Mapped[datetime | None]
    worker_id: Mapped[str | None] = mapped_column(String(100))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_date: Mapped[datetime] = mapped_column(default=utcnow)
    modified_date: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class User(Base):
    """A person who signs in to the review pages (apart from API clients)."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    #: lower-cased, so sign-in does not depend on how it is typed
    email: Mapped[str] = mapped_column(String(320), unique=True)
    #: argon2id, with its parameters (bot/users.py)
    password_hash: Mapped[str] = mapped_column(String(200))
    is_admin: Mapped[bool] = mapped_column(default=False)
    #: outlet ids this user may see and change; an admin sees all
    outlets: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: raised when the password is reset or the user disabled: older sessions end
    session_version: Mapped[int] = mapped_column(default=1)
    created_date: Mapped[datetime] = mapped_column(default=utcnow)
    disabled_date: Mapped[datetime | None]


class InvoiceChange(Base):
    """One field of an invoice changed by a person or a client: who, when, from what, to what."""

    __tablename__ = "invoice_changes"
    __table_args__ = (Index("ix_invoice_changes_invoice_date", "invoice_id", "created_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    invoice_id: Mapped[str] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"))
    #: "user:<email>" or "client:<client id>"; None when nobody was named (the CLI, tools)
    actor: Mapped[str | None] = mapped_column(String(400))
    field: Mapped[str] = mapped_column(String(50))
    old_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    new_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    created_date: Mapped[datetime] = mapped_column(default=utcnow)


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


#: the tables behind the models, for Core statements on intake's hot path (no ORM objects)
BULK_IMPORTATIONS = _table(BulkImportation)
INVOICES = _table(Invoice)
INVOICE_PURCHASE_ORDERS = _table(InvoicePurchaseOrder)
JOBS = _table(Job)
