"""`rongcuo stats [--json] [--xlsx FILE]` as a script runs it (real processes, a real SQLCipher store):
the counts of every case for the key holder, a 委员's own cases with --as, the workbook written and
read back, and a file that exists or is not .xlsx refused with exit 2 and nothing written."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from rongcuo_desktop.domain.stats import Breakdown
from tests.cli.test_store_commands import PASSPHRASE, rongcuo


def test_stats_as_text_json_and_workbook(tmp_path: Path) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    pin = tmp_path / "pin.txt"
    pin.write_text("135790\n", encoding="utf-8")
    store = tmp_path / "store"
    pp = ["--passphrase-file", str(secret)]
    done = rongcuo(store, "init", *pp, "--chair-name", "王主任", "--pin-file", str(pin))
    assert done.returncode == 0, done.stderr
    added = rongcuo(store, "account", "add", "张委员", "--role", "委员", "--new-pin-file", str(pin), *pp)
    assert added.returncode == 0, added.stderr
    assert rongcuo(store, "demo", "--count", "120", *pp).returncode == 0

    text = rongcuo(store, "stats", *pp)
    assert text.returncode == 0, text.stderr
    assert (
        "全部案件，共 120 件" in text.stdout
        and "【按阶段】" in text.stdout
        and "【各阶段平均用时】" in text.stdout
    )

    workbook = tmp_path / "统计.xlsx"
    done = rongcuo(store, "stats", "--json", "--xlsx", str(workbook), *pp)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["total"] == 120 and sum(r["count"] for r in data["stage"]) == 120
    assert [r["key"] for r in data["conclusion"]] == ["exempt", "lenient", "not_tolerated", "undecided"]
    sheet = load_workbook(workbook)[Breakdown.YEAR.heading]
    years = {str(row[0]): row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert years == {**{r["label"]: r["count"] for r in data["year"]}, "合计": 120}

    again = rongcuo(store, "stats", "--xlsx", str(workbook), *pp)
    assert again.returncode == 2 and "已经存在" in again.stderr
    wrong = rongcuo(store, "stats", "--xlsx", str(tmp_path / "统计.txt"), *pp)
    assert wrong.returncode == 2 and ".xlsx" in wrong.stderr and not (tmp_path / "统计.txt").exists()

    member = rongcuo(store, "--as", "张委员", "--pin-file", str(pin), "stats", "--json", *pp)
    assert member.returncode == 0, member.stderr
    assert json.loads(member.stdout)["total"] == 0 and "本人参与" in json.loads(member.stdout)["scope"]
