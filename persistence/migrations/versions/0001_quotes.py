"""Quotes, numbered per year from a counter row.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "quote_counters",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.CheckConstraint("last >= 0", name=op.f("ck_quote_counters_last_not_negative")),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_quote_counters")),
    )
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("design_name", sa.String(), nullable=False),
        sa.Column("catalog_version", sa.String(), nullable=False),
        sa.Column("price_list_version", sa.String(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.CheckConstraint("sequence > 0", name=op.f("ck_quotes_sequence_positive")),
        sa.ForeignKeyConstraint(
            ["year"], ["quote_counters.year"], name=op.f("fk_quotes_year_quote_counters")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
        sa.UniqueConstraint("number", name=op.f("uq_quotes_number")),
        sa.UniqueConstraint("year", "sequence", name=op.f("uq_quotes_year_sequence")),
    )
    op.create_index(op.f("ix_quotes_issued_at"), "quotes", ["issued_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_quotes_issued_at"), table_name="quotes")
    op.drop_table("quotes")
    op.drop_table("quote_counters")
