"""Plain-Python domain: cases, procedure, rulebooks, judgment. Imports no Qt and no SQLAlchemy."""
