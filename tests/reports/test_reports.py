"""Sealed documents from plain data: layout to GB/T 9704, PAdES seal, verification, the 备案包.

Real PDFs checked by pyHanko and by poppler (pdfsig, pdffonts, pdfinfo, pdftotext, pdftoppm);
margins and lines are measured on the rendered page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from rongcuo_desktop.domain.case import Conclusion
from rongcuo_desktop.domain.case_file import CaseFile, dumps_case_file, load_case_file
from rongcuo_desktop.domain.judgment import judge
from rongcuo_desktop.domain.rulebook import find_rulebook
from rongcuo_desktop.paths import rulebooks_dir
from rongcuo_desktop.reports import layout as L
from rongcuo_desktop.reports.export import SealedDocument, seal_document
from rongcuo_desktop.reports.fonts import faces, stand_in_note
from rongcuo_desktop.reports.model import Kind, ReportData, ReportError, Votes, build_document
from rongcuo_desktop.reports.package import PackageContent, PackageError, verify_package, write_package
from rongcuo_desktop.seal.identity import IdentityError, SigningIdentity, generate
from rongcuo_desktop.seal.pades import PadesSealer
from rongcuo_desktop.seal.verify import first_revision, verify_pdf
from tests.conftest import REPO_ROOT

DIMENSIONS = ("动机态度", "客观条件", "程序方法", "性质程度", "后果影响")
COMMITTEE = "某区容错免责委员会"
needs_poppler = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdfsig", "pdffonts", "pdfinfo", "pdftotext", "pdftoppm")),
    reason="poppler-utils is installed by `make sysdeps`",
)


def decided_case(party: str = "谢明华", member_names: tuple[str, ...] = ()) -> CaseFile:
    case_file = load_case_file(REPO_ROOT / "docs" / "examples" / "tolerance-fuzhou.json")
    case = dataclasses.replace(
        case_file.case,
        party_name=party,
        conclusion=Conclusion.EXEMPT,
        decided_on=dt.date(2026, 3, 20),
        facts=case_file.case.facts + f"{party}事后主动说明情况。",
    )
    members = case_file.members
    if member_names:
        members = (
            tuple(dataclasses.replace(m, name=name) for m, name in zip(members, member_names, strict=False))
            + members[len(member_names) :]
        )
    return dataclasses.replace(case_file, case=case, members=members)


def report_data(case_file: CaseFile | None = None, **extra: object) -> ReportData:
    case_file = case_file or decided_case()
    rulebook = find_rulebook(case_file.case.rulebook, rulebooks_dir())
    values: dict[str, object] = {
        "committee": COMMITTEE,
        "addressee": "中共某区纪委监委",
        "issued_on": dt.date(2026, 3, 25),
        "votes": Votes(6, 0, 1),
        "font_note": stand_in_note(faces()),
    }
    values.update(extra)
    return ReportData(case_file, rulebook, judge(case_file, rulebook), **values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def identity() -> SigningIdentity:
    return generate(COMMITTEE, retention_years=30)


@pytest.fixture(scope="module")
def sealer(identity: SigningIdentity) -> PadesSealer:
    return PadesSealer(identity)


@pytest.fixture(scope="module")
def sealed(sealer: PadesSealer) -> SealedDocument:
    return seal_document(build_document(report_data(), Kind.FILING), sealer)


@pytest.fixture
def pdf_file(tmp_path: Path, sealed: SealedDocument) -> Path:
    path = tmp_path / "备案报告.pdf"
    path.write_bytes(sealed.pdf)
    return path


def run(*command: object) -> str:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, timeout=120).stdout


# ----- the seal ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(Kind))
@pytest.mark.parametrize("public", [False, True])
def test_every_document_is_sealed_and_verifies_with_pyhanko(
    sealer: PadesSealer, identity: SigningIdentity, kind: Kind, public: bool
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import MDPPerm
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import ModificationLevel, SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    from rongcuo_desktop.seal.verify import _context

    pdf = seal_document(build_document(report_data(), kind, public=public), sealer).pdf
    signature = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    status = validate_pdf_signature(signature, _context([identity.root]))
    assert isinstance(_context([identity.root]), ValidationContext)
    assert status.intact and status.valid and status.trusted
    assert status.coverage is SignatureCoverageLevel.ENTIRE_FILE
    assert status.modification_level is ModificationLevel.NONE
    assert signature.docmdp_level is MDPPerm.NO_CHANGES
    assert status.md_algorithm == "sha256"
    verdict = verify_pdf(pdf, [identity.root])
    assert verdict.ok, verdict.failures


def test_one_changed_byte_inside_the_signed_range_is_rejected(
    sealed: SealedDocument, identity: SigningIdentity
) -> None:
    pdf = sealed.pdf
    at = pdf.index(b"/Title") + 10  # in the document information, well inside the first signed range
    changed = pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1 :]
    verdict = verify_pdf(changed, [identity.root])
    assert not verdict.ok
    assert "签名完好" in [c.name for c in verdict.failures]


@pytest.mark.parametrize("keep", [0.5, 0.99])
def test_a_truncated_file_is_rejected(sealed: SealedDocument, identity: SigningIdentity, keep: float) -> None:
    verdict = verify_pdf(sealed.pdf[: int(len(sealed.pdf) * keep)], [identity.root])
    assert not verdict.ok and verdict.failures


def append_annotation(pdf: bytes) -> bytes:
    """An incremental update after signing: a text annotation on page 1 (what a PDF editor does)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page_ref = writer.find_page_for_modification(0)[0]
    annot = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Annot"),
            generic.NameObject("/Subtype"): generic.NameObject("/Text"),
            generic.NameObject("/Rect"): generic.ArrayObject(
                [generic.FloatObject(v) for v in (100, 100, 120, 120)]
            ),
            generic.NameObject("/Contents"): generic.TextStringObject("结论已改为不予容错"),
        }
    )
    writer.register_annotation(page_ref, writer.add_object(annot))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_appended_annotation_is_rejected_although_the_signature_itself_is_intact(
    sealed: SealedDocument, identity: SigningIdentity, tmp_path: Path
) -> None:
    changed = append_annotation(sealed.pdf)
    assert changed.startswith(sealed.pdf) and len(changed) > len(sealed.pdf)
    verdict = verify_pdf(changed, [identity.root])
    assert not verdict.ok
    failed = [c.name for c in verdict.failures]
    assert "签名覆盖整个文件" in failed and "认证签名（不允许任何修改）" in failed  # both say it changed
    if shutil.which("pdfsig"):
        path = tmp_path / "annotated.pdf"
        path.write_bytes(changed)
        said = run("pdfsig", path)
        # poppler still calls it valid: the reason our own check exists.
        assert "Signature is Valid" in said and "Total document signed" not in said


