"""PIN rules and the wait after wrong PINs: plain rules, no store."""

from __future__ import annotations

import pytest

from rongcuo_desktop.domain.accounts import (
    FIRST_WAIT_SECONDS,
    MAX_WAIT_SECONDS,
    normal_pin,
    pin_problem,
    wait_after,
)


@pytest.mark.parametrize(
    ("pin", "why"),
    [
        ("12345", "至少需要 6 位数字"),
        ("111111", "全是同一个数字"),
        ("000000000", "全是同一个数字"),
        ("123456", "连续的数字"),
        ("654321", "连续的数字"),
        ("3456789", "连续的数字"),
        ("12a456", "只能由数字组成"),
        ("chair-pin", "只能由数字组成"),
        ("１２３４５６", "连续的数字"),  # full-width digits are the same digits
        ("٣٥٧٩٠٢", "只能由数字组成"),  # other scripts' digits are not offered by the keypad
        ("1" * 33 + "2", "最多 32 位"),
    ],
)
def test_weak_pins_are_refused_with_the_rule_named(pin: str, why: str) -> None:
    problem = pin_problem(pin)
    assert problem is not None and why in problem


@pytest.mark.parametrize("pin", ["135790", "246813", "112233", "123457", "８６４２１３", " 975310 "])
def test_ordinary_pins_pass(pin: str) -> None:
    assert pin_problem(pin) is None
    assert normal_pin(pin).isascii()


def test_the_wait_grows_after_five_wrong_pins_and_is_capped() -> None:
    assert [wait_after(n) for n in range(5)] == [0, 0, 0, 0, 0]
    assert wait_after(5) == FIRST_WAIT_SECONDS
    assert wait_after(6) == 2 * FIRST_WAIT_SECONDS and wait_after(7) == 4 * FIRST_WAIT_SECONDS
    assert wait_after(50) == MAX_WAIT_SECONDS
