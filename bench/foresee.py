"""What holding the edits kept while another program writes as made costs (round 15, session 23): ``HeldDocument.
foresee`` replays every kept edit, in order, over the rows held (``annotator.foreseen.replay``) at each change of
what is kept, and finds what changed. The limit in the same run: one copy of the held rows (``dict(entities)``,
``dict(events)``), which any look at every row costs. Also the open's look for a network share
(``filesystems.network_share``: the system's table of mounts read), against the limit of one ``os.stat`` of the
project and one ``open``/``read`` of a file as long as the table. ``--roles N`` adds N kept edits of events' roles
(round 16, s24-qab), one of each kind in turn: a role filled, a filler put in place of another, one moved to another
role, one taken out with its filler undecided, a role emptied, a new span and a relabelled suggestion put in a role.

Prints the CPU time per call (best of ``--repeats``, each ``--tries`` calls) and the load; asserts nothing.
Run: .venv/bin/python bench/foresee.py [--spans N] [--kept N] [--roles N] [--tries N] [--repeats N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from cpu_timing import cpu_per_call

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from annotator.filesystems import MOUNTS, network_share
    from annotator.foreseen import Foreseen
    from annotator.stand_ins import STAND_IN_SPANS
    from annotator.held import HeldDocument
    from annotator.model import Argument, Entity, Event

    ap = argparse.ArgumentParser()
    ap.add_argument("--spans", type=int, default=8000)
    ap.add_argument("--kept", type=int, default=50)
    ap.add_argument("--roles", type=int, default=0)
    ap.add_argument("--tries", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=5)
    a = ap.parse_args()
    held = HeldDocument()
    held.entities = {
        i: Entity(i, 1, 10 * i, 10 * i + 5, "PERSON", "suggested", "spacy:x@1", None) for i in range(1, a.spans + 1)
    }
    events = {}
    for i in range(1, a.spans // 16 + 1):  # an event every 16 spans, two arguments each
        args = (Argument(2 * i, i, "Agent", 16 * i - 1), Argument(2 * i + 1, i, "Place", 16 * i))
        events[i] = Event(i, 1, "Conflict:Attack", 160 * i + 6, 160 * i + 9, {}, None, args, state="suggested")
        held.args.update({x.id: x for x in args})
    held.events = events
    held.entity_tally.reset(held.entities.values())
    held.event_tally.reset(held.events.values())
    kept: list[Foreseen] = []
    for k in range(a.kept):  # decisions, resizes and relabels of spans, and accepts of events, alternately
        i = 1 + (37 * k) % a.spans
        shown = held.entities[i]
        kept.append(Foreseen("entities", i, {"state": "accepted"}, shown))
        if k % 3 == 0:
            ev = held.events[1 + k % len(events)]
            kept.append(Foreseen("events", ev.id, {"state": "accepted"}, ev))
    kept += role_edits(a.roles, len(events), STAND_IN_SPANS)
    held.foresee(kept)  # made once: each later call replays over rows held made already, as the window does
    replay = cpu_per_call(lambda: held.foresee(list(kept)), a.tries, a.repeats)
    limit = cpu_per_call(lambda: (dict(held.entities), dict(held.events)), a.tries, a.repeats)
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "p.annotator"
        project.write_bytes(b"")
        size = len(Path(MOUNTS).read_bytes()) if Path(MOUNTS).exists() else 0
        same = Path(folder) / "table"
        same.write_bytes(b"x" * size)
        share = cpu_per_call(lambda: network_share(project), a.tries * 5, a.repeats)

        def bare() -> None:
            os.stat(project)
            with open(same, "rb") as fh:
                fh.read()

        share_limit = cpu_per_call(bare, a.tries * 5, a.repeats)
    print(
        f"spans {a.spans}, events {len(events)}, kept edits {len(kept)} ({a.roles} of roles); load {os.getloadavg()[0]:.1f}"
    )
    print(f"foresee (replay + what changed): {replay * 1e3:.3f} ms; limit (the rows copied once): {limit * 1e3:.3f} ms")
    print(
        f"network share look ({size} bytes of mounts): {share * 1e6:.1f} µs; limit (stat + read): {share_limit * 1e6:.1f} µs"
    )


def role_edits(n: int, events: int, stand_in: int) -> list:
    """``n`` kept edits of the roles of events 1..``events`` (each its own event), the kinds in turn."""
    from annotator.foreseen import Foreseen

    made = []
    for k in range(n):
        ev = 1 + k % events
        agent, place = 2 * ev, 2 * ev + 1  # its two arguments (Agent 16 * ev - 1, Place 16 * ev)
        other = 16 * ev - 5  # a span of its stretch in no role
        kind = k % 7
        if kind == 0:
            made.append(Foreseen("arguments", -1 - k, {"event_id": ev, "role": "Target", "entity_id": other}))
        elif kind == 1:
            made.append(Foreseen("arguments", agent, {"entity_id": other, "undecide": (16 * ev - 1,)}))
        elif kind == 2:
            made.append(Foreseen("arguments", agent, {"role": "Target", "drop": (), "undecide": ()}))
        elif kind == 3:
            made.append(Foreseen("arguments", place, {"drop": (place,), "undecide": (16 * ev,)}))
        elif kind == 4:
            made.append(Foreseen("arguments", -1 - k, {"event_id": ev, "clear": "Agent", "undecide": ()}))
        elif kind == 5:
            span = {"entity_id": stand_in + k, "span": (160 * ev + 20, 160 * ev + 25, "ORG")}
            made.append(Foreseen("arguments", -1 - k, {"event_id": ev, "role": "Target", **span}))
        else:
            made.append(
                Foreseen("arguments", -1 - k, {"event_id": ev, "role": "Target", "entity_id": other, "label": "ORG"})
            )
    return made


if __name__ == "__main__":
    main()
