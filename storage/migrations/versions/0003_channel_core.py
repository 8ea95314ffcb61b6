"""channel core: durable batch-done replies, idempotent sources

Bulk importations learn who sent them, how to answer them (``reply_to``) and where their reply
stands (``reply_*``); ``done_notified_date`` becomes ``done_date``, set in the transaction that
finishes the last invoice. ``(channel, reference)`` is unique, so the same email or Slack message
makes one batch. Jobs may belong to a bulk importation instead of an invoice (``batch_done``),
and carry an optional unique ``key`` so a batch gets one reply job however many workers race.

Existing batches: HTTP and CLI batches need no reply; those already notified keep their date.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 03:10:06.959506
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("bulk_importations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sender", sa.String(length=320), nullable=True))
        batch_op.add_column(sa.Column("reply_to", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(
            sa.Column("done_date", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column(
                "reply_status", sa.String(length=20), nullable=False, server_default="pending"
            )
        )
        batch_op.add_column(
            sa.Column("reply_attempts", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("reply_error", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("reply_sent_date", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("reply_state", sa.JSON(), nullable=False, server_default="{}")
        )
        batch_op.alter_column(
            "reference",
            existing_type=sa.TEXT(),
            type_=sa.String(length=500),
            existing_nullable=True,
        )
        batch_op.create_index(
            "ix_bulk_importations_outlet_created", ["outlet_id", "created_date"], unique=False
        )
        batch_op.create_unique_constraint(
            "uq_bulk_importations_channel_reference", ["channel", "reference"]
        )

    op.execute("UPDATE bulk_importations SET done_date = done_notified_date")
    op.execute(
        "UPDATE bulk_importations SET reply_status = 'not_needed' WHERE channel IN ('api', 'cli')"
    )
    op.execute(
        "UPDATE bulk_importations SET reply_status = 'sent', reply_sent_date = done_notified_date"
        " WHERE channel NOT IN ('api', 'cli') AND done_notified_date IS NOT NULL"
    )
    with op.batch_alter_table("bulk_importations", schema=None) as batch_op:
        batch_op.drop_column("done_notified_date")

    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bulk_importation_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("key", sa.String(length=100), nullable=True))
        batch_op.alter_column("invoice_id", existing_type=sa.VARCHAR(length=36), nullable=True)
        batch_op.create_index(
            batch_op.f("ix_jobs_bulk_importation_id"), ["bulk_importation_id"], unique=False
        )
        batch_op.create_unique_constraint(batch_op.f("uq_jobs_key"), ["key"])
        batch_op.create_foreign_key(
            batch_op.f("fk_jobs_bulk_importation_id_bulk_importations"),
            "bulk_importations",
            ["bulk_importation_id"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade() -> None:
    op.execute("DELETE FROM jobs WHERE invoice_id IS NULL")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_jobs_bulk_importation_id_bulk_importations"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("uq_jobs_key"), type_="unique")
        batch_op.drop_index(batch_op.f("ix_jobs_bulk_importation_id"))
        batch_op.alter_column("invoice_id", existing_type=sa.VARCHAR(length=36), nullable=False)
        batch_op.drop_column("key")
        batch_op.drop_column("bulk_importation_id")

    with op.batch_alter_table("bulk_importations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("done_notified_date", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
    op.execute("UPDATE bulk_importations SET done_notified_date = done_date")
    with op.batch_alter_table("bulk_importations", schema=None) as batch_op:
        batch_op.drop_constraint("uq_bulk_importations_channel_reference", type_="unique")
        batch_op.drop_index("ix_bulk_importations_outlet_created")
        batch_op.alter_column(
            "reference",
            existing_type=sa.String(length=500),
            type_=sa.TEXT(),
            existing_nullable=True,
        )
        for column in (
            "reply_state",
            "reply_sent_date",
            "reply_error",
            "reply_attempts",
            "reply_status",
            "done_date",
            "reply_to",
            "sender",
        ):
            batch_op.drop_column(column)
