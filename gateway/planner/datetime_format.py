"""PostgreSQL's date/time formatting templates (to_char, to_timestamp, to_date), cut into nodes.

A port of formatting.c's parse_format for the DCH templates: at each place the
longest keyword of its table wins (``HH24`` before ``HH``), matched with its case
(``Day``, ``DAY`` and ``day`` are three keywords, ``Hh`` none); ``FM`` and ``TM``
before a keyword (one of them) and one of ``TH``, ``th`` or ``SP`` after it modify it; text in
double quotes, and a ``"`` after a backslash, is copied; anything else is copied
as it is.

>>> [(n.keyword, n.fill, n.suffix) if n.keyword else n.text for n in parse_format('FMDDth "of" Month')]
[('DD', False, 'th'), ' of ', ('Month', True, None)]
"""

from __future__ import annotations

from dataclasses import dataclass

# formatting.c's DCH_keywords, by the order it tries them (longest first for a prefix).
KEYWORDS = [
    "A.D.", "A.M.", "AD", "AM", "B.C.", "BC", "CC", "DAY", "DDD", "DD", "DY", "Day", "Dy", "D",
    "FF1", "FF2", "FF3", "FF4", "FF5", "FF6", "FX", "HH24", "HH12", "HH", "IDDD", "ID", "IW", "IYYY", "IYY",
    "IY", "I", "J", "MI", "MM", "MONTH", "MON", "MS", "Month", "Mon", "OF", "P.M.", "PM", "Q", "RM",
    "SSSSS", "SSSS", "SS", "TZH", "TZM", "TZ", "US", "WW", "W", "Y,YYY", "YYYY", "YYY", "YY", "Y",
    "a.d.", "a.m.", "ad", "am", "b.c.", "bc", "cc", "day", "ddd", "dd", "dy", "d", "ff1", "ff2", "ff3",
    "ff4", "ff5", "ff6", "fx", "hh24", "hh12", "hh", "iddd", "id", "iw", "iyyy", "iyy", "iy", "i", "j",
    "mi", "mm", "month", "mon", "ms", "of", "p.m.", "pm", "q", "rm", "sssss", "ssss", "ss", "tzh", "tzm",
    "tz", "us", "ww", "w", "y,yyy", "yyyy", "yyy", "yy", "y",
]
_BY_PREFIX: dict[str, list[str]] = {}
for _keyword in KEYWORDS:
    _BY_PREFIX.setdefault(_keyword[0], []).append(_keyword)
_PREFIXES = ("FM", "fm", "TM", "tm")
_SUFFIXES = ("TH", "th", "SP", "sp")


@dataclass
class FormatNode:
    text: str = ""  # literal text (when keyword is None)
    keyword: str | None = None  # as written: "Day", "DAY", "hh24"
    fill: bool = True  # False with FM (fill mode off: no padding)
    translate: bool = False  # TM: names not padded
    suffix: str | None = None  # "TH", "th" (ordinal) or "SP" (ignored)


def parse_format(template: str) -> list[FormatNode]:
    nodes: list[FormatNode] = []
    i = 0
    while i < len(template):
        fill, translate = True, False
        if template[i:i + 2] in _PREFIXES:  # one prefix, dropped even when no keyword follows
            fill, translate = template[i:i + 2].upper() != "FM", template[i:i + 2].upper() == "TM"
            i += 2
            if i >= len(template):
                break
        keyword = _keyword_at(template, i)
        if keyword is not None:
            i += len(keyword)
            suffix = template[i:i + 2] if template[i:i + 2] in _SUFFIXES else None
            i += len(suffix or "")
            nodes.append(FormatNode(keyword=keyword, fill=fill, translate=translate, suffix=suffix))
            continue
        if template[i] == '"':
            end = i + 1
            text = []
            while end < len(template) and template[end] != '"':
                if template[end] == "\\" and end + 1 < len(template):
                    end += 1
                text.append(template[end])
                end += 1
            nodes.append(FormatNode(text="".join(text)))
            i = end + 1
        elif template.startswith('\\"', i):
            nodes.append(FormatNode(text='"'))
            i += 2
        else:
            nodes.append(FormatNode(text=template[i]))
            i += 1
    return _merged(nodes)


def _keyword_at(template: str, i: int) -> str | None:
    for keyword in _BY_PREFIX.get(template[i:i + 1], ()):
        if template.startswith(keyword, i):
            return keyword
    return None


def _merged(nodes: list[FormatNode]) -> list[FormatNode]:
    """Runs of literal text as one node each."""
    out: list[FormatNode] = []
    for node in nodes:
        if node.keyword is None and out and out[-1].keyword is None:
            out[-1].text += node.text
        else:
            out.append(node)
    return out
