"""Sealing and verifying reports (pyHanko). Never imports PySide6."""
