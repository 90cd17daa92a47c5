"""The case file's records: the procedure's steps, the stage log, committee seats and member profiles,
and unsaved drafts (store/casework_models.py).

Existing cases get an empty file; their stage stays as it was (the stage log starts with the next
move; the flowchart dates earlier steps from the application and the decision).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("updated_by", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_case_records_case_id_cases", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_case_records"),
        sa.UniqueConstraint("case_id", "kind", "seq", name="uq_case_records_case_id_kind_seq"),
    )
    op.create_index("ix_case_records_kind_case_id", "case_records", ["kind", "case_id"])
    op.create_table(
        "case_stage_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("entered_on", sa.Date(), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("by_name", sa.String(40), nullable=False),
        sa.Column("backward", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_case_stage_log_case_id_cases", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_case_stage_log"),
    )
    op.create_index("ix_case_stage_log_case_id_id", "case_stage_log", ["case_id", "id"])
    op.create_table(
        "case_seats",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_case_seats_case_id_cases", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], name="fk_case_seats_account_id_accounts"),
        sa.PrimaryKeyConstraint("case_id", "account_id", name="pk_case_seats"),
    )
    op.create_table(
        "member_profiles",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("fixed", sa.Boolean(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name="fk_member_profiles_account_id_accounts"
        ),
        sa.PrimaryKeyConstraint("account_id", name="pk_member_profiles"),
    )
    op.create_table(
        "case_drafts",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("case_key", sa.String(20), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("account_id", "case_key", "field", name="pk_case_drafts"),
    )


def downgrade() -> None:
    op.drop_table("case_drafts")
    op.drop_table("member_profiles")
    op.drop_table("case_seats")
    op.drop_index("ix_case_stage_log_case_id_id", table_name="case_stage_log")
    op.drop_table("case_stage_log")
    op.drop_index("ix_case_records_kind_case_id", table_name="case_records")
    op.drop_table("case_records")
