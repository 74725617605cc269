"""Name normalisation: the key two surface forms share when they name the same thing.

"Alibaba-W", "Alibaba Group Holding Ltd." and "Alibaba's" all key to "alibaba"; the
suffixes are corporate forms and share-class markers, not part of the name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from capexgraph.schema import EntityType

# Corporate forms and share classes (Hong Kong's "-W" below; depositary receipts here),
# removed from the end of a name.
_SUFFIXES = (
    "incorporated", "inc", "corporation", "corp", "company", "co", "limited", "ltd", "plc",
    "holdings", "holding", "group", "llc", "lp", "pbc", "ag", "se", "sa", "nv", "n.v", "s.a",
    "co ltd", "technologies", "technology", "adr", "adrs", "ads",
)
_SHARE_CLASS = re.compile(r"\s*-\s*(?:sw|w|s|b|h)\s*$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)\s*$")
_TRAILING = re.compile(
    r"(?:[\s,]+(?:" + "|".join(re.escape(s) for s in _SUFFIXES) + r")\.?)+\s*$", re.IGNORECASE
)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# a person's honorifics are no part of the name: "Sheikh Tahnoon bin Zayed"
_HONORIFICS = re.compile(r"^(?:(?:sheikh|mr|mrs|ms|dr|sir|crown\s+prince|prince)\.?\s+)+",
                         re.IGNORECASE)
_NON_WORD = re.compile(r"[^0-9a-z\u4e00-\u9fff]+")

_TYPE_BY_LAST_WORD: dict[str, EntityType] = {
    "etf": "Fund", "fund": "Fund", "trust": "Fund", "index": "Index",
    **{w: "Company" for w in (
        "robotics systems semiconductor semiconductors networks labs computing electronics "
        "energy capital partners ventures cloud software microsystems devices technology "
        "technologies holdings group corporation inc corp ltd limited plc llc tech "
        "optics optical photonics").split()},
}


_CORPORATE_FORM = re.compile(
    r"[\s,]+(?:inc|incorporated|corp|corporation|ltd|limited|plc|llc|ag|se|s\.a|n\.v|"
    r"co\.,? ltd)\.?$", re.IGNORECASE)


def is_legal_name(line: str) -> bool:
    """Whether a line is a company's legal name and nothing else, as a filing's signature
    block ends it: "Marvell Technology, Inc.", "Kestrel Compute Holdings Limited"."""
    form = _CORPORATE_FORM.search(line.strip())
    words = line.strip()[:form.start()].split() if form else []
    return 0 < len(words) <= 5 and all(w[:1].isupper() or w[:1].isdigit() or w == "&"
                                       for w in words)


def clean_surface(text: str) -> str:
    """The name as written, without possessive, share class and surrounding punctuation."""
    text = unicodedata.normalize("NFKC", text).strip(" \t\n,;:()[]\"“”")
    text = _POSSESSIVE.sub("", text)
    text = _SHARE_CLASS.sub("", text)
    return text.strip()


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The comparison key of a name: lowercase, no corporate suffix, no punctuation."""
    text = clean_surface(text)
    text = _HONORIFICS.sub("", text)  # (it leaves the name's last word: "\s+" follows each)
    for pattern in (_TRAILING, _LEADING_THE):  # each only when something is left ("The Inc."
        stripped = pattern.sub("", text)  # keys as "The" does)
        if stripped.strip():
            text = stripped
    return _NON_WORD.sub(" ", text.lower()).strip()


def written_key(text: str) -> str:
    """A name as written, for exact comparison: lowercase, no punctuation, its corporate
    form kept ("SoftBank Corp" is not "SoftBank")."""
    return _NON_WORD.sub(" ", clean_surface(text).lower()).strip()


def slugify(text: str) -> str:
    """A stable id from a name: lowercase ASCII words joined by dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if slug:
        return slug
    codes = "-".join(f"{ord(c):x}" for c in text if not c.isspace())[:60].strip("-")
    return "x-" + (codes or "0")


def infer_type(name: str) -> EntityType | None:
    """Type from the head word of a name: "... ETF" is a Fund, "... Index" an Index."""
    words = clean_surface(name).lower().replace(".", "").split()
    return _TYPE_BY_LAST_WORD.get(words[-1]) if words else None
