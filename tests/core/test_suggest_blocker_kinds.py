"""The blocker kinds read only where asked for (session 36, helper s36-cost): ``kinds_of_sides``,
``figurative_kinds``, ``pastime_kinds`` and ``measure_kinds`` run the test of a kind only when the kind is ``wanted``
(the suggester asks for its candidate types' blockers), and tell the same kinds as before for those asked. No
pipeline: the tests not asked for would fail on the ``None`` given for the token if they ran."""

from __future__ import annotations

import pytest

from annotator.suggest import figurative, measures, pastimes, trigger_sides


def _told(monkeypatch: pytest.MonkeyPatch, module: object, name: str, result: bool, ran: list[str]) -> None:
    def test(*_args: object) -> bool:
        ran.append(name)
        return result

    monkeypatch.setattr(module, name, test)


def test_only_the_kinds_wanted_are_tested(monkeypatch):
    ran: list[str] = []
    _told(monkeypatch, trigger_sides, "held_body", True, ran)
    _told(monkeypatch, figurative, "in_game", False, ran)
    _told(monkeypatch, pastimes, "died_of_feeling", True, ran)
    wanted = frozenset({"obj:body", "in:game", "of:feeling", "no such kind"})
    assert trigger_sides.kinds_of_sides(None, None, [], wanted) == {"obj:body", "of:feeling"}
    assert ran == ["held_body", "in_game", "died_of_feeling"]


def test_nothing_wanted_nothing_tested():
    # every test would read the token (None here): none runs
    assert trigger_sides.kinds_of_sides(None, None, [("subj", None)], frozenset()) == frozenset()
    assert figurative.figurative_kinds(None, [("obj", None)], frozenset()) == frozenset()
    assert pastimes.pastime_kinds(None, [], frozenset()) == frozenset()
    assert measures.measure_kinds(None, None, frozenset()) == frozenset()


def test_a_measure_wanted_alone(monkeypatch):
    ran: list[str] = []
    _told(monkeypatch, measures, "is_figure", True, ran)
    _told(monkeypatch, measures, "is_distance", True, ran)
    # the money kinds are not wanted: what the trigger gives is not read (the span, None, would fail)
    assert measures.measure_kinds(None, None, frozenset({"figure"})) == {"figure"}
    assert ran == ["is_figure"]


def test_every_kind_when_none_is_named(monkeypatch):
    ran: list[str] = []
    _told(monkeypatch, measures, "is_figure", False, ran)
    _told(monkeypatch, measures, "is_distance", True, ran)
    monkeypatch.setattr(measures, "money_kinds", lambda head, span: frozenset({"money:rate"}))
    assert measures.measure_kinds(None, None) == {"distance", "money:rate"}
    assert ran == ["is_distance", "is_figure"]
