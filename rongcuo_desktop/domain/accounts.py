"""The rules of a personal PIN, and how long a person waits after wrong ones.

Plain rules, so the store refuses a weak PIN below the UI, and a dialog can say why (and as it is
typed) from the same function. Why these rules: a PIN says who is at the keyboard of a shared
committee PC; the ones colleagues guess first (111111, 123456, a birthday run) must not pass.
Why a growing wait rather than a lock-out: a 委员 who forgets their PIN before a hearing must be able
to try again later without the 主任; someone trying PINs at another's keyboard gets 5 tries, then
waits 30 s, 60 s, 120 s ... (at most 15 minutes) per try, and every try is in the audit trail.
"""

from __future__ import annotations

import itertools
import unicodedata

MIN_PIN_DIGITS = 6
MAX_PIN_DIGITS = 32
FREE_FAILURES = 5  # wrong PINs in a row before the first wait
FIRST_WAIT_SECONDS = 30
MAX_WAIT_SECONDS = 15 * 60


def normal_pin(pin: str) -> str:
    """Full-width digits (１２３) typed with a Chinese input method are the same digits."""
    return unicodedata.normalize("NFKC", pin).strip()


def pin_problem(pin: str) -> str | None:
    """Why `pin` may not be a new PIN (a Chinese sentence), or None when it may."""
    text = normal_pin(pin)
    if not text.isascii() or not text.isdigit():
        return "个人口令只能由数字组成。"
    if len(text) < MIN_PIN_DIGITS:
        return f"个人口令至少需要 {MIN_PIN_DIGITS} 位数字。"
    if len(text) > MAX_PIN_DIGITS:
        return f"个人口令最多 {MAX_PIN_DIGITS} 位数字。"
    if len(set(text)) == 1:
        return "个人口令不能全是同一个数字（如 111111）。"
    steps = {int(b) - int(a) for a, b in itertools.pairwise(text)}
    if steps in ({1}, {-1}):
        return "个人口令不能是连续的数字（如 123456 或 654321）。"
    return None


def wait_after(failures: int) -> int:
    """Seconds to wait before the next try, after `failures` wrong PINs in a row for one account."""
    if failures < FREE_FAILURES:
        return 0
    return min(FIRST_WAIT_SECONDS * 2 ** (failures - FREE_FAILURES), MAX_WAIT_SECONDS)
