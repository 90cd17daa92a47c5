"""Accounts through services: PIN rules on every new PIN, wrong PINs slowed down (an injected clock:
no real waiting) and audited, a person changing their own PIN, the 主任 resetting one."""

from __future__ import annotations

from pathlib import Path

import pytest

from rongcuo_desktop.domain.accounts import FIRST_WAIT_SECONDS
from rongcuo_desktop.domain.roles import Role
from rongcuo_desktop.services import accounts, unlock
from rongcuo_desktop.services.errors import PermissionDenied, PinLockedOut, PinRejected, WrongPin
from tests.services.conftest import PASSPHRASE, PINS, Committee


class FakeClock:
    """Wall time that moves only when the test says so."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def audit_summaries(committee: Committee) -> list[str]:
    return [line.summary for line in committee.ws.store.audit_log(by=committee.chair)]


def test_new_pins_follow_the_rules_everywhere(committee: Committee) -> None:
    ws = committee.ws
    for weak in ("12345", "222222", "123456", "654321", "abcdef"):
        with pytest.raises(PinRejected):
            accounts.add(ws, committee.chair, "钱委员", Role.MEMBER, weak)
        with pytest.raises(PinRejected):
            accounts.change_own_pin(ws, committee.zhang, PINS["张委员"], weak)
        with pytest.raises(PinRejected):
            accounts.reset_pin(ws, committee.chair, "张委员", weak)
    assert "钱委员" not in {a.name for a in accounts.people(ws)}
    accounts.sign_in(ws, "张委员", PINS["张委员"])  # unchanged


def test_wrong_pins_wait_after_five_and_every_try_is_audited(committee: Committee) -> None:
    """Given 赵委员's PIN typed wrong five times, when a sixth try comes at once (even the right PIN),
    then it is refused with the wait named; after the wait the right PIN signs in and the count starts
    again. The clock is injected: the test never sleeps."""
    ws = committee.ws
    clock = FakeClock(ws.store.guard.throttle.clock())
    ws.store.guard.throttle.clock = clock
    for attempt in range(4):
        with pytest.raises(WrongPin):
            accounts.sign_in(ws, "赵委员", f"97531{attempt}")
    with pytest.raises(PinLockedOut) as fifth:
        accounts.sign_in(ws, "赵委员", "975319")
    assert fifth.value.wait_seconds == FIRST_WAIT_SECONDS
    with pytest.raises(PinLockedOut, match=f"{FIRST_WAIT_SECONDS} 秒后再试"):
        accounts.sign_in(ws, "赵委员", PINS["赵委员"])
    accounts.sign_in(ws, "张委员", PINS["张委员"])  # per account: another person is not slowed down
    clock.now += FIRST_WAIT_SECONDS - 1
    with pytest.raises(PinLockedOut) as later:
        accounts.sign_in(ws, "赵委员", PINS["赵委员"])
    assert later.value.wait_seconds == 1
    clock.now += 1
    with pytest.raises(PinLockedOut) as doubled:  # a sixth wrong one doubles the wait
        accounts.sign_in(ws, "赵委员", "975318")
    assert doubled.value.wait_seconds == 2 * FIRST_WAIT_SECONDS
    clock.now += 2 * FIRST_WAIT_SECONDS
    assert accounts.sign_in(ws, "赵委员", PINS["赵委员"]).name == "赵委员"
    with pytest.raises(WrongPin):  # the count started again
        accounts.sign_in(ws, "赵委员", "975317")
    summaries = audit_summaries(committee)
    assert sum(s.startswith("个人口令错误") for s in summaries) == 7
    assert any(f"{FIRST_WAIT_SECONDS} 秒后才能再试" in s for s in summaries)


def test_the_wait_holds_across_a_reopen(committee: Committee, data_dir: Path) -> None:
    """Given five wrong PINs and the store closed, when it is opened again (a new CLI process would do
    the same), then the wait is read back from the audit trail; and a reset by the 主任 is too."""
    ws = committee.ws
    for attempt in range(5):
        with pytest.raises((WrongPin, PinLockedOut)):
            accounts.sign_in(ws, "赵委员", f"97531{attempt}")
    last_failure = ws.store.guard.throttle.clock()
    ws.close()
    reopened = unlock.unlock_and_open(data_dir, lambda: PASSPHRASE)
    try:
        reopened.store.guard.throttle.clock = FakeClock(last_failure + 10)
        with pytest.raises(PinLockedOut) as caught:
            accounts.sign_in(reopened, "赵委员", PINS["赵委员"])
        assert FIRST_WAIT_SECONDS - 11 <= caught.value.wait_seconds <= FIRST_WAIT_SECONDS - 9
        accounts.reset_pin(reopened, accounts.key_holder(reopened), "赵委员", "864213")
    finally:
        reopened.close()
    again = unlock.unlock_and_open(data_dir, lambda: PASSPHRASE)  # a reset read back: no wait
    try:
        again.store.guard.throttle.clock = FakeClock(last_failure + 10)
        assert accounts.sign_in(again, "赵委员", "864213").name == "赵委员"
    finally:
        again.close()


def test_a_person_changes_their_own_pin(committee: Committee) -> None:
    ws = committee.ws
    with pytest.raises(WrongPin):
        accounts.change_own_pin(ws, committee.zhang, "975310", "864213")
    accounts.change_own_pin(ws, committee.zhang, PINS["张委员"], "864213")
    with pytest.raises(WrongPin):
        accounts.sign_in(ws, "张委员", PINS["张委员"])
    assert accounts.sign_in(ws, "张委员", "864213").name == "张委员"
    assert "修改个人口令" in audit_summaries(committee)


def test_the_chair_resets_a_pin_and_only_the_chair(committee: Committee) -> None:
    ws = committee.ws
    clock = FakeClock(ws.store.guard.throttle.clock())
    ws.store.guard.throttle.clock = clock
    for attempt in range(5):
        with pytest.raises((WrongPin, PinLockedOut)):
            accounts.sign_in(ws, "赵委员", f"97531{attempt}")
    with pytest.raises(PermissionDenied, match="秘书无权管理账户"):
        accounts.reset_pin(ws, committee.secretary, "赵委员", "864213")
    accounts.reset_pin(ws, committee.chair, "赵委员", "864213")
    assert accounts.sign_in(ws, "赵委员", "864213").name == "赵委员"  # no wait after a reset
    assert "重设账户“赵委员”的个人口令" in audit_summaries(committee)
