"""users of the review pages, and the history of changes to invoices

``users`` are people who sign in to /review/ (argon2 password hashes, the outlets they may see,
an admin flag, a session version that ends older sessions). ``invoice_changes`` keeps every field
a person or a client changed: who, when, from what, to what.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 03:27:53.347324
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("outlets", sa.JSON(), nullable=False),
        sa.Column("session_version", sa.Integer(), nullable=False),
        sa.Column("created_date", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("disabled_date", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_table(
        "invoice_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("invoice_id", sa.String(length=36), nullable=False),
        sa.Column("actor", sa.String(length=400), nullable=True),
        sa.Column("field", sa.String(length=50), nullable=False),
        sa.Column("old_value", sa.JSON(), nullable=True),
        sa.Column("new_value", sa.JSON(), nullable=True),
        sa.Column("created_date", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoices.id"],
            name=op.f("fk_invoice_changes_invoice_id_invoices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_changes")),
    )
    with op.batch_alter_table("invoice_changes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_invoice_changes_invoice_date", ["invoice_id", "created_date"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("invoice_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_invoice_changes_invoice_date")

    op.drop_table("invoice_changes")
    op.drop_table("users")
