"""A real store opened through services: a 主任, a 秘书 and two 委员, two cases (张委员 on case 1's
committee). The recovery passphrase is asked at each start (no credential store is touched), and the
key derivation is calibrated short so the tests stay quick."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from rongcuo_desktop.domain.case import Case
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.services import accounts, cases, unlock
from rongcuo_desktop.services.accounts import Credential
from rongcuo_desktop.services.workspace import Workspace

PASSPHRASE = "services test: a heron over the paddy"
PINS = {"王主任": "135790", "李秘书": "246813", "张委员": "357902", "赵委员": "468024"}


def sample_case(n: int) -> Case:
    return Case(doc_no=f"容错〔2026〕{n}号", party_name="谢某某", party_unit="某局", party_position="科长")


@dataclass
class Committee:
    ws: Workspace
    chair: Credential
    secretary: Credential
    zhang: Credential
    zhao: Credential
    case_ids: tuple[int, int]


def make_store(data_dir: Path) -> Workspace:
    ws, _status = unlock.create(
        data_dir, PASSPHRASE, require_passphrase_each_start=True, kdf_target_seconds=0.05
    )
    return ws


@pytest.fixture
def committee(data_dir: Path) -> Iterator[Committee]:
    ws = make_store(data_dir)
    setup = accounts.setup_person(ws)
    assert setup is not None
    accounts.add(ws, setup, "王主任", Role.CHAIR, PINS["王主任"])
    chair = accounts.sign_in(ws, "王主任", PINS["王主任"])
    accounts.add(ws, chair, "李秘书", Role.SECRETARY, PINS["李秘书"])
    accounts.add(ws, chair, "张委员", Role.MEMBER, PINS["张委员"])
    accounts.add(ws, chair, "赵委员", Role.MEMBER, PINS["赵委员"])
    secretary = accounts.sign_in(ws, "李秘书", PINS["李秘书"])
    first = cases.add(ws, secretary, sample_case(1))
    second = cases.add(ws, secretary, sample_case(2))
    accounts.set_members(ws, secretary, first, ["张委员"])
    zhang = accounts.sign_in(ws, "张委员", PINS["张委员"])
    zhao = accounts.sign_in(ws, "赵委员", PINS["赵委员"])
    yield Committee(ws, chair, secretary, zhang, zhao, (first, second))
    ws.close()
