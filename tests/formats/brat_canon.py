"""An independent reading of brat .ann files for the tests: annotations with ids resolved away."""

from __future__ import annotations

from pathlib import Path


def canon(ann: str) -> dict[str, set]:
    ts, es, attrs, notes = {}, {}, [], []
    for line in ann.splitlines():
        if not line.strip():
            continue
        aid, rest = line.split("\t", 1)
        if aid[0] == "T":
            head, text = rest.split("\t")
            typ, offs = head.split(" ", 1)
            ts[aid] = (typ, offs, text)
        elif aid[0] == "E":
            parts = rest.split()
            es[aid] = (parts[0].split(":"), [p.split(":") for p in parts[1:]])
        elif aid[0] == "A":
            attrs.append(rest.split())
        elif aid[0] == "#":
            head, text = rest.split("\t")
            notes.append((head.split()[1], text))

    def ev(eid: str):
        (typ, trig), args = es[eid]
        return (typ, ts[trig][1], tuple(sorted((role, ref_(ref)) for role, ref in args)))

    def ref_(ref: str):
        return ev(ref) if ref.startswith("E") else ts[ref]

    triggers = {es[e][0][1] for e in es}
    return {
        "entities": {v for k, v in ts.items() if k not in triggers},
        "triggers": {ts[t] for t in triggers},
        "events": {ev(e) for e in es},
        "attributes": {(a[0], ev(a[1]), tuple(a[2:])) for a in attrs},
        "notes": {(ref_(t), text) for t, text in notes},
    }


def canon_folder(folder: Path) -> dict[str, dict[str, set]]:
    return {p.stem: canon(p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.ann"))}
