"""Rounds and the reveal, paper ballots, the meeting's votes and dissent.

Existing cases are in round 1, not revealed (nothing is written for them: the first round is implied
until the chair reveals it). Existing scores were given on members' own accounts (entered_by ""),
existing decisions have no recorded votes (NULL) and no dissent ("").

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "judgment_rounds",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("opened_by", sa.String(40), nullable=False),
        sa.Column("opened_at", sa.String(40), nullable=True),
        sa.Column("revealed_by", sa.String(40), nullable=False),
        sa.Column("revealed_at", sa.String(40), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_judgment_rounds_case_id_cases", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "round", name="pk_judgment_rounds"),
    )
    op.create_table(
        "judgment_round_scores",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("member_key", sa.String(40), nullable=False),
        sa.Column("dimension", sa.String(20), nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("level", sa.SmallInteger(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("entered_by", sa.String(40), nullable=False),
        sa.Column("scored_at", sa.String(40), nullable=False),
        sa.CheckConstraint("level BETWEEN 1 AND 5", name="ck_judgment_round_scores_level_range"),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_judgment_round_scores_case_id_cases", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name="fk_judgment_round_scores_account_id_accounts"
        ),
        sa.PrimaryKeyConstraint(
            "case_id", "round", "member_key", "dimension", name="pk_judgment_round_scores"
        ),
    )
    with op.batch_alter_table("judgment_scores") as batch:
        batch.add_column(sa.Column("entered_by", sa.String(40), nullable=False, server_default=""))
    with op.batch_alter_table("case_decisions") as batch:
        batch.add_column(sa.Column("votes_for", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("votes_against", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("votes_abstain", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("dissent", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("case_decisions") as batch:
        batch.drop_column("dissent")
        batch.drop_column("votes_abstain")
        batch.drop_column("votes_against")
        batch.drop_column("votes_for")
    with op.batch_alter_table("judgment_scores") as batch:
        batch.drop_column("entered_by")
    op.drop_table("judgment_round_scores")
    op.drop_table("judgment_rounds")
