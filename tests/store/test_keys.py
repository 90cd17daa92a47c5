"""Key management on real files, as this machine has it: no D-Bus session, so no credential store.

Argon2id runs for real. Most tests use a short calibration target (0.05 s) to keep the suite lean;
one test checks the default lands near 0.5 s. The Secret Service path is in test_keys_secret_service.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import time
from pathlib import Path

import pytest

from rongcuo_desktop.store import keys as keys_module
from rongcuo_desktop.store.database import Store
from rongcuo_desktop.store.errors import KeyFileProblem, StoreAlreadyExists, WrongPassphrase
from rongcuo_desktop.store.keys import (
    SECURE_BACKENDS,
    KeyManager,
    PassphraseTooShort,
    calibrate_kdf,
    passphrase_strength,
)
from rongcuo_desktop.store.layout import db_path, key_path
from tests.key_files import rewrite_key_file

PASSPHRASE = "春眠不觉晓 处处闻啼鸟"
FAST = 0.05


def fast_manager(data_dir: Path) -> KeyManager:
    return KeyManager(data_dir, kdf_target_seconds=FAST)


def hashes(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and p.suffix != ".lock"
    }


@pytest.fixture(autouse=True)
def no_dbus_session(monkeypatch: pytest.MonkeyPatch) -> None:
    """This machine as it is: no session bus, so keyring has only the fail backend."""
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)


def test_default_calibration_is_about_half_a_second() -> None:
    params = calibrate_kdf()
    started = time.perf_counter()
    params.derive(PASSPHRASE)
    took = time.perf_counter() - started
    assert params.memory_kib == 128 * 1024
    # Loose bounds: the machine is shared; the figure itself is printed by make bench.
    assert 0.15 < took < 2.5, took


def test_create_and_unlock_with_the_passphrase(data_dir: Path) -> None:
    manager = fast_manager(data_dir)
    key = manager.create(PASSPHRASE)
    assert len(key) == 32
    assert key_path(data_dir).exists()
    # the key file holds no plaintext key and names its KDF parameters beside the ciphertext
    raw = key_path(data_dir).read_bytes()
    assert key not in raw and base64.b64encode(key) not in raw and key.hex().encode() not in raw
    body = json.loads(raw)
    assert body["kdf"]["algorithm"] == "argon2id" and body["kdf"]["time_cost"] >= 1
    assert body["cipher"] == "aes-256-gcm"
    assert KeyManager(data_dir).unlock_with_passphrase(PASSPHRASE) == key
    # the passphrase typed in another Unicode normal form still unlocks (NFC)
    decomposed = "Cafe\u0301 au lait 咖啡"
    other = fast_manager(data_dir.parent / "other")
    other_key = other.create("Caf\u00e9 au lait 咖啡")
    assert other.unlock_with_passphrase(decomposed) == other_key


def test_no_backend_here_means_passphrase_every_time(data_dir: Path) -> None:
    manager = fast_manager(data_dir)
    status = manager.credential_store_status()
    assert not status.usable and status.backend is None
    assert "每次启动都需要输入恢复口令" in status.explanation
    manager.create(PASSPHRASE)
    assert json.loads(key_path(data_dir).read_text())["credential_store"]["backend"] is None
    assert KeyManager(data_dir).key_from_credential_store() is None
    assert KeyManager(data_dir).backend_change_note() is None  # nothing was ever kept: nothing changed


def test_wrong_passphrase_changes_nothing(data_dir: Path) -> None:
    manager = fast_manager(data_dir)
    key = manager.create(PASSPHRASE)
    Store.create(data_dir, key).close()
    before = hashes(data_dir)
    for attempt in ("春眠不觉晓 处处闻啼", "", PASSPHRASE + " "):
        with pytest.raises(WrongPassphrase) as caught:
            KeyManager(data_dir).unlock_with_passphrase(attempt)
        assert "不正确" in str(caught.value)
    assert hashes(data_dir) == before


def test_change_passphrase_rewraps_only(data_dir: Path) -> None:
    manager = fast_manager(data_dir)
    key = manager.create(PASSPHRASE)
    with Store.create(data_dir, key) as store:
        store.add_demo_cases()
    db_before = hashlib.sha256(db_path(data_dir).read_bytes()).hexdigest()
    with pytest.raises(WrongPassphrase):
        manager.change_passphrase("not the passphrase", "new passphrase 2026")
    with pytest.raises(PassphraseTooShort):
        manager.change_passphrase(PASSPHRASE, "short")
    manager.change_passphrase(PASSPHRASE, "new passphrase 2026")
    assert hashlib.sha256(db_path(data_dir).read_bytes()).hexdigest() == db_before
    with pytest.raises(WrongPassphrase):
        KeyManager(data_dir).unlock_with_passphrase(PASSPHRASE)
    same = KeyManager(data_dir).unlock_with_passphrase("new passphrase 2026")
    assert same == key
    with Store.open(data_dir, same) as store:
        assert store.cases.count() >= 6


def test_create_refuses_an_existing_store(data_dir: Path) -> None:
    manager = fast_manager(data_dir)
    manager.create(PASSPHRASE)
    before = hashes(data_dir)
    with pytest.raises(StoreAlreadyExists):
        fast_manager(data_dir).create("another passphrase")
    assert hashes(data_dir) == before
    # a database alone (key file lost) also counts as a store: never create over it
    other = data_dir.parent / "only-db"
    other.mkdir()
    db_path(other).write_bytes(b"x" * 4096)
    with pytest.raises(StoreAlreadyExists):
        fast_manager(other).create(PASSPHRASE)
    assert db_path(other).read_bytes() == b"x" * 4096 and not key_path(other).exists()


def test_short_passphrase_is_refused_before_anything_is_written(data_dir: Path) -> None:
    with pytest.raises(PassphraseTooShort) as caught:
        fast_manager(data_dir).create("1234567")
    assert "至少需要 8 个字符" in str(caught.value)
    assert not data_dir.exists() or not any(data_dir.iterdir())


def test_missing_key_file_is_explained_and_nothing_touched(data_dir: Path) -> None:
    key = fast_manager(data_dir).create(PASSPHRASE)
    Store.create(data_dir, key).close()
    key_path(data_dir).unlink()
    before = hashes(data_dir)
    manager = KeyManager(data_dir)
    assert manager.store_exists()  # the database alone is a store
    assert manager.key_from_credential_store() is None
    with pytest.raises(KeyFileProblem) as caught:
        manager.unlock_with_passphrase(PASSPHRASE)
    assert "找不到密钥文件" in str(caught.value) and "不要新建数据库" in str(caught.value)
    with pytest.raises(KeyFileProblem):
        manager.check_key_file()
    assert hashes(data_dir) == before


@pytest.mark.parametrize(
    "damage",
    ["flip_ciphertext_byte", "truncate", "not_json", "other_format", "edit_flag_without_checksum"],
)
def test_altered_key_file_is_a_key_file_problem_not_a_wrong_passphrase(data_dir: Path, damage: str) -> None:
    fast_manager(data_dir).create(PASSPHRASE)
    path = key_path(data_dir)
    body = json.loads(path.read_text())
    if damage == "flip_ciphertext_byte":
        wrapped = bytearray(base64.b64decode(body["wrapped_key"]))
        wrapped[3] ^= 1
        body["wrapped_key"] = base64.b64encode(bytes(wrapped)).decode()
        path.write_text(json.dumps(body))
    elif damage == "truncate":
        path.write_bytes(path.read_bytes()[:200])
    elif damage == "not_json":
        path.write_bytes(os.urandom(600))
    elif damage == "other_format":
        path.write_text(json.dumps({"format": "something-else"}))
    else:
        body["require_passphrase_each_start"] = True
        path.write_text(json.dumps(body))
    before = hashes(data_dir)
    with pytest.raises(KeyFileProblem) as caught:
        KeyManager(data_dir).unlock_with_passphrase(PASSPHRASE)
    assert "密钥文件" in str(caught.value)
    assert hashes(data_dir) == before


def test_kdf_parameters_out_of_bounds_are_refused_without_running_them(data_dir: Path) -> None:
    """An altered file asking for 1 TiB of memory is refused at once (checksum recomputed)."""
    fast_manager(data_dir).create(PASSPHRASE)
    rewrite_key_file(data_dir, kdf__memory_kib=1 << 30)
    started = time.perf_counter()
    with pytest.raises(KeyFileProblem):
        KeyManager(data_dir).unlock_with_passphrase(PASSPHRASE)
    assert time.perf_counter() - started < 1.0


def test_swapped_store_id_fails_authentication(data_dir: Path) -> None:
    """The store id is the AES-GCM associated data: a key file moved to another store id fails."""
    fast_manager(data_dir).create(PASSPHRASE)
    rewrite_key_file(data_dir, store_id="00000000-0000-4000-8000-000000000000")
    with pytest.raises(WrongPassphrase):
        KeyManager(data_dir).unlock_with_passphrase(PASSPHRASE)


def test_changed_backend_is_explained_not_reported_as_damage(data_dir: Path) -> None:
    """Given a key file saying Secret Service held the key, on a PC with none: a calm note, and the
    passphrase still opens the store."""
    key = fast_manager(data_dir).create(PASSPHRASE)
    rewrite_key_file(data_dir, credential_store__backend="keyring.backends.SecretService.Keyring")
    manager = KeyManager(data_dir)
    assert manager.key_from_credential_store() is None
    note = manager.backend_change_note()
    assert note is not None
    assert "Secret Service" in note and "没有损坏" in note and "恢复口令" in note
    assert manager.unlock_with_passphrase(PASSPHRASE) == key


def test_require_passphrase_flag_round_trips(data_dir: Path) -> None:
    manager = fast_manager(data_dir)
    manager.create(PASSPHRASE, require_passphrase_each_start=True)
    assert KeyManager(data_dir).require_passphrase_each_start
    manager.set_require_passphrase_each_start(False)
    assert not KeyManager(data_dir).require_passphrase_each_start
    manager.set_require_passphrase_each_start(True)
    assert KeyManager(data_dir).require_passphrase_each_start
    assert KeyManager(data_dir).key_from_credential_store() is None


class _PlaintextLikeBackend:
    """Stands in for keyrings.alt's PlaintextKeyring (not installed here): high priority, not secure."""

    priority = 10.0


