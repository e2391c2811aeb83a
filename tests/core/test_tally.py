"""Tally: states and labels kept edit by edit equal a count from scratch."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

from annotator.model import Entity
from annotator.tally import Tally

STATES = ("suggested", "accepted", "rejected", "added")


def _entity(i: int, label: str, state: str) -> Entity:
    return Entity(i, 1, i * 10, i * 10 + 5, label, state, "test", None)


def test_a_tally_kept_up_by_updates_equals_one_counted_from_scratch():
    rnd = random.Random(7)
    items = {i: _entity(i, rnd.choice("ABC"), rnd.choice(STATES)) for i in range(50)}
    tally = Tally(items.values())
    for step in range(500):
        i = rnd.randrange(60)
        old = items.get(i)
        if old is not None and rnd.random() < 0.2:
            new = None
            del items[i]
        elif old is None:
            new = items[i] = _entity(i, rnd.choice("ABC"), rnd.choice(STATES))
        else:
            new = items[i] = replace(old, label=rnd.choice("ABC"), state=rnd.choice(STATES))
        tally.update(old, new)
        for s in STATES:
            assert tally.ids(s) == {x.id for x in items.values() if x.state == s}, step
        assert tally.kinds == Counter(x.label for x in items.values() if x.state != "rejected")
        assert tally.not_rejected() == sum(x.state != "rejected" for x in items.values())
