"""Pinyin sort keys for 当事人 and 单位, kept on write so that sorting is an index walk.

Why keys and not a collation: SQLite compares by code point (谢 after 张), and a Python collation
would be called on every comparison of a 100,000-row sort. A key computed once per write sorts the
way a Chinese reader expects: by syllable, then tone (``zhang1 san1``), then the characters
themselves (so 张 and 章 do not interleave).

Names: a given name is not a phrase, so each character takes its most common reading, except the
surname, which is read as a surname (单 shàn, 曾 zēng, 解 xiè, 区 ōu, 仇 qiú, 朴 piáo …; two-character
surnames such as 尉迟 and 万俟 first). Units are phrases (银行 yín háng, 行政 xíng zhèng): pypinyin's
phrase dictionary reads them, cached, since unit names repeat. pypinyin is imported on first use only
(~0.5 s), never at start-up.
"""

from __future__ import annotations

from functools import lru_cache

# Surnames whose reading as a surname is not the character's most common reading.
SURNAMES: dict[str, str] = {
    "尉迟": "yu4 chi2",
    "万俟": "mo4 qi2",
    "单于": "chan2 yu2",
    "长孙": "zhang3 sun1",
    "澹台": "tan2 tai2",
    "令狐": "ling2 hu2",
    "单": "shan4",
    "曾": "zeng1",
    "解": "xie4",
    "区": "ou1",
    "仇": "qiu2",
    "朴": "piao2",
    "查": "zha1",
    "盖": "ge3",
    "乐": "yue4",
    "覃": "qin2",
    "宿": "su4",
    "员": "yun4",
    "缪": "miao4",
    "翟": "zhai2",
    "秘": "bi4",
    "种": "chong2",
    "繁": "po2",
    "句": "gou1",
    "召": "shao4",
    "折": "she2",
    "莘": "shen1",
    "祭": "zhai4",
    "车": "che1",
    "薄": "bo2",
    "燕": "yan1",
    "尉": "yu4",
    "华": "hua4",
    "任": "ren2",
    "过": "guo1",
    "能": "nai4",
    "隗": "wei3",
    "那": "na1",
    "纪": "ji3",
    "葛": "ge3",
    "卜": "bu3",
    "蕃": "pi2",
    "柏": "bai3",
    "藏": "zang4",
    "沈": "shen3",
    "石": "shi2",
    "曲": "qu1",
    "都": "du1",
    "朝": "chao2",
    "阚": "kan4",
}
_TIE = "\x1f"  # below every letter and digit: 张 (zhang1) before 章 (zhang1) only after the reading


@lru_cache(maxsize=8192)
def _char(char: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(char, style=Style.TONE3, neutral_tone_with_five=True)[0].lower()


def name_sort_key(name: str) -> str:
    """``shan4 xiong2 xin4␟单雄信``: the surname read as a surname, then each character."""
    name = name.strip()
    syllables: list[str] = []
    rest = name
    for surname in (name[:2], name[:1]):
        reading = SURNAMES.get(surname) if surname else None
        if reading is not None:
            syllables.append(reading)
            rest = name[len(surname) :]
            break
    syllables.extend(_char(char) for char in rest)
    return " ".join(syllables) + _TIE + name


@lru_cache(maxsize=4096)
def unit_sort_key(unit: str) -> str:
    """``zhong1 guo2 yin2 hang2␟中国银行``: the unit read as phrases."""
    from pypinyin import Style, lazy_pinyin

    unit = unit.strip()
    readings = lazy_pinyin(unit, style=Style.TONE3, neutral_tone_with_five=True)
    return " ".join(r.lower() for r in readings) + _TIE + unit