class _SecretServiceLike:
    priority = 5.0


def test_weak_backends_are_refused_by_class(monkeypatch: pytest.MonkeyPatch) -> None:
    """keyring may be configured to prefer a plaintext file; the key never goes there."""
    import keyring.backend

    weak = type("PlaintextKeyring", (_PlaintextLikeBackend,), {"__module__": "keyrings.alt.file"})()
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [weak])
    backend, refused = keys_module._secure_backend()
    assert backend is None and refused == ["keyrings.alt.file.PlaintextKeyring"]
    status = KeyManager(Path("/nonexistent")).credential_store_status()
    assert not status.usable and "不够安全" in status.explanation

    secure = type("Keyring", (_SecretServiceLike,), {"__module__": "keyring.backends.SecretService"})()
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [weak, secure])
    backend, _ = keys_module._secure_backend()
    assert backend is secure  # chosen by class, despite the weak one's higher priority
    assert "keyring.backends.SecretService.Keyring" in SECURE_BACKENDS


def test_passphrase_strength_guides() -> None:
    scores = [
        passphrase_strength(p)[0] for p in ("", "abc", "password1", "Tr0ub4dor&3x", "春眠不觉晓 处处闻啼鸟")
    ]
    assert scores[0] == 0 and scores[1] == 0
    assert scores[2] <= 1
    assert scores[-1] >= 3
    assert all(
        isinstance(passphrase_strength(p)[1], str) and passphrase_strength(p)[1] for p in ("", "x" * 20)
    )
    assert passphrase_strength("aaaaaaaaaaaaaaaa")[0] <= 1


