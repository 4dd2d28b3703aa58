"""Numbers as a Chinese policy writes them: `0.03`, `十二`, `一百零五`, `百分之八十`.

Chinese numerals are integers only (LANGUAGE.md §2: decimals are written in Arabic);
anything that is not a well-formed integer raises `ValueError`, which the parser turns
into E110.  A string of bare digits (`二〇二三`) reads digit by digit, as years are written.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

DIGITS: dict[str, int] = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
WAN = "万"
PERCENT_PREFIX = "百分之"


def whole_number(text: str) -> int:
    """`5` or `五` (a place, a count written either way); ValueError as `cn_to_int`."""
    return int(text) if text.isdigit() else cn_to_int(text)


def cn_to_int(text: str) -> int:
    """`十二` → 12, `三十` → 30, `一百零五` → 105, `两千` → 2000, `一万二千` → 12000.

    Raises ValueError for anything else (`十十`, `零点五`, empty text).
    """
    if not text:
        raise ValueError("empty numeral")
    if all(ch in DIGITS for ch in text):
        if len(text) > 1 and text[0] in "〇○零":
            raise ValueError(f"not a numeral: {text}")
        return int("".join(str(DIGITS[ch]) for ch in text))
    if text.count(WAN) > 1:
        raise ValueError(f"not a numeral: {text}")
    if WAN in text:
        high, low = text.split(WAN)
        if not high:
            raise ValueError(f"not a numeral: {text}")
        value = _below_wan(high) * 10000
        if low:
            if low[0] in "〇○零":
                low = low[1:]
            elif len(low) == 1 and low in DIGITS:
                raise ValueError(f"ambiguous numeral: {text}")
            value += _below_wan(low)
        return value
    return _below_wan(text)


def _below_wan(text: str) -> int:
    """An integer below 10000 written with 十百千 (`三千零五十`, `十二`)."""
    if not text:
        raise ValueError("empty numeral")
    total = 0
    pending: int | None = None  # a digit waiting for its unit
    last_unit = 10000
    zero_seen = False
    for i, ch in enumerate(text):
        if ch in DIGITS:
            digit = DIGITS[ch]
            if pending is not None:
                raise ValueError(f"not a numeral: {text}")
            if digit == 0:
                if zero_seen or i == 0 or last_unit <= 10:
                    raise ValueError(f"not a numeral: {text}")
                zero_seen = True
                continue
            pending = digit
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if unit >= last_unit:
                raise ValueError(f"not a numeral: {text}")
            if pending is None:
                if unit != 10 or not (i == 0 or zero_seen):
                    raise ValueError(f"not a numeral: {text}")
                pending = 1  # 十二 = 12, 一千零十 = 1010
            total += pending * unit
            pending = None
            last_unit = unit
            zero_seen = False
        else:
            raise ValueError(f"not a numeral: {text}")
    if pending is not None:
        if zero_seen or last_unit == 10000 or last_unit == 10:
            total += pending
        else:
            raise ValueError(f"ambiguous numeral: {text}")  # 三百五 (350?) is not accepted
    elif zero_seen:
        raise ValueError(f"not a numeral: {text}")
    return total


def parse_decimal(text: str) -> Decimal:
    """An Arabic decimal (`0.03`, `12`) or a Chinese integer (`十二`) as a Decimal."""
    text = text.strip()
    if text and (text[0].isdigit() or text[0] in "+-."):
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"not a number: {text}") from None
        if not value.is_finite():
            raise ValueError(f"not a number: {text}")
        return value
    return Decimal(cn_to_int(text))


def parse_percent_cn(text: str) -> Decimal:
    """`百分之八十` → 80 (percent points); `九成` → 90, `八成五` → 85 (成 a tenth)."""
    tenths = _TENTHS.fullmatch(text)
    if tenths is not None:
        whole = cn_to_int(tenths["whole"]) * 10
        return Decimal(whole + (cn_to_int(tenths["part"]) if tenths["part"] else 0))
    if not text.startswith(PERCENT_PREFIX):
        raise ValueError(f"not a percentage: {text}")
    return Decimal(cn_to_int(text[len(PERCENT_PREFIX) :]))


#: `九成`, `八成五`: tenths (一成 is 10%), and the digit after 成 hundredths.
TENTHS = "[一二两三四五六七八九]成[一二三四五六七八九]?"
_TENTHS = re.compile("(?P<whole>[一二两三四五六七八九])成(?P<part>[一二三四五六七八九])?")
