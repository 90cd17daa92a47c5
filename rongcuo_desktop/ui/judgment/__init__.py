"""Scoring, the judgment panel and the decision dialog (the 研判 feature)."""