def test_an_untrusted_key_an_unsigned_pdf_and_a_foreign_file_are_rejected(
    sealed: SealedDocument, identity: SigningIdentity
) -> None:
    other = generate("另一个委员会")
    untrusted = verify_pdf(sealed.pdf, [other.root])
    assert [c.name for c in untrusted.failures] == ["证书链到受信任的根证书"]
    unsigned = verify_pdf(first_revision(sealed.pdf), [identity.root])
    assert [c.name for c in unsigned.failures] == ["签名"]
    assert not verify_pdf(b"GIF89a not a pdf", [identity.root]).ok
    # A file signed by another tool: an approval signature, no document digest of ours in it.
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    out = io.BytesIO()
    signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(first_revision(sealed.pdf))),
        signers.PdfSignatureMetadata(field_name="Other", md_algorithm="sha256"),
        signer=PadesSealer(other)._signer,
        output=out,
    )
    failed = [c.name for c in verify_pdf(out.getvalue(), [other.root]).failures]
    assert "签名块中的原文摘要" in failed and "认证签名（不允许任何修改）" in failed


def test_the_qr_payload_and_reason_carry_the_unsigned_documents_hash(sealed: SealedDocument) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    digest = hashlib.sha256(first_revision(sealed.pdf)).hexdigest()
    signature = PdfFileReader(io.BytesIO(sealed.pdf)).embedded_signatures[0]
    assert f"原文SHA-256:{digest}" in str(signature.sig_object["/Reason"])


