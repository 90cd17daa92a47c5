"""A case's judgment record: checklist, members' scores and recusals, the chair's decision.

Existing cases get an empty record (no checklist lines, no members, no decision). A conclusion an
older version saved on the case itself stays in cases.conclusion; it has no decision row (who
recorded it is in the audit trail, not here).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_checklist_items",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("rule_id", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_case_checklist_items_case_id_cases", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "kind", "rule_id", name="pk_case_checklist_items"),
    )
    op.create_table(
        "judgment_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("member_key", sa.String(40), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("member_role", sa.String(16), nullable=False),
        sa.Column("recused", sa.Boolean(), nullable=False),
        sa.Column("recusal_reason", sa.Text(), nullable=False),
        sa.Column("recused_at", sa.String(40), nullable=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_judgment_members_case_id_cases", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name="fk_judgment_members_account_id_accounts"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_judgment_members"),
        sa.UniqueConstraint("case_id", "member_key", name="uq_judgment_members_case_id_member_key"),
        sa.UniqueConstraint("case_id", "account_id", name="uq_judgment_members_case_id_account_id"),
    )
    op.create_index("ix_judgment_members_case_id", "judgment_members", ["case_id"])
    op.create_table(
        "judgment_scores",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("dimension", sa.String(20), nullable=False),
        sa.Column("level", sa.SmallInteger(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("scored_at", sa.String(40), nullable=False),
        sa.CheckConstraint("level BETWEEN 1 AND 5", name="ck_judgment_scores_level_range"),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["judgment_members.id"],
            name="fk_judgment_scores_member_id_judgment_members",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("member_id", "dimension", name="pk_judgment_scores"),
    )
    op.create_table(
        "case_decisions",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("conclusion", sa.String(20), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("rulebook", sa.String(100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(40), nullable=False),
        sa.Column("recorded_by_account_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.String(40), nullable=True),
        sa.Column("recommendation", sa.String(20), nullable=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_case_decisions_case_id_cases", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_account_id"],
            ["accounts.id"],
            name="fk_case_decisions_recorded_by_account_id_accounts",
        ),
        sa.PrimaryKeyConstraint("case_id", name="pk_case_decisions"),
    )


def downgrade() -> None:
    op.drop_table("case_decisions")
    op.drop_table("judgment_scores")
    op.drop_index("ix_judgment_members_case_id", table_name="judgment_members")
    op.drop_table("judgment_members")
    op.drop_table("case_checklist_items")
