"""The case list filtered by 领域 or by 结论, in its usual order (申请日期), read by an index walk.

Why: the stage filter had its (stage, applied_on, id) index since 0001, the year filter is a range
of the order's own index, but a 领域 or 结论 filter found its cases by (work_field, id) or
(conclusion, id) and then sorted every one of them: at 1,000,000 cases (125,000 to 545,000 per
choice) each keystroke of a search under such a filter waited ~0.6 s for that sort before testing
a single case's text. With these two indexes the first page is a walk that stops when it is full
(~5 ms). Building them takes ~5 s at 1,000,000 cases.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

INDEXES = (("work_field", "applied_on", "id"), ("conclusion", "applied_on", "id"))


def upgrade() -> None:
    for columns in INDEXES:
        op.create_index("ix_cases_" + "_".join(columns), "cases", list(columns))


def downgrade() -> None:
    for columns in INDEXES:
        op.drop_index("ix_cases_" + "_".join(columns), table_name="cases")
