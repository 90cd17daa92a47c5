"""Sealed report figures, each beside a floor measured in the same run.

- export one sealed report (render to GB/T 9704 + PAdES seal): median; floors: bare reportlab with
  the embedded CJK face (the same number of pages, 22 lines of 28 characters), and bare PAdES
  signing of that bare PDF with the cached P-256 key. Goal < 100 ms.
- a batch of 1,000 reports (each written to a file): total. Goal < 60 s.
- verify one report: median; floor: pyHanko's signature check alone (no diff analysis, no checks
  of ours). A 备案包 of 10 documents: median. Goal < 200 ms.

Run alone (`python tests/bench/bench_reports.py [batch]`) or with `make bench`. Prints figures only.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from rongcuo_desktop.domain.case_file import dumps_case_file  # noqa: E402
from rongcuo_desktop.reports import layout as L  # noqa: E402
from rongcuo_desktop.reports.export import seal_document  # noqa: E402
from rongcuo_desktop.reports.fonts import faces  # noqa: E402
from rongcuo_desktop.reports.model import Kind, build_document  # noqa: E402
from rongcuo_desktop.reports.package import PackageContent, verify_package, write_package  # noqa: E402
from rongcuo_desktop.seal.identity import generate  # noqa: E402
from rongcuo_desktop.seal.pades import PadesSealer  # noqa: E402
from rongcuo_desktop.seal.verify import verify_pdf  # noqa: E402
from tests.reports.test_reports import report_data  # noqa: E402

REPEATS = 25


def median_ms(work: Callable[[], object], repeats: int = REPEATS) -> float:
    for _ in range(3):
        work()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bare_reportlab(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    body = faces()["body"].name
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(L.PAGE_WIDTH, L.PAGE_HEIGHT), initialFontName=body)
    line = "根据有关规定现将容错免责认定情况报告如下经审查本委员会予以受理依规组织调查核实"[:28]
    for _ in range(pages):
        c.setFont(body, L.SIZE_3HAO)
        for row in range(L.LINES_PER_PAGE):
            c.drawString(L.TYPE_LEFT, L.TYPE_TOP - (row + 1) * L.LINE_PITCH, line)
        c.showPage()
    c.save()
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    batch = 1000 if not argv else int(argv[0])
    identity = generate("某区容错免责委员会")
    sealer = PadesSealer(identity)
    data = report_data()
    document = build_document(data, Kind.OPINION)
    sealed = seal_document(document, sealer)
    pages = sealed.pages
    print(f"document: {document.kind}, {pages} pages, body face {faces()['body'].display}")

    export = median_ms(lambda: seal_document(document, sealer))
    bare = bare_reportlab(pages)
    floor_render = median_ms(lambda: bare_reportlab(pages))
    from rongcuo_desktop.seal.signer import SealRequest

    blank = bare_reportlab(1)
    request = SealRequest(0, (80, 20, 400, 70), lambda _h, _t: blank, "bench", "bench")
    floor_sign = median_ms(lambda: sealer.seal_pdf(bare, request))
    floor = floor_render + floor_sign
    print(f"export one sealed report: median {export:.1f} ms (goal < 100 ms)")
    print(f"  floor: bare reportlab {floor_render:.1f} ms + bare PAdES P-256 signing {floor_sign:.1f} ms")
    print(f"  = {floor:.1f} ms; ratio {export / floor:.2f}; load {os.getloadavg()[0]:.2f}")

    with tempfile.TemporaryDirectory() as folder:
        start, start_cpu = time.perf_counter(), time.process_time()
        for number in range(batch):
            result = seal_document(document, sealer)
            (Path(folder) / f"{number}.pdf").write_bytes(result.pdf)
        total, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    each = total / batch * 1000
    print(f"batch of {batch} sealed reports written: {total:.1f} s ({each:.1f} ms each; goal < 60 s)")
    # On a shared 2-core machine the wall time is this process's share of the cores: the CPU time it
    # used says what the batch costs where it has a core to itself.
    print(
        f"  CPU time of the batch {cpu:.1f} s ({cpu / batch * 1000:.1f} ms each); floor: {batch} x the "
        f"bare floor {batch * floor / 1000:.1f} s; ratio {total / (batch * floor / 1000):.2f} "
        f"(CPU {cpu / (batch * floor / 1000):.2f}); load {os.getloadavg()[0]:.2f}"
    )

    verify = median_ms(lambda: verify_pdf(sealed.pdf, [identity.root]))
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature

    from rongcuo_desktop.seal.verify import _context

    def bare_check() -> None:
        signature = PdfFileReader(io.BytesIO(sealed.pdf)).embedded_signatures[0]
        validate_pdf_signature(signature, _context([identity.root]), skip_diff=True)

    floor_verify = median_ms(bare_check)
    print(f"verify one report: median {verify:.1f} ms")
    print(
        f"  floor: pyHanko's signature check alone {floor_verify:.1f} ms; ratio {verify / floor_verify:.2f}"
    )

    documents = [(f"{n:02d}.pdf", seal_document(document, sealer).pdf) for n in range(10)]
    content = PackageContent(
        doc_no=data.case.doc_no,
        committee="某区容错免责委员会",
        audit_head=(1, "0" * 64),
        judgment_digest="0" * 64,
        documents=documents,
        case_json=dumps_case_file(data.case_file).encode("utf-8"),
        root_pem=identity.root_pem(),
        signer_fingerprint=identity.fingerprint,
        root_fingerprint=identity.root_fingerprint,
    )
    package = write_package(content, sealer.sign_detached, dt.datetime.now(dt.UTC))
    assert verify_package(package, [identity.root]).ok
    package_ms = median_ms(lambda: verify_package(package, [identity.root]), repeats=9)
    print(f"verify a 备案包 of 10 documents: median {package_ms:.1f} ms (goal < 200 ms)")
    print(
        f"  floor: 10 x the single-report verify {10 * verify:.1f} ms; ratio {package_ms / (10 * verify):.2f}"
    )
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
