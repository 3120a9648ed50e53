"""Report confidence: a named actor and an own date raise it, hedging lowers it, within bounds."""

from __future__ import annotations

from presslens.confidence import CEILING, FLOOR, is_named, report_confidence
from presslens.models import Mention


def test_each_feature_moves_confidence_the_way_the_data_file_says() -> None:
    plain = report_confidence(named_actor=False, own_date=False, hedged=False)
    assert report_confidence(named_actor=True, own_date=False, hedged=False) > plain
    assert report_confidence(named_actor=False, own_date=True, hedged=False) > plain
    assert report_confidence(named_actor=False, own_date=False, hedged=True) < plain
    for named in (True, False):
        for dated in (True, False):
            for hedged in (True, False):
                assert FLOOR <= report_confidence(named_actor=named, own_date=dated, hedged=hedged) <= CEILING


def test_a_named_party_is_linked_or_written_as_a_name() -> None:
    assert is_named(Mention(text="the ministry", canonical="Ministry of Defence"))
    assert is_named(Mention(text="Kyiv"))
    assert not is_named(Mention(text="gunmen")) and not is_named(None)
