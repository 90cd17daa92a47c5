"""`rongcuo report / package / verify / identity / audit verify --against` as a script runs them (real
processes, real SQLCipher stores). Exit 0 only when everything passed, 1 when a verification failed,
2 on bad input; every refusal is a sentence, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from rongcuo_desktop.seal.identity import generate
from tests.cli.test_judgment_commands import as_member, copy_of, pp
from tests.cli.test_store_commands import PASSPHRASE, rongcuo

DECIDED = "容错〔2026〕1号"  # a demo case with a decision (example data)
UNDECIDED = "容错〔2026〕7号"


@pytest.fixture(scope="module")
def secrets_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("secrets")
    (folder / "passphrase.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
    for name, pin in (("chair", "111186"), ("zhang", "333386"), ("li", "555586")):
        (folder / f"{name}.pin").write_text(pin + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, secrets_dir: Path) -> Path:
    """A store with the demo cases, chair 王主任, 秘书 李秘书, 委员 张委员 and a signing identity."""
    store = tmp_path_factory.mktemp("report-store") / "store"
    chair = ["--chair-name", "王主任", "--pin-file", str(secrets_dir / "chair.pin")]
    assert rongcuo(store, "init", *pp(secrets_dir), *chair).returncode == 0
    for name, role, pin in (("张委员", "委员", "zhang"), ("李秘书", "秘书", "li")):
        added = rongcuo(
            store, "account", "add", name, "--role", role, "--new-pin-file", str(secrets_dir / f"{pin}.pin"),
            *pp(secrets_dir),
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
    assert rongcuo(store, "demo", *pp(secrets_dir)).returncode == 0
    made = rongcuo(
        store, "identity", "generate", "--committee", "某区容错免责委员会", "--to", "中共某区纪委监委",
        *pp(secrets_dir),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "根证书 SHA-256 指纹" in made.stdout
    return store


@pytest.fixture
def store(template: Path, tmp_path: Path) -> Path:
    return copy_of(template, tmp_path / "store")


def export_root(store: Path, secrets_dir: Path, out: Path) -> Path:
    done = rongcuo(store, "identity", "export-root", "--out", str(out), *pp(secrets_dir))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    return out


def test_a_secretary_exports_every_kind_and_the_receiver_verifies_it_offline(
    store: Path, secrets_dir: Path, tmp_path: Path
) -> None:
    root = export_root(store, secrets_dir, tmp_path / "root.pem")
    secretary = as_member(secrets_dir, "李秘书", "li")
    for kind in ("备案报告", "认定意见书", "反馈通知书"):
        for public in ([], ["--public"]):
            out = tmp_path / f"{kind}{len(public)}.pdf"
            done = rongcuo(
                store,
                *secretary,
                "report",
                DECIDED,
                "--kind",
                kind,
                *public,
                "--out",
                str(out),
                *pp(secrets_dir),
            )
            assert done.returncode == 0, done.stderr
            assert "已签名封存" in done.stdout and "SHA-256" in done.stdout
            # The receiving side: no store, only the file and the root certificate.
            checked = rongcuo(tmp_path / "nowhere", "verify", str(out), "--trust", str(root))
            assert checked.returncode == 0, checked.stdout + checked.stderr
            assert "结论：通过" in checked.stdout
    log = rongcuo(store, "audit", "log", "--case", DECIDED, *pp(secrets_dir))
    assert log.stdout.count("导出封存的备案报告") >= 6, log.stdout


def test_refusals_and_bad_input_are_sentences_with_the_right_exit_code(
    store: Path, secrets_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.pdf"
    undecided = rongcuo(store, "report", UNDECIDED, "--out", str(out), *pp(secrets_dir))
    assert undecided.returncode == 2 and "尚未记录认定结论" in undecided.stderr and not out.exists()
    member = rongcuo(
        store,
        *as_member(secrets_dir, "张委员", "zhang"),
        "report",
        DECIDED,
        "--out",
        str(out),
        *pp(secrets_dir),
    )
    assert member.returncode == 2 and "无权" in member.stderr and not out.exists()
    member_identity = rongcuo(
        store,
        *as_member(secrets_dir, "李秘书", "li"),
        "identity",
        "generate",
        "--committee",
        "X",
        *pp(secrets_dir),
    )
    assert member_identity.returncode == 2 and "无权" in member_identity.stderr
    missing = rongcuo(store, "verify", str(tmp_path / "none.pdf"))
    assert missing.returncode == 2 and "不存在" in missing.stderr
    text = tmp_path / "note.txt"
    text.write_text("不是 PDF", encoding="utf-8")
    assert rongcuo(store, "verify", str(text)).returncode == 2
    # A folder, and a path through a regular file: the reason in Chinese, not the system's English.
    folder = rongcuo(store, "verify", str(tmp_path))
    assert folder.returncode == 2 and "这是一个文件夹，不是文件" in folder.stderr
    through = rongcuo(store, "verify", str(text / "sealed.pdf"))
    assert through.returncode == 2 and "路径中有一部分不是文件夹" in through.stderr
    assert "Not a directory" not in through.stderr and "Traceback" not in through.stderr
    bad_root = rongcuo(store, "verify", str(text), "--trust", str(text))
    assert bad_root.returncode == 2 and "证书" in bad_root.stderr
    for result in (undecided, member, missing, bad_root):
        assert "Traceback" not in result.stderr + result.stdout


def test_a_damaged_or_foreign_file_fails_verification_with_exit_1(
    store: Path, secrets_dir: Path, tmp_path: Path
) -> None:
    root = export_root(store, secrets_dir, tmp_path / "root.pem")
    good = tmp_path / "good.pdf"
    assert rongcuo(store, "report", DECIDED, "--out", str(good), *pp(secrets_dir)).returncode == 0
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(good.read_bytes()[:-3000])
    other_root = tmp_path / "other.pem"
    other_root.write_bytes(generate("另一个委员会").root_pem())
    for args in (
        [str(truncated), "--trust", str(root)],
        [str(good), "--trust", str(other_root)],
        [str(good)],
    ):
        done = rongcuo(store, "verify", *args)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "结论：未通过" in done.stdout and "[未通过]" in done.stdout
        assert "Traceback" not in done.stdout + done.stderr


def test_a_package_verifies_and_anchors_the_audit_chain(
    store: Path, secrets_dir: Path, tmp_path: Path
) -> None:
    root = export_root(store, secrets_dir, tmp_path / "root.pem")
    older = copy_of(store, tmp_path / "older")  # a copy put aside before the next writes
    assert (
        rongcuo(store, "report", DECIDED, "--out", str(tmp_path / "r.pdf"), *pp(secrets_dir)).returncode == 0
    )
    package = tmp_path / "备案包.zip"
    done = rongcuo(store, "package", DECIDED, "--out", str(package), *pp(secrets_dir))
    assert done.returncode == 0, done.stderr
    checked = rongcuo(store, "verify", str(package), "--trust", str(root))
    assert checked.returncode == 0, checked.stdout
    against = rongcuo(store, "audit", "verify", "--against", str(package), *pp(secrets_dir))
    assert against.returncode == 0, against.stdout + against.stderr
    assert "审计记录仍含备案时的链头" in against.stdout
    # One file taken out of the package: the receiver sees it.
    source = zipfile.ZipFile(package)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            if info.filename != "认定意见书.pdf":
                archive.writestr(info, source.read(info))
    broken = tmp_path / "少一份.zip"
    broken.write_bytes(out.getvalue())
    missing = rongcuo(store, "verify", str(broken), "--trust", str(root))
    assert missing.returncode == 1 and "缺少：认定意见书.pdf" in missing.stdout
    # After filing, the decision is corrected in the store: the package shows it.
    corrected = rongcuo(
        store, "decide", DECIDED, "--conclusion", "从轻减轻处理", "--note", "复核后更正", *pp(secrets_dir)
    )
    assert corrected.returncode == 0, corrected.stderr
    after = rongcuo(store, "audit", "verify", "--against", str(package), *pp(secrets_dir))
    assert after.returncode == 1 and "备案之后本案的研判记录" in after.stdout
    # A store put back to an older copy no longer holds the filed head.
    rolled_back = rongcuo(older, "audit", "verify", "--against", str(package), *pp(secrets_dir))
    assert rolled_back.returncode == 1 and "没有备案时的第" in rolled_back.stdout, rolled_back.stdout
    absent = rongcuo(store, "audit", "verify", "--against", str(tmp_path / "none.zip"), *pp(secrets_dir))
    assert absent.returncode == 2 and "不存在" in absent.stderr


def test_a_pkcs12_from_the_organisations_ca_is_imported_and_used(
    store: Path, secrets_dir: Path, tmp_path: Path
) -> None:
    issued = generate("某区容错免责委员会（单位CA）")
    p12 = tmp_path / "committee.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"seal",
            issued.key,
            issued.certificate,
            list(issued.chain),
            serialization.BestAvailableEncryption(b"pw-1"),
        )
    )
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not-it\n", encoding="utf-8")
    refused = rongcuo(store, "identity", "import", str(p12), "--password-file", str(wrong), *pp(secrets_dir))
    assert refused.returncode == 2 and "密码不正确" in refused.stderr
    right = tmp_path / "right.txt"
    right.write_text("pw-1\n", encoding="utf-8")
    done = rongcuo(store, "identity", "import", str(p12), "--password-file", str(right), *pp(secrets_dir))
    assert done.returncode == 0, done.stderr
    root = export_root(store, secrets_dir, tmp_path / "root.pem")
    assert root.read_bytes() == issued.root_pem()
    out = tmp_path / "r.pdf"
    assert rongcuo(store, "report", DECIDED, "--out", str(out), *pp(secrets_dir)).returncode == 0
    assert rongcuo(store, "verify", str(out), "--trust", str(root)).returncode == 0


def test_the_private_key_is_never_a_plain_file_and_opens_only_with_the_store_key(tmp_path: Path) -> None:
    from rongcuo_desktop.reports.workflow import generate_identity
    from rongcuo_desktop.services import accounts, unlock
    from rongcuo_desktop.store.signing_identity import SigningIdentityRepository, SigningIdentityRow

    data = tmp_path / "data"
    ws, _status = unlock.create(data, PASSPHRASE, require_passphrase_each_start=True, kdf_target_seconds=0.05)
    try:
        chair = accounts.key_holder(ws)
        identity = generate_identity(ws, chair, "某区容错免责委员会")
        secret = identity.key_pkcs8()
        with ws.store.read_session() as session:
            row = session.query(SigningIdentityRow).one()
            assert secret not in row.key_sealed and len(row.key_sealed) == len(secret) + 16
        assert SigningIdentityRepository(ws.store).active().key_pkcs8 == secret
    finally:
        ws.close()
    for path in data.rglob("*"):
        if path.is_file():
            assert secret not in path.read_bytes(), path


def test_an_expired_certificate_is_refused_at_import(store: Path, secrets_dir: Path, tmp_path: Path) -> None:
    import datetime as dt

    old = generate("某区容错免责委员会", retention_years=1, now=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    p12 = tmp_path / "old.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"seal", old.key, old.certificate, list(old.chain), serialization.BestAvailableEncryption(b"pw-1")
        )
    )
    password = tmp_path / "pw.txt"
    password.write_text("pw-1\n", encoding="utf-8")
    done = rongcuo(store, "identity", "import", str(p12), "--password-file", str(password), *pp(secrets_dir))
    assert done.returncode == 2 and "过期" in done.stderr and "Traceback" not in done.stderr


def test_a_stored_certificate_that_does_not_match_the_key_stops_the_export(tmp_path: Path) -> None:
    """A signing-identity row whose certificates were swapped (outside the app) seals nothing."""
    import base64
    import json

    from sqlalchemy import update

    from rongcuo_desktop.reports.model import Kind, ReportError
    from rongcuo_desktop.reports.workflow import generate_identity, seal_case_document
    from rongcuo_desktop.seal.identity import der
    from rongcuo_desktop.services import accounts, cases, unlock
    from rongcuo_desktop.store.signing_identity import SigningIdentityRow

    ws, _status = unlock.create(
        tmp_path / "data", PASSPHRASE, require_passphrase_each_start=True, kdf_target_seconds=0.05
    )
    try:
        chair = accounts.key_holder(ws)
        cases.add_demo_cases(ws, chair)
        generate_identity(ws, chair, "某区容错免责委员会")
        case_id = cases.find(ws, chair, DECIDED)
        assert seal_case_document(ws, chair, case_id, Kind.OPINION).pdf.startswith(b"%PDF-")
        other = generate("某区容错免责委员会")
        swapped = json.dumps([base64.b64encode(der(c)).decode() for c in (other.certificate, *other.chain)])
        with ws.store.write_session() as session:
            session.execute(update(SigningIdentityRow).values(certificates=swapped))
        with pytest.raises(ReportError, match="不匹配"):
            seal_case_document(ws, chair, case_id, Kind.OPINION)
    finally:
        ws.close()
