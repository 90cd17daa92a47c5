"""The encrypted store: SQLAlchemy over SQLCipher, keys, audit, backup. Never imports PySide6."""
