"""What an unclear band of a line says to the writer (E116): which bound is unclear, and
a line of bands to write instead, in the line's own terms (the average, its best value,
or shares of the average)."""

from __future__ import annotations

from decimal import Decimal

from .band_intervals import Band


def _distance_words(value: Decimal, best: str | None, unit: str | None = None) -> tuple[str, str]:
    number = format(abs(value).normalize(), "f")
    what = {"high": "最高值", "low": "最低值"}.get(best or "", "平均值")
    what_en = {"high": "the highest", "low": "the lowest"}.get(best or "", "the average")
    if unit == "%" and value != 0:  # a share of the mean: 80% of it, not 20 points below
        share = format((value + 100).normalize(), "f")
        return f"恰好为平均值的{share}%", f"exactly {share}% of the average"
    if value == 0:
        return f"恰好等于{what}", f"exactly at {what_en}"
    side = "低于" if value < 0 else "高于"
    side_en = "below" if value < 0 else "above"
    return f"恰好{side}{what}{number}个百分点", f"exactly {number} points {side_en} {what_en}"


def band_args(band: Band, why: str, value: Decimal) -> dict:
    where, where_en = _distance_words(value, band.best, band.unit)
    texts = {
        "unsaid": (
            f"{where}的单位在不在这一档，原文没有写",
            f"whether a unit {where_en} is in this band is not said",
        ),
        "overlap": (
            f"与前面的一档都包括{where}的单位，它得几分读不准",
            f"this band and an earlier one both hold a unit {where_en}",
        ),
        "open": (
            f"这一档止于{where.removeprefix('恰好')}，再往外的单位得几分原文没有写",
            f"this band ends {where_en.removeprefix('exactly ')}; what units beyond it get is not said",
        ),
        "gap": (
            f"{where}的单位不在任何一档（两边的档都不含这个值）",
            f"a unit {where_en} is in no band (neither side includes the bound)",
        ),
        "cover": (
            "各档给分，但合起来没有包括所有的单位：有的单位得几分原文没有写",
            "the bands earn points but leave some distances from the average in no band",
        ),
        "scale": (
            "各档按平均值的百分之几分档，同一行另一句写的平均值的百分数读不准（是平均值的几成，还是高出、低于平均值几成）",
            "the bands are shares of the mean, and another clause on the line names a percentage "
            "of it that may be a share or a distance",
        ),
        "rest": (
            "“其余” 前面的各档没有说清，或留下的单位不止一段：其余的单位是哪些读不准",
            "the bands before 其余 are unclear, or leave more than one stretch of units: "
            "which units are the rest is unclear",
        ),
        "mixed": (
            "有的档给分、有的档扣分，给分的一档又不是本项的全部分值：扣分从哪里扣起原文没有写",
            "some bands earn and some deduct, and the earning band is not the item's points: "
            "from what the deductions are taken is not said",
        ),
    }
    why_zh, why_en = texts[why]
    if band.unit == "%" and band.best is None:
        example = "【X】达到平均数的得4分；达到平均数80%但低于平均数的得3分；不足平均数80%的得1分"
        return {
            "text": band.text,
            "why": why_zh,
            "why_en": why_en,
            "suggest": "向发文单位确认后写明界上的值归哪一档：达到（含本数）、不足、低于（不含）；"
            f"各档相接，一直到平均值的零成，如 {example}",
            "suggest_en": "ask the issuer, then say which band holds each bound (达到 includes "
            f"it; 不足, 低于 do not) and let the bands meet, e.g. {example}",
        }
    if band.best is not None:
        best = "最高值" if band.best == "high" else "最低值"
        top = "最高" if band.best == "high" else "最低"
        example = (
            f"【X】全市{top}的得4分；与{best}相差3个百分点以内的得3分；"
            f"与{best}相差超过3个百分点的得1分"
        )
        return {
            "text": band.text,
            "why": why_zh.replace("平均值", best),
            "why_en": why_en,
            "suggest": "向发文单位确认后写明界上的值归哪一档：以内、以上、（含N个百分点）含本数，"
            f"不足、超过不含；各档相接，一直到离{best}最远的单位，如 {example}",
            "suggest_en": "ask the issuer, then say which band holds each bound (以内, 以上, "
            "（含N个百分点） include it; 不足, 超过 do not) and let the bands meet, out to the "
            f"units furthest from the {'highest' if band.best == 'high' else 'lowest'}, "
            f"e.g. {example}",
        }
    return {
        "text": band.text,
        "why": why_zh,
        "why_en": why_en,
        "suggest": "向发文单位确认后写明界上的值归哪一档：以内、以上、（含N个百分点）含本数，不足、超过不含；"
        "各档相接，如 【X】达到或高于平均值的得4分；低于平均值3个百分点以内的得3分；低于平均值超过3个百分点的得1分",
        "suggest_en": "ask the issuer, then say which band holds each bound (以内, 以上, （含N个百分点）"
        " include it; 不足, 超过 do not) and let the bands meet, e.g. 【X】达到或高于平均值的得4分；"
        "低于平均值3个百分点以内的得3分；低于平均值超过3个百分点的得1分",
    }
