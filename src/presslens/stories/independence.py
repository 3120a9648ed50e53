"""How many independent sources stand behind a story or an event: copies count once.

A wire story carried by three sites is one source, not three. Two kinds of
dependence are found, never from outlet names alone:

- **Copies** of one text: reprints and near-copies, with a new headline, a
  trimmed last paragraph or a few changed words. Each body becomes a MinHash
  (``datasketch``) of its word 4-shingles; an LSH index proposes pairs and a
  pair is one text when the shared shingles cover half of the shorter text,
  or a quarter when both credit the same agency (two versions of one
  developing wire story)
  (containment, estimated from the MinHash Jaccard and the exact shingle
  counts). Containment rather than Jaccard, because a reprint that keeps
  the first half of a long wire story is still a copy of it. Copies are
  joined transitively (union-find).
- **Origins**: different stories from one agency (two AFP stories) are one
  origin where the article credits it: a dateline ("MOSCOW (AP) —",
  "BEIRUT, Oct 17 (Reuters) -"), a closing credit ("— AFP"), a byline
  ("By Jane Doe | Reuters"), or a publisher field that names the agency
  once the aggregator's "(via …)" is set aside. Agencies and their credit
  forms are data (``resources/wire_agencies.tsv``). An article without a
  credit is its own origin, shared with its copies.

Counts: ``texts`` = distinct copy groups, ``origins`` = distinct origins.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from datasketch import MinHash, MinHashLSH

from presslens.resources import read_tsv
from presslens.stories.records import StoryInput

__all__ = ["Independence", "credited_agency", "independence", "strip_via"]

_SHINGLE = 4
_PERMUTATIONS = 128
_LSH_THRESHOLD = 0.1  # proposes pairs (Jaccard); containment decides
# shared shingles / the shorter text's: 0.80 to 1.0 for reprints, 0.38 for two versions of one
# developing wire story, at most 0.054 between different stories of one event (the three real story
# sets), but up to 0.58 between different propaganda-site articles that quote one long passage or
# share a press-release template (PTC): a copy needs half, a second version of one agency's story a
# quarter with the same credit
_MIN_CONTAINMENT = 0.5
_MIN_CONTAINMENT_SAME_AGENCY = 0.25
_WORD = re.compile(r"\w+")
_VIA = re.compile(r"\s*\((?:via|from)\b[^)]*\)\s*$", re.I)
_CREDIT_WINDOW = 300  # characters at each end of a body where datelines and closing credits sit


@dataclass(frozen=True)
class Independence:
    """Per article: the first article of its copy group, and its origin (an agency or a copy group)."""

    copy_of: dict[str, str]
    origin_of: dict[str, str]

    def text_of(self, article_id: str) -> str:
        """The copy group `article_id` belongs to (its first article; itself when no copy is known)."""
        return self.copy_of.get(article_id, article_id)

    def texts(self, article_ids: Iterable[str]) -> int:
        """How many distinct texts among `article_ids` (copies counted once)."""
        return len({self.text_of(a) for a in article_ids})

    def origins(self, article_ids: Iterable[str]) -> int:
        """How many distinct origins among `article_ids` (one agency's stories counted once)."""
        return len({self.origin_of.get(a, a) for a in article_ids})


def strip_via(outlet: str | None) -> str | None:
    """The publisher without an aggregator's credit: "Reuters (via The Star)" -> "Reuters"."""
    return _VIA.sub("", outlet).strip() or None if outlet else None


@cache
def _agencies() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """credit form (folded) -> agency, and the dateline, closing-credit and byline patterns."""
    forms: dict[str, str] = {}
    for row in read_tsv("wire_agencies.tsv"):
        for form in (row[0], *row[1].split(",")):
            forms[form.strip().casefold()] = row[0]
    # longest first, so "Associated Press" wins over "AP"; matched case-insensitively
    names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # "MOSCOW (AP) —"; the Russian agencies' "МОСКВА, 23 марта. /ТАСС/." and "МОСКВА, 23 мар — РИА Новости."
    dateline = re.compile(
        rf"\((?P<a>{names})\)\s*[-—–]|/(?P<b>{names})/"
        rf"|^[А-ЯЁ][А-ЯЁ -]+,[^\n]{{0,30}}?\s[—–]\s(?P<c>{names})\.",
        re.I,
    )
    closing = re.compile(rf"(?:^|\n)\s*[-—–]\s*(?P<a>{names})\s*$|\((?P<b>{names})\)\s*$", re.I)
    byline = re.compile(rf"\bBy [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{0,3}}\s*[|,/]\s*(?P<a>(?i:{names}))\b")
    return forms, dateline, closing, byline


def credited_agency(text: str, outlet: str | None = None) -> str | None:
    """The agency an article credits in its dateline, closing credit or byline, or its publisher field."""
    forms, dateline, closing, byline = _agencies()
    head, tail = text[:_CREDIT_WINDOW], text[-_CREDIT_WINDOW:]
    for match in (dateline.search(head), byline.search(head), closing.search(tail)):
        if match is not None:
            found = match.group("a") or match.groupdict().get("b") or match.groupdict().get("c")
            if found:
                return forms.get(found.casefold())
    publisher = strip_via(outlet)
    return forms.get(publisher.casefold()) if publisher else None


def _shingles(text: str) -> set[str]:
    words = _WORD.findall(text.casefold())
    if len(words) < _SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def _minhash(shingles: set[str]) -> MinHash:
    mh = MinHash(num_perm=_PERMUTATIONS, seed=1, hashfunc=zlib.crc32)  # a third of sha1's cost
    mh.update_batch([s.encode() for s in shingles])
    return mh


@cache
def _lsh_bands() -> tuple[int, int]:
    """(bands, rows) for the threshold: datasketch integrates for them on every index it builds
    (40 ms, most of a story's copy detection), so they are found once per process."""
    lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=_PERMUTATIONS)
    return lsh.b, lsh.r