@pytest.mark.skipif(
    not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="zbar-tools not installed"
)
def test_the_printed_qr_code_reads_back_the_doc_no_and_the_hash(
    pdf_file: Path, sealed: SealedDocument
) -> None:
    stem = pdf_file.parent / "last"
    page = str(sealed.pages)
    subprocess.run(
        ["pdftoppm", "-r", "300", "-f", page, "-l", page, "-png", "-singlefile", pdf_file, stem], check=True
    )
    read = run("zbarimg", "-q", "--raw", f"{stem}.png")
    digest = hashlib.sha256(first_revision(sealed.pdf)).hexdigest()
    assert read.strip() == f"文号:容错〔2026〕3号\nSHA-256:{digest}"


def test_an_expired_identity_or_a_mismatched_key_refuses_to_seal() -> None:
    old = generate(COMMITTEE, retention_years=1, now=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    with pytest.raises(IdentityError, match="过期"):
        PadesSealer(old)
    good = generate(COMMITTEE)
    mismatched = SigningIdentity(generate(COMMITTEE).key, good.certificate, good.chain)
    with pytest.raises(IdentityError, match="不匹配"):
        PadesSealer(mismatched)


# ----- the documents -----------------------------------------------------------------------------


def test_a_case_without_a_decision_cannot_be_reported() -> None:
    case_file = decided_case()
    undecided = dataclasses.replace(case_file, case=dataclasses.replace(case_file.case, conclusion=None))
    with pytest.raises(ReportError, match="尚未记录认定结论"):
        build_document(report_data(undecided), Kind.FILING)


def test_the_filing_report_holds_what_the_brief_lists() -> None:
    text = build_document(report_data(dissent=("委员丙认为后果影响应从严评价",)), Kind.FILING).text()
    for words in (
        "容错〔2026〕3号",
        "中共某区纪委监委：",
        "申请与受理",
        "调查核实",
        "（依据《抚州市容错免责办法(试行)》第八条(二)）",
        "容错条件",
        "不予容错情形",
        *DIMENSIONS,
        "雷达图",
        "研判建议：予以容错免责",
        "同意6票，反对0票，弃权1票",
        "委员丙认为后果影响应从严评价",
        "结果运用",
        "回避的委员",
        "不是 GB/T 38540 规定的电子印章",
        "2026年3月25日",
    ):
        assert words in text, words


def test_public_versions_mask_every_name_in_fields_and_free_text() -> None:
    data = report_data(decided_case("谢明华", ("张伟", "李娜")), dissent=("张伟认为应从严",))
    for kind in Kind:
        private = build_document(data, kind).text()
        public = build_document(data, kind, public=True).text()
        assert "谢明华" in private
        for name in ("谢明华", "张伟", "李娜"):
            assert name not in public, (kind, name)
        assert "谢某某" in public
    assert "张某某" in build_document(data, Kind.FILING, public=True).text()


@needs_poppler
def test_poppler_sees_a_valid_signature_embedded_fonts_a4_and_the_words(pdf_file: Path) -> None:
    said = run("pdfsig", pdf_file)
    assert "Signature is Valid." in said and "Total document signed" in said
    fonts = run("pdffonts", pdf_file).splitlines()[2:]
    assert fonts
    for line in fonts:
        assert " yes yes yes " in line, line
        assert "Helvetica" not in line and "STSong" not in line, line
    assert "595.276 x 841.89 pts (A4)" in run("pdfinfo", pdf_file)
    text = run("pdftotext", "-layout", pdf_file, "-")
    assert "容错〔2026〕3号" in text
    for name in DIMENSIONS:
        assert name in text


def dark_rows_and_columns(
    path: Path, page: int, dpi: int
) -> tuple[list[int], int, int, list[tuple[int, int]]]:
    """Render one page in grey; return the dark rows, leftmost and rightmost dark columns of the type
    area, and the text lines (runs of dark rows) above the page-number zone."""
    from PySide6.QtGui import QImage

    stem = path.parent / f"page{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-gray",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            path,
            stem,
        ],
        check=True,
        timeout=120,
    )
    image = QImage(str(stem) + ".png")
    width, height = image.width(), image.height()
    type_bottom = round((L.PAGE_HEIGHT_MM - L.BOTTOM_MM) / 25.4 * dpi)
    rows: list[int] = []
    left, right = width, 0
    for y in range(height):
        dark = [x for x in range(0, width, 1) if (image.pixel(x, y) & 0xFF) < 128]
        if dark:
            rows.append(y)
            if y < type_bottom:
                left, right = min(left, dark[0]), max(right, dark[-1])
    lines: list[tuple[int, int]] = []
    for y in rows:
        if y >= type_bottom:
            break
        if lines and y - lines[-1][1] <= 2:
            lines[-1] = (lines[-1][0], y)
        else:
            lines.append((y, y))
    return rows, left, right, lines


