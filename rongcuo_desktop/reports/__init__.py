"""PDF reports (reportlab). Never imports PySide6."""
