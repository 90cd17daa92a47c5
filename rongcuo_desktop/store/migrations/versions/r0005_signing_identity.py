"""The committee's signing identity for sealed reports: certificates and the encrypted private key.

The private key never leaves the store as a file: it is kept here, sealed with AES-256-GCM under a
key derived from the store's own key (store/signing_identity.py), inside the SQLCipher database.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signing_identities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("committee", sa.String(64), nullable=False),
        sa.Column("addressee", sa.String(200), nullable=False),
        sa.Column("retention_years", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("fingerprint", sa.String(95), nullable=False),
        sa.Column("root_fingerprint", sa.String(95), nullable=False),
        sa.Column("certificates", sa.Text(), nullable=False),
        sa.Column("key_nonce", sa.LargeBinary(), nullable=False),
        sa.Column("key_sealed", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_signing_identities"),
    )


def downgrade() -> None:
    op.drop_table("signing_identities")