@needs_poppler
def test_margins_lines_and_page_number_measured_on_the_rendered_page(
    pdf_file: Path, sealed: SealedDocument
) -> None:
    """GB/T 9704: type area 156 x 225 mm at 37 mm from the top and 28 mm from the left, 22 lines of
    28 characters, page number's dash 7 mm under the type area (odd page: right side)."""
    dpi = 100
    px = dpi / 25.4
    rows, left, right, lines = dark_rows_and_columns(pdf_file, 3, dpi)  # a page of plain body text
    assert abs(left / px - L.LEFT_MM) <= 1.0, left / px
    assert abs(right / px - (L.LEFT_MM + L.TYPE_WIDTH_MM)) <= 1.0, right / px
    assert len(lines) == L.LINES_PER_PAGE, len(lines)
    top = lines[0][0] / px
    assert L.TOP_MM <= top <= L.TOP_MM + 10.3 / 2, top  # the first line's glyphs in the first grid line
    pitch = (lines[-1][0] - lines[0][0]) / (len(lines) - 1) / px
    assert abs(pitch - L.TYPE_HEIGHT_MM / L.LINES_PER_PAGE) < 0.3, pitch
    below = [y for y in rows if y / px > L.PAGE_HEIGHT_MM - L.BOTTOM_MM]
    number_rows = [
        y for y in below if y / px < L.PAGE_HEIGHT_MM - L.SIGNATURE_BOTTOM_MM - L.SIGNATURE_HEIGHT_MM
    ]
    assert number_rows, "no page number"
    centre = (number_rows[0] + number_rows[-1]) / 2 / px
    dash_mm = L.PAGE_HEIGHT_MM - L.BOTTOM_MM + L.PAGE_NUMBER_BELOW_MM
    assert abs(centre - dash_mm) < 1.5, (centre, dash_mm)
    text = run("pdftotext", "-f", 3, "-l", 3, "-layout", pdf_file, "-")
    assert "— 3 —" in text or "—3—" in text.replace(" ", "")
    assert sealed.pages >= 3


def test_radar_geometry_is_shared_and_plain() -> None:
    import ast

    from rongcuo_desktop.domain.radar import radar_geometry

    geo = radar_geometry([5, 4, 4, 4, 5], centre=(100.0, 100.0), radius=50.0)
    assert geo.axes[0] == pytest.approx((100.0, 50.0))  # 12 o'clock, y down
    assert geo.values[0] == pytest.approx((100.0, 50.0)) and geo.values[1][0] > 100.0  # clockwise
    assert len(geo.rings) == 5
    assert [c for p in geo.rings[-1] for c in p] == pytest.approx([c for p in geo.axes for c in p])
    assert radar_geometry([None, 1, 1], centre=(0.0, 0.0), radius=10.0).values[0] == (0.0, 0.0)
    with pytest.raises(ValueError):
        radar_geometry([1, 2], centre=(0.0, 0.0), radius=1.0)
    source = (REPO_ROOT / "rongcuo_desktop" / "domain" / "radar.py").read_text(encoding="utf-8")
    imported = {
        (n.module or "") if isinstance(n, ast.ImportFrom) else a.name
        for n in ast.walk(ast.parse(source))
        if isinstance(n, ast.Import | ast.ImportFrom)
        for a in n.names
    }
    assert imported <= {"__future__", "math", "collections.abc", "dataclasses"}


