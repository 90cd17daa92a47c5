"""services.unlock: the one place that decides credential store or passphrase, with typed failures.

Real SQLCipher files; the key file asks for the passphrase at each start, so no credential store is
asked (the credential-store path is covered by the keyring start-up tests in a private D-Bus)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rongcuo_desktop.services import accounts, cases, unlock
from rongcuo_desktop.services.errors import (
    ServiceError,
    StoreAlreadyExists,
    StoreInUse,
    StoreNotFound,
    WrongPassphrase,
)
from tests.services.conftest import PASSPHRASE, make_store


def test_a_missing_store_is_said_and_nothing_is_created(tmp_path: Path) -> None:
    """Given an empty folder, when it is unlocked, then StoreNotFound names it and no file appears."""
    folder = tmp_path / "empty"
    folder.mkdir()
    for attempt in (
        lambda: unlock.probe(folder),
        lambda: unlock.unlock_key(folder, lambda: PASSPHRASE),
        lambda: unlock.unlock_and_open(folder, lambda: PASSPHRASE),
    ):
        with pytest.raises(StoreNotFound, match="没有数据库"):
            attempt()
    assert list(folder.iterdir()) == []
    assert not unlock.store_exists(folder)


def test_the_passphrase_is_asked_only_when_needed_and_a_wrong_one_changes_nothing(data_dir: Path) -> None:
    make_store(data_dir).close()
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    probed = unlock.probe(data_dir)
    assert probed.key is None and probed.require_passphrase_each_start
    with pytest.raises(WrongPassphrase):
        unlock.key_from_passphrase(data_dir, "not the passphrase")
    with pytest.raises(WrongPassphrase):
        unlock.unlock_and_open(data_dir, lambda: "not the passphrase")
    after = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    assert after == before
    asked: list[str] = []

    def passphrase() -> str:
        asked.append("asked")
        return PASSPHRASE

    ws = unlock.unlock_and_open(data_dir, passphrase)
    try:
        assert asked == ["asked"] and ws.is_open and not ws.has_accounts
    finally:
        unlock.lock(ws)
    assert not ws.is_open


def test_open_reports_a_store_in_use_before_any_passphrase_is_typed(data_dir: Path) -> None:
    ws = make_store(data_dir)
    try:
        with pytest.raises(StoreInUse, match="正被"):
            unlock.probe(data_dir)
        key = unlock.key_from_passphrase(data_dir, PASSPHRASE)
        with pytest.raises(StoreInUse):
            unlock.open_store(data_dir, key)
    finally:
        ws.close()


def test_create_refuses_over_an_existing_store(data_dir: Path) -> None:
    make_store(data_dir).close()
    with pytest.raises(StoreAlreadyExists):
        make_store(data_dir)
    assert issubclass(StoreAlreadyExists, ServiceError)


def test_failed_unlocks_are_recorded_once_the_store_opens(data_dir: Path) -> None:
    make_store(data_dir).close()
    key = unlock.key_from_passphrase(data_dir, PASSPHRASE)
    ws = unlock.open_store(data_dir, key, failed_unlocks=2)
    try:
        chair = accounts.key_holder(ws)
        lines = [line.summary for line in ws.store.audit_log(by=chair)]
        assert "恢复口令错误 2 次" in lines
    finally:
        ws.close()


def test_the_first_look_path_imports_no_sqlalchemy(data_dir: Path) -> None:
    """Given a store, when the start-up's first look runs through services, then neither SQLAlchemy
    nor the store's ORM modules were imported (the list paints before they load)."""
    ws = make_store(data_dir)
    cases.add_demo_cases(ws, accounts.key_holder(ws))
    ws.close()
    script = f"""
import sys
from pathlib import Path
from rongcuo_desktop.services import cases, errors, unlock
data_dir = Path({str(data_dir)!r})
key = unlock.key_from_passphrase(data_dir, {PASSPHRASE!r})
look = unlock.first_look(data_dir, key, cases.CaseQuery(), 50)
assert look is not None and look.total > 0 and len(look.rows) == len(look.ids)
look.lock.release()
loaded = sorted(name for name in sys.modules if name.startswith(("sqlalchemy", "alembic")))
print(",".join(loaded) or "none")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "none", done.stdout + done.stderr
