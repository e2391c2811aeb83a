"""An independent reading of brat .ann files for the tests: annotations with ids resolved away."""

from __future__ import annotations

from pathlib import Path


def canon(ann: str) -> dict[str, set]:
    ts, es, attrs, notes, rels, equivs, norms = {}, {}, [], [], {}, [], []
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
            rels[aid] = (parts[0], [p.split(":") for p in parts[1:]])
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

    def rel(rid: str):
        typ, args = rels[rid]
        return (typ, tuple(sorted((role, ref_(t)) for role, t in args)))

    def ref_(ref: str):
        return ev(ref) if ref in es else rel(ref) if ref in rels else ts[ref]

    triggers = {es[e][0][1] for e in es}
    return {
        "entities": {v for k, v in ts.items() if k not in triggers},
        "triggers": {ts[t] for t in triggers},
        "events": {ev(e) for e in es},
        "attributes": {(a[0], ref_(a[1]), tuple(a[2:])) for a in attrs},
        "notes": {(typ, ref_(t), text) for typ, t, text in notes},
        "relations": {rel(r) for r in rels},
        "equivalences": {(typ, tuple(sorted(ref_(t) for t in members))) for typ, members in equivs},
        "normalizations": {(typ, ref_(t), ref, text) for typ, t, ref, text in norms},
    }


def canon_folder(folder: Path) -> dict[str, dict[str, set]]:
    """Annotations of every non-empty .ann file, by document name."""
    return {
        p.name[:-4]: canon(p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.ann")) if p.stat().st_size
    }


def brat_reader_errors(ann: str, text_bytes: bytes) -> list[str]:
    """What brat's own reader (server/src/annotation.py) would refuse in an .ann, written here from its rules:
    ids, no duplicate ids, fragments inside the text, in order and not touching, the T text equal to the
    fragments joined by a space in the text read with universal newlines, each E trigger a T of its type,
    no reference to an undefined id, no annotation other than an event (or a relation) on a trigger."""
    import re

    id_form = re.compile(r"^([A-Za-z]+|#[A-Za-z]*)([0-9]+)(.*?)$")
    text = text_bytes.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    errors: list[str] = []
    ids: set[str] = set()
    kinds: dict[str, tuple[str, str]] = {}
    triggers: dict[str, tuple[str, str]] = {}
    refs: list[tuple[str, str, bool]] = []
    for n, line in enumerate(ann.splitlines(), 1):
        aid, tab, tail = line.partition("\t")
        if not tab or not (aid == "*" or id_form.match(aid)):
            errors.append(f"{n}: no id")
            continue
        if aid in ids and aid != "*":
            errors.append(f"{n}: duplicate id {aid}")
        ids.add(aid)
        data, _, rest = tail.partition("\t")
        kind = aid[0]
        if kind == "T":
            typ, spans = data.split(" ", 1)
            frags = [tuple(map(int, p.split(" "))) for p in spans.split(";")]
            for i, (s, e) in enumerate(frags):
                if s > e or s < 0 or e > len(text):
                    errors.append(f"{n}: fragment outside the text")
                if any(e >= s2 and s < e2 for s2, e2 in frags[:i]):
                    errors.append(f"{n}: fragments overlap or touch")
            expected = " ".join(text[s:e] for s, e in frags)
            if rest[: len(expected)] != expected:
                errors.append(f"{n}: text {rest!r} is not {expected!r}")
            kinds[aid] = ("T", typ)
        elif kind == "E":
            parts = data.split()
            typ, trig = parts[0].split(":")
            triggers[aid] = (trig, typ)
            refs += [(aid, p.split(":")[1], True) for p in parts[1:]]
        elif kind in "AM#N":
            refs.append((aid, data.split()[1], False))
        elif kind == "R":
            refs += [(aid, p.split(":")[1], True) for p in data.split()[1:]]
        elif kind == "*":
            refs += [(aid, t, False) for t in data.split()[1:]]
    used_as_trigger = set()
    for eid, (trig, typ) in triggers.items():
        if kinds.get(trig) != ("T", typ):
            errors.append(f"{eid}: trigger {trig} is not a T of type {typ}")
        used_as_trigger.add(trig)
    for src, ref, may_touch_trigger in refs:
        if ref not in ids:
            errors.append(f"{src}: {ref} is not defined")
        elif ref in used_as_trigger and not may_touch_trigger:
            errors.append(f"{src}: refers to the trigger {ref}")
    return errors
