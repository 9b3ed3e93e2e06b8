"""Leads and routing (issue 13): leads, the phone numbers they lock, every routing decision
with its reason; designers get the account they sign in with; the outbox also carries
notices about leads (a lapsed lead told to the store manager).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STATES = "('pooled', 'assigned', 'accepted', 'won', 'lost')"
_SOURCES = "('booking', 'quote_request', 'phone')"


def upgrade() -> None:
    _leads()
    op.create_table(
        "lead_phones",
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("phone", name=op.f("pk_lead_phones")),
    )
    _decisions()
    with op.batch_alter_table("designers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("account_id", sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_designers_account_id"), ["account_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_designers_account_id_accounts"), "accounts", ["account_id"], ["id"]
        )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.alter_column("appointment_id", existing_type=sa.String(length=32), nullable=True)
        batch_op.add_column(sa.Column("lead_id", sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f("ix_outbox_lead_id"), ["lead_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_outbox_lead_id_leads"), "leads", ["lead_id"], ["id"]
        )


def _leads() -> None:
    op.create_table(
        "leads",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("store_id", sa.String(length=32), nullable=True),
        sa.Column("designer_id", sa.String(length=32), nullable=True),
        sa.Column("design_id", sa.String(length=32), nullable=True),
        sa.Column("appointment_id", sa.String(length=32), nullable=True),
        sa.Column("district", sa.String(length=12), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("skill", sa.String(length=16), nullable=True),
        sa.Column("lapsed", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sla_due", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "(state = 'assigned') = (sla_due IS NOT NULL)", name=op.f("ck_leads_due_iff_assigned")
        ),
        sa.CheckConstraint(f"source IN {_SOURCES}", name=op.f("ck_leads_known_source")),
        sa.CheckConstraint(f"state IN {_STATES}", name=op.f("ck_leads_known_state")),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.id"],
            name=op.f("fk_leads_appointment_id_appointments"),
        ),
        sa.ForeignKeyConstraint(
            ["design_id"], ["designs.id"], name=op.f("fk_leads_design_id_designs")
        ),
        sa.ForeignKeyConstraint(
            ["designer_id"], ["designers.id"], name=op.f("fk_leads_designer_id_designers")
        ),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"], name=op.f("fk_leads_store_id_stores")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leads")),
    )
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_leads_designer_id"), ["designer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_leads_phone"), ["phone"], unique=False)
        batch_op.create_index("ix_leads_state_due", ["state", "sla_due"], unique=False)
        batch_op.create_index("ix_leads_store_created", ["store_id", "created_at"], unique=False)


def _decisions() -> None:
    op.create_table(
        "lead_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("store_id", sa.String(length=32), nullable=True),
        sa.Column("designer_id", sa.String(length=32), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["accounts.id"], name=op.f("fk_lead_decisions_actor_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], name=op.f("fk_lead_decisions_lead_id_leads")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lead_decisions")),
    )
    with op.batch_alter_table("lead_decisions", schema=None) as batch_op:
        batch_op.create_index("ix_lead_decisions_lead", ["lead_id", "id"], unique=False)
        batch_op.create_index("ix_lead_decisions_step_at", ["step", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_outbox_lead_id_leads"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_outbox_lead_id"))
        batch_op.drop_column("lead_id")
        batch_op.alter_column("appointment_id", existing_type=sa.String(length=32), nullable=False)
    with op.batch_alter_table("designers", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_designers_account_id_accounts"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("uq_designers_account_id"), type_="unique")
        batch_op.drop_column("account_id")
    op.drop_table("lead_decisions")
    op.drop_table("lead_phones")
    op.drop_table("leads")
