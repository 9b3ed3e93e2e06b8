"""Store visits (issue 13): the stores' calendars, designers, appointments, idempotency keys
and the notifications outbox.

No two booked appointments of one designer overlap in their blocked time, enforced by the
database: on PostgreSQL an exclusion constraint (``btree_gist``, a trusted extension since
PostgreSQL 13), on SQLite triggers (SQLite writes one transaction at a time, so a trigger's
check cannot race).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OVERLAP = """
    SELECT 1 FROM appointments AS other
    WHERE other.designer_id = NEW.designer_id AND other.state = 'booked'
      AND other.id != NEW.id
      AND other.blocked_start < NEW.blocked_end AND NEW.blocked_start < other.blocked_end
"""


def upgrade() -> None:
    with op.batch_alter_table("stores", schema=None) as batch_op:
        batch_op.add_column(sa.Column("calendar", sa.JSON(), nullable=True))
    op.create_table(
        "designers",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("store_id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.id"], name=op.f("fk_designers_store_id_stores")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_designers")),
    )
    with op.batch_alter_table("designers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_designers_store_id"), ["store_id"], unique=False)
    _appointments()
    op.create_table(
        "idempotency_keys",
        sa.Column("caller", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("body_hash", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("answer", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("caller", "key", name=op.f("pk_idempotency_keys")),
    )
    with op.batch_alter_table("idempotency_keys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_idempotency_keys_created_at"), ["created_at"], unique=False
        )
    _outbox()
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public")
        op.execute(
            "ALTER TABLE appointments ADD CONSTRAINT ex_appointments_designer_blocked "
            "EXCLUDE USING gist (designer_id WITH =, "
            "tstzrange(blocked_start, blocked_end, '[)') WITH &&) WHERE (state = 'booked')"
        )
    else:
        for event in ("INSERT", "UPDATE"):
            op.execute(
                f"CREATE TRIGGER appointments_no_overlap_{event.lower()} "
                f"BEFORE {event} ON appointments "
                f"WHEN NEW.state = 'booked' AND EXISTS ({_OVERLAP}) "
                "BEGIN SELECT RAISE(ABORT, 'appointments overlap: slot_taken'); END"
            )


def _appointments() -> None:
    op.create_table(
        "appointments",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("store_id", sa.String(length=32), nullable=False),
        sa.Column("designer_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("end_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("blocked_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("blocked_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("customer_name", sa.String(length=100), nullable=False),
        sa.Column("customer_phone", sa.String(length=20), nullable=False),
        sa.Column("customer_email", sa.String(length=254), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("design_id", sa.String(length=32), nullable=True),
        sa.Column("design_revision", sa.Integer(), nullable=True),
        sa.Column("booked_by", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "blocked_start <= start_at AND end_at <= blocked_end",
            name=op.f("ck_appointments_blocks"),
        ),
        sa.CheckConstraint(
            "kind IN ('store_visit', 'measurement')", name=op.f("ck_appointments_known_kind")
        ),
        sa.CheckConstraint(
            "state IN ('booked', 'cancelled')", name=op.f("ck_appointments_known_state")
        ),
        sa.CheckConstraint("start_at < end_at", name=op.f("ck_appointments_starts_before_end")),
        sa.ForeignKeyConstraint(
            ["booked_by"], ["accounts.id"], name=op.f("fk_appointments_booked_by_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["design_id"], ["designs.id"], name=op.f("fk_appointments_design_id_designs")
        ),
        sa.ForeignKeyConstraint(
            ["designer_id"], ["designers.id"], name=op.f("fk_appointments_designer_id_designers")
        ),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.id"], name=op.f("fk_appointments_store_id_stores")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_appointments_token_hash")),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appointments_booked_by"), ["booked_by"], unique=False)
        batch_op.create_index(
            "ix_appointments_designer_blocked", ["designer_id", "blocked_start"], unique=False
        )
        batch_op.create_index("ix_appointments_store_start", ["store_id", "start_at"], unique=False)


def _outbox() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("appointment_id", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("message", sa.JSON(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=500), nullable=False),
        sa.CheckConstraint(
            "state IN ('pending', 'sending', 'sent', 'dropped')",
            name=op.f("ck_outbox_known_state"),
        ),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.id"],
            name=op.f("fk_outbox_appointment_id_appointments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outbox_appointment_id"), ["appointment_id"], unique=False
        )
        batch_op.create_index("ix_outbox_state_due", ["state", "due_at"], unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for event in ("insert", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS appointments_no_overlap_{event}")
    op.drop_table("outbox")
    op.drop_table("idempotency_keys")
    op.drop_table("appointments")
    op.drop_table("designers")
    with op.batch_alter_table("stores", schema=None) as batch_op:
        batch_op.drop_column("calendar")
