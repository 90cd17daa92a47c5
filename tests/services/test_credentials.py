"""One person per call: the store acts only for a credential it issued in this process, to an enabled
account, and each call names its person (no window-wide acting person)."""

from __future__ import annotations

import dataclasses
import secrets
from pathlib import Path

import pytest

from rongcuo_desktop.domain.roles import AccountInfo, Role
from rongcuo_desktop.services import accounts, cases
from rongcuo_desktop.services.accounts import Authority, Credential
from rongcuo_desktop.services.errors import (
    NotAuthenticated,
    NotLoggedIn,
    PermissionDenied,
    ServiceError,
    WrongPin,
)
from tests.services.conftest import PINS, Committee, make_store, sample_case


def test_a_made_up_credential_is_refused_and_writes_nothing(committee: Committee) -> None:
    """Given a credential built by hand for a 主任 (right id, name and role, a random token), one for a
    made-up 主任, and the secretary's credential relabelled as the 主任's, when each is used, then the
    store refuses it and no case is added."""
    ws = committee.ws
    forged = Credential(committee.chair.account, Authority.PIN, secrets.token_bytes(16))
    ghost = Credential(AccountInfo(id=99, name="幽灵主任", role=Role.CHAIR), Authority.KEY, b"x" * 16)
    before = cases.CaseList(ws, committee.chair).count()
    for fake in (forged, ghost, dataclasses.replace(committee.secretary, account=committee.chair.account)):
        with pytest.raises(NotAuthenticated, match="没有在本程序中通过个人口令验证"):
            cases.add(ws, fake, sample_case(9))
        with pytest.raises(NotAuthenticated):
            cases.CaseList(ws, fake).count()
    assert cases.CaseList(ws, committee.chair).count() == before


def test_a_made_up_name_signs_in_as_nobody(committee: Committee) -> None:
    """#11 item 5: `--as 幽灵主任` once created a 主任. Signing in as an unknown name is a wrong PIN,
    recorded, and no account appears; the key holder cannot take a made-up name either."""
    ws = committee.ws
    with pytest.raises(WrongPin):
        accounts.sign_in(ws, "幽灵主任", "135790")
    with pytest.raises(ServiceError, match="没有名为“幽灵主任”的账户"):
        accounts.key_holder(ws, "幽灵主任")
    assert "幽灵主任" not in {a.name for a in accounts.people(ws, include_disabled=True)}
    assert any(line.summary == "个人口令错误" for line in ws.store.audit_log(by=committee.chair))


def test_a_credential_of_another_store_is_refused(committee: Committee, tmp_path: Path) -> None:
    other = make_store(tmp_path / "other")
    try:
        setup = accounts.setup_person(other)
        assert setup is not None
        with pytest.raises(NotAuthenticated):
            cases.add(committee.ws, setup, sample_case(9))
        with pytest.raises(NotAuthenticated):
            cases.add(other, committee.secretary, sample_case(9))
    finally:
        other.close()


def test_a_disabled_account_can_no_longer_act(committee: Committee) -> None:
    ws = committee.ws
    accounts.disable(ws, committee.chair, "李秘书")
    with pytest.raises(NotAuthenticated):
        cases.add(ws, committee.secretary, sample_case(9))
    with pytest.raises(PermissionDenied, match="已停用"):
        accounts.sign_in(ws, "李秘书", PINS["李秘书"])


def test_the_setup_person_stops_acting_once_the_store_has_accounts(data_dir: Path) -> None:
    ws = make_store(data_dir)
    try:
        setup = accounts.setup_person(ws)
        assert setup is not None and setup.role is Role.CHAIR
        case_id = cases.add(ws, setup, sample_case(1))  # a single-user store works as before
        accounts.add(ws, setup, "王主任", Role.CHAIR, PINS["王主任"])
        assert accounts.setup_person(ws) is None
        with pytest.raises(NotLoggedIn):
            cases.get(ws, setup, case_id)
    finally:
        ws.close()


def test_each_call_acts_for_its_own_person(committee: Committee) -> None:
    """Given the secretary's list and a member signed in for one dialog, when each reads and writes,
    then each sees and may do what their own role allows, and neither changes the other."""
    ws = committee.ws
    first, second = committee.case_ids
    secretary_list = cases.CaseList(ws, committee.secretary)
    member_list = cases.CaseList(ws, committee.zhang)
    assert secretary_list.count() == 2 and member_list.count() == 1
    assert set(member_list.rows([first, second])) == {first}
    with pytest.raises(PermissionDenied, match="不是该案件的委员"):
        member_list.get(second)
    with pytest.raises(PermissionDenied, match="委员无权登记案件"):
        cases.add(ws, committee.zhang, sample_case(9))
    cases.add(ws, committee.secretary, sample_case(9))  # the secretary's own credential still acts
    assert secretary_list.count() == 3 and member_list.count() == 1
    with pytest.raises(NotLoggedIn):  # nobody became a window-wide acting person
        ws.store.cases.count()


def test_find_names_a_case_by_doc_no_or_number(committee: Committee) -> None:
    ws = committee.ws
    first, second = committee.case_ids
    assert cases.find(ws, committee.secretary, "容错〔2026〕2号") == second
    assert cases.find(ws, committee.secretary, str(first)) == first
    with pytest.raises(ServiceError, match="找不到文号为“容错〔2026〕77号”的案件"):
        cases.find(ws, committee.secretary, "容错〔2026〕77号")
    with pytest.raises(PermissionDenied):
        cases.find(ws, committee.zhang, "容错〔2026〕2号")