def test_a_save_during_a_passphrase_change_loses_neither(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given the app changes the passphrase on one thread (about a second of key derivation) while the
    database thread moves the audit anchor after a save, then both land in the key file: the new
    passphrase unlocks and the anchor is the one written meanwhile (the change used to write back the
    record it read before, moving the anchor back, or the anchor write undid the new passphrase)."""
    import threading

    manager = fast_manager(data_dir)
    key = manager.create(PASSPHRASE)
    manager.write_audit_anchor({"length": 3, "head": "a" * 64, "mac": "b" * 64})
    deriving = threading.Event()
    real_wrap = keys_module._wrap

    def slow_wrap(*args: object) -> tuple[bytes, bytes]:
        deriving.set()
        time.sleep(0.4)  # the anchor moves while the new passphrase is being derived
        return real_wrap(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(keys_module, "_wrap", slow_wrap)
    changer = threading.Thread(
        target=manager.change_passphrase, args=(PASSPHRASE, "新的口令 also long enough")
    )
    changer.start()
    assert deriving.wait(10)
    KeyManager(data_dir).write_audit_anchor({"length": 4, "head": "c" * 64, "mac": "d" * 64})
    changer.join(20)
    assert not changer.is_alive()
    assert KeyManager(data_dir).read_audit_anchor() == {"length": 4, "head": "c" * 64, "mac": "d" * 64}
    assert KeyManager(data_dir).unlock_with_passphrase("新的口令 also long enough") == key
    with pytest.raises(WrongPassphrase):
        KeyManager(data_dir).unlock_with_passphrase(PASSPHRASE)
