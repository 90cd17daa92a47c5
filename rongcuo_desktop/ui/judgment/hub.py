"""Where a judgment write is announced: every open panel and hearing of that case reads it again.

Ballots arrive from the dialogs of this app (a member at the secretary's PC, a paper ballot, a
member's own session after 切换使用人); each dialog says `changed(case_id)` once its write is done,
and the judgment panels and the hearing console of that case refresh themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class JudgmentHub(QObject):
    changed = Signal(int)  # a case's judgment record was written (ballot, reveal, round, decision)
