"""An independent reading of brat .ann files for the tests: annotations with ids resolved away."""

from __future__ import annotations

from pathlib import Path


def canon(ann: str) -> dict[str, set]:
    ts, es, attrs, notes, rels, equivs, norms = {}, {}, [], [], [], [], []
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
        elif aid[0] in "AM":
            attrs.append(rest.split())
        elif aid[0] == "#":
            head, text = rest.split("\t")
            notes.append((head.split()[0], head.split()[1], text))
        elif aid[0] == "R":
            parts = rest.split("\t")[0].split()
            rels.append((parts[0], [p.split(":") for p in parts[1:]]))
        elif aid[0] == "*":
            parts = rest.split()
            equivs.append((parts[0], parts[1:]))
        elif aid[0] == "N":
            head, _, text = rest.partition("\t")
            parts = head.split()
            norms.append((parts[0], parts[1], " ".join(parts[2:]), text))

    def ev(eid: str):
        (typ, trig), args = es[eid]
        return (typ, ts[trig][1], tuple(sorted((role, ref_(ref)) for role, ref in args)))

    def ref_(ref: str):
        return ev(ref) if ref in es else ts[ref]

    triggers = {es[e][0][1] for e in es}
    return {
        "entities": {v for k, v in ts.items() if k not in triggers},
        "triggers": {ts[t] for t in triggers},
        "events": {ev(e) for e in es},
        "attributes": {(a[0], ref_(a[1]), tuple(a[2:])) for a in attrs},
        "notes": {(typ, ref_(t), text) for typ, t, text in notes},
        "relations": {(typ, tuple(sorted((role, ref_(t)) for role, t in args))) for typ, args in rels},
        "equivalences": {(typ, tuple(sorted(ref_(t) for t in members))) for typ, members in equivs},
        "normalizations": {(typ, ref_(t), ref, text) for typ, t, ref, text in norms},
    }


def canon_folder(folder: Path) -> dict[str, dict[str, set]]:
    """Annotations of every non-empty .ann file, by document name."""
    return {p.name[:-4]: canon(p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.ann")) if p.stat().st_size}