def _copy_groups(articles: Sequence[StoryInput], credited: dict[str, str | None]) -> dict[str, str]:
    """article id -> the earliest article of its copy group (itself when no copy)."""
    order = sorted(articles, key=lambda a: (a.published is None, a.published, a.article_id))
    shingles = {a.article_id: _shingles(a.text) for a in order}
    hashes = {aid: _minhash(s) for aid, s in shingles.items() if s}
    lsh = MinHashLSH(num_perm=_PERMUTATIONS, params=_lsh_bands())
    parent = {a.article_id: a.article_id for a in order}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    rank = {a.article_id: k for k, a in enumerate(order)}
    for aid, mh in hashes.items():
        for other in lsh.query(mh):
            jaccard = mh.jaccard(hashes[other])
            a, b = len(shingles[aid]), len(shingles[other])
            shared = jaccard * (a + b) / (1 + jaccard)
            same_agency = credited.get(aid) is not None and credited.get(aid) == credited.get(other)
            if shared / min(a, b) >= (_MIN_CONTAINMENT_SAME_AGENCY if same_agency else _MIN_CONTAINMENT):
                ra, rb = find(aid), find(other)
                if ra != rb:
                    first, second = sorted((ra, rb), key=rank.__getitem__)
                    parent[second] = first
        lsh.insert(aid, mh)
    return {aid: find(aid) for aid in parent}


def independence(articles: Sequence[StoryInput]) -> Independence:
    """Copy groups and origins of `articles` (see the module docstring)."""
    credited = {a.article_id: credited_agency(a.text, a.outlet) for a in articles}
    copy_of = _copy_groups(articles, credited)
    group_agency: dict[str, str] = {}
    for article in articles:  # a reprint often drops the dateline: the group keeps any member's credit
        agency = credited[article.article_id]
        if agency:
            group_agency.setdefault(copy_of[article.article_id], agency)
    origin_of = {}
    for article in articles:
        group = copy_of[article.article_id]
        agency = group_agency.get(group)
        origin_of[article.article_id] = "agency:" + agency if agency else "text:" + group
    return Independence(copy_of, origin_of)
