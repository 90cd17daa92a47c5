"""Alembic environment: run only programmatically by rongcuo_desktop.store.database.

The caller passes an open SQLAlchemy connection (already keyed for SQLCipher) in
``config.attributes["connection"]``; there is no URL anywhere, so the key never sits in one.
"""

from __future__ import annotations

from alembic import context

from rongcuo_desktop.store.migrations import include_object
from rongcuo_desktop.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Migrations run through rongcuo_desktop.store.database (a keyed connection).")


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
