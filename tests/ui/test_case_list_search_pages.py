"""The case list in the real window, a page at a time: a common search term shows its first page,
its count, and every row of it once scrolled (real SQLCipher store, the store's own paths)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from rongcuo_desktop.domain.demo import synthetic_cases
from rongcuo_desktop.services.cases import CaseQuery
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.ui.cases.table_model import PAGE_SIZE
from rongcuo_desktop.ui.tasks import TaskRunner
from tests.ui.test_main_window import PASSPHRASE, make_window

CASES = 700


@pytest.fixture
def opened(data_dir: Path) -> Iterator[tuple[Store, KeyManager]]:
    keys = KeyManager(data_dir, kdf_target_seconds=0.05)
    store = Store.create(data_dir, keys.create(PASSPHRASE, require_passphrase_each_start=True))
    store.add_cases(synthetic_cases(CASES, seed=5))
    yield store, keys
    store.close()


def test_a_common_term_pages_then_counts_and_scrolls_to_its_last_match(
    qtbot: QtBot,
    runner: TaskRunner,
    opened: tuple[Store, KeyManager],
    data_dir: Path,
) -> None:
    store, keys = opened
    window = make_window(qtbot, runner, store, keys, data_dir)
    cases = window.cases
    qtbot.waitUntil(lambda: "共" in cases.counts_label.text(), timeout=20000)

    # When a term most cases have is typed, then its first page shows and its count, with the page
    # where the store knows it at once (a rare enough term), or after it (rows_counted; the model's
    # tests hold that path).
    word = "某"
    expected = store.cases.ids(CaseQuery(text=word))
    assert PAGE_SIZE < len(expected) < CASES
    cases.search_edit.setText(word)
    qtbot.waitUntil(
        lambda: cases.model.query.text == word and not cases.model.loading and not cases.model.counting,
        timeout=20000,
    )
    assert cases.model.rowCount() == len(expected)
    qtbot.waitUntil(lambda: f"显示 {len(expected)} 件" in cases.counts_label.text(), timeout=20000)
    assert f"共 {CASES} 件" in cases.counts_label.text()

    # When the person scrolls to the end, then the last match is there, in the list's order.
    last = cases.model.index(len(expected) - 1, 0)

    def scrolled_to_last() -> bool:
        """(Again until it holds: the view lays out the counted rows in a later turn of the loop.)"""
        cases.table.scrollTo(last, QAbstractItemView.ScrollHint.PositionAtBottom)
        return cases.model.is_row_fetched(last.row())

    qtbot.waitUntil(scrolled_to_last, timeout=20000)
    shown = [cases.model.case_id(row) for row in range(cases.model.rowCount())]
    assert shown == expected
    assert cases.model.data(last) == store.cases.rows([expected[-1]])[expected[-1]].doc_no
