"""Schema migrations on real SQCipher files: an older store opens in this app (after a backup),
a store from a newer app is refused and left untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text

from rongcuo_desktop.store.backup import BACKUPS_DIR_NAME, read_manifest, verify_backup_file
from rongcuo_desktop.store.database import Store, _make_engine
from rongcuo_desktop.store.errors import StoreTooNew
from rongcuo_desktop.store.keys import KeyManager
from rongcuo_desktop.store.layout import db_path
from rongcuo_desktop.store.migrations import HEAD_REVISION, MIGRATIONS_DIR


@pytest.fixture
def key(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    monkeypatch.setattr("rongcuo_desktop.store.keys.KDF_MEMORY_KIB", 8 * 1024)  # KDF not under test
    return KeyManager(data_dir, kdf_target_seconds=0.05).create(
        "迁移测试口令 2026 abc", require_passphrase_each_start=True
    )


def make_store_at(data_dir: Path, key: bytes, revision: str) -> None:
    """A store as an older app left it: schema at `revision`, one case written with that schema's SQL."""
    engine = _make_engine(db_path(data_dir), key, create=True)
    with engine.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        conn.execute(text("INSERT INTO store_meta (key, value) VALUES ('created_by', '0.0.9')"))
        conn.execute(
            text(
                "INSERT INTO cases (id, doc_no, doc_no_key, party_name, party_unit, party_position,"
                " case_type, applicant_type, work_field, stage, stage_rank, applied_on, conclusion,"
                " decided_on, rulebook, created_at, updated_at)"
                " VALUES (1, '容错〔2025〕7号', '容错〔0000002025〕0000000007号',"
                " '谢某某', '某区行政审批局', '科长', 'tolerance', 'party', '行政审批', 'decision', 4,"
                " '2025-03-01', 'exempt', '2025-05-01', 'fuzhou-2019@1', '2025-03-01 08:00:00',"
                " '2025-05-01 08:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO case_texts (case_id, accountability_matter, facts, claimed_situation)"
                " VALUES (1, '审批超时', '容缺受理后补齐材料', '先行先试')"
            )
        )
    engine.dispose()


def test_head_revision_constant_matches_the_scripts() -> None:
    assert ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head() == HEAD_REVISION


def test_store_from_revision_0001_opens_after_a_backup_and_keeps_its_data(data_dir: Path, key: bytes) -> None:
    """Given a store written at revision 0001 (before accounts and the audit trail), when this app
    opens it, then an encrypted backup is made first, the schema is upgraded, the case is intact,
    and the upgrade is the first audit event."""
    make_store_at(data_dir, key, "0001")
    with Store.open(data_dir, key) as store:
        case = store.cases.get(1)
        assert (case.doc_no, case.party_name, case.facts) == (
            "容错〔2025〕7号",
            "谢某某",
            "容缺受理后补齐材料",
        )
        assert case.conclusion is not None and case.conclusion.label == "予以容错免责"
        with store.read_session() as session:
            revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert revision == HEAD_REVISION
        report = store.audit_verify()
        assert report.ok and report.length == 1
        with store.read_session() as session:
            action, summary = session.execute(text("SELECT action, summary FROM audit_events")).one()
        assert action == "migration" and "0001" in summary
        store.cases.add(  # the upgraded store takes new writes (no accounts yet: the setup chair acts)
            type(case)(doc_no="容错〔2026〕1号", party_name="李某某", party_unit="某局", party_position="")
        )
    backups = sorted((data_dir / BACKUPS_DIR_NAME).glob("pre-migration-*.rcbak"))
    assert len(backups) == 1
    manifest = read_manifest(backups[0])
    verify_backup_file(manifest, key)  # authentic and complete
    assert b"\xe8\xb0\xa2\xe6\x9f\x90" not in backups[0].read_bytes()  # "谢某" never in plaintext
    with Store.open(data_dir, key) as again:  # already current: no second backup
        assert again.cases.count() == 2
    assert len(list((data_dir / BACKUPS_DIR_NAME).glob("pre-migration-*.rcbak"))) == 1


def test_a_store_from_0008_gets_its_statistics_kept_from_what_it_holds(data_dir: Path, key: bytes) -> None:
    """Given a store at revision 0008 with a decided case that was accepted 10 days after its
    application and moved on 20 days later, when this app opens it, then the kept statistics hold
    that case's group and its stays (申请 10 days, 受理 20), the same as counting afresh, and a
    case added after the upgrade is counted as it is written."""
    from rongcuo_desktop.store.stats import GROUPS_SQL, KEPT_GROUPS_SQL, KEPT_STAYS_SQL, STAYS_SQL

    make_store_at(data_dir, key, "0008")
    engine = _make_engine(db_path(data_dir), key, create=False)
    with engine.begin() as conn:
        for stage, day in (("accepted", "2025-03-11"), ("investigation", "2025-03-31")):
            conn.execute(
                text(
                    "INSERT INTO case_stage_log (case_id, stage, entered_on, at, by_name, backward, reason)"
                    " VALUES (1, :stage, :day, '', '王主任', 0, '')"
                ),
                {"stage": stage, "day": day},
            )
    engine.dispose()
    with Store.open(data_dir, key) as store:
        with store.read_session() as session:
            conn = session.connection()
            kept = conn.exec_driver_sql(KEPT_GROUPS_SQL).all()
            assert [tuple(r) for r in kept] == [
                ("decision", "exempt", "行政审批", 2025, "tolerance", 1, 1, 61.0)
            ]
            assert sorted(conn.exec_driver_sql(KEPT_STAYS_SQL).all()) == [
                ("accepted", 1, 20.0),
                ("applied", 1, 10.0),
            ]
            assert sorted(conn.exec_driver_sql(STAYS_SQL.format(where="")).all()) == sorted(
                conn.exec_driver_sql(KEPT_STAYS_SQL).all()
            )
            fresh = conn.exec_driver_sql(GROUPS_SQL.format(where="")).all()
            assert [(*r[:1], r[1] or "", *r[2:]) for r in fresh] == [tuple(r) for r in kept]
        store.cases.add(
            type(store.cases.get(1))(
                doc_no="容错〔2026〕1号", party_name="李某", party_unit="某局", party_position=""
            )
        )
        with store.read_session() as session:
            total = session.connection().exec_driver_sql("SELECT sum(cases) FROM case_stats").scalar()
        assert total == 2


def test_store_from_a_newer_app_is_refused_and_untouched(data_dir: Path, key: bytes) -> None:
    make_store_at(data_dir, key, HEAD_REVISION)
    engine = _make_engine(db_path(data_dir), key, create=False)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9001'"))
    engine.dispose()
    before = hashlib.sha256(db_path(data_dir).read_bytes()).hexdigest()
    with pytest.raises(StoreTooNew) as caught:
        Store.open(data_dir, key)
    assert "更新版本的程序" in str(caught.value) and "没有写入" in str(caught.value)
    assert hashlib.sha256(db_path(data_dir).read_bytes()).hexdigest() == before
    assert not (data_dir / BACKUPS_DIR_NAME).exists()