# ----- the 备案包 -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def package(sealer: PadesSealer, identity: SigningIdentity) -> bytes:
    data = report_data()
    documents = [
        (f"{kind.value}.pdf", seal_document(build_document(data, kind), sealer).pdf) for kind in Kind
    ]
    content = PackageContent(
        doc_no=data.case.doc_no,
        committee=COMMITTEE,
        audit_head=(7, "a" * 64),
        judgment_digest="b" * 64,
        documents=documents,
        case_json=dumps_case_file(data.case_file).encode("utf-8"),
        root_pem=identity.root_pem(),
        signer_fingerprint=identity.fingerprint,
        root_fingerprint=identity.root_fingerprint,
    )
    return write_package(content, sealer.sign_detached, dt.datetime(2026, 3, 25, 10, 0, tzinfo=dt.UTC))


def rezip(package: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    source = zipfile.ZipFile(io.BytesIO(package))
    members = {i.filename: source.read(i) for i in source.infolist()}
    members = change(members)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_package_verifies_and_lists_its_files(package: bytes, identity: SigningIdentity) -> None:
    result = verify_package(package, [identity.root])
    assert result.ok, [c for c in result.package.failures] + [c for v in result.documents for c in v.failures]
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(package)).read("manifest.json"))
    assert manifest["audit_head"] == {"seq": 7, "hash": "a" * 64}
    assert {f["path"] for f in manifest["files"]} == {
        "备案报告.pdf",
        "认定意见书.pdf",
        "反馈通知书.pdf",
        "case.json",
        "root.pem",
    }
    assert len(result.documents) == 3


def _swap(members: dict[str, bytes]) -> dict[str, bytes]:
    members["备案报告.pdf"], members["认定意见书.pdf"] = members["认定意见书.pdf"], members["备案报告.pdf"]
    return members


def _alter_case(members: dict[str, bytes]) -> dict[str, bytes]:
    members["case.json"] = members["case.json"].replace(b"exempt", b"lenient")
    return members


@pytest.mark.parametrize(
    ("change", "failed"),
    [
        (lambda m: {k: v for k, v in m.items() if k != "认定意见书.pdf"}, "清单中的文件都在"),
        (lambda m: {**m, "说明.txt": b"added later"}, "没有清单以外的文件"),
        (_swap, "文件摘要与清单一致"),
        (_alter_case, "文件摘要与清单一致"),
        (
            lambda m: {**m, "manifest.json": m["manifest.json"].replace(b'"seq": 7', b'"seq": 6')},
            "清单签名完好",
        ),
    ],
    ids=["missing", "extra", "swapped", "altered", "manifest-edited"],
)
def test_a_changed_package_is_rejected(
    package: bytes, identity: SigningIdentity, change, failed: str
) -> None:  # type: ignore[no-untyped-def]
    result = verify_package(rezip(package, change), [identity.root])
    assert not result.ok
    assert failed in [c.name for c in result.package.failures]


def test_bad_package_input_is_a_clear_error(package: bytes) -> None:
    with pytest.raises(PackageError, match="不是 zip"):
        verify_package(b"not a zip at all", [])
    with pytest.raises(PackageError):
        verify_package(package[: len(package) // 2], [])
    assert not verify_package(package, []).ok  # no trusted root: the signer is not verified


def test_reportlab_runs_with_its_c_accelerators() -> None:
    """The rl-accel dependency is installed and reportlab uses it: without it every page and font
    subset is formatted in pure Python (the export took 70 ms instead of 50 here)."""
    from reportlab.lib import rl_accel

    assert rl_accel._py_funcs == {}, sorted(rl_accel._py_funcs)
