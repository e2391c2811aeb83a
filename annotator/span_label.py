"""The label of a span a person makes for a role (a role key on words that are no span, a noun of the sentence the
role keys offer, Find's bar): one owner of that choice, from the span's own evidence before the role's first label
(session 33: "Central Anti-Corruption Bureau" made PERSON, an Agent's first label). In order:

1. the label the same words carry elsewhere in the document ("Putin" as PERSON);
2. that of a span sharing its last word, the same name with more or fewer words ("Court of Appeal" of the ORG "the
   Court of Appeal"; "Central Anti-Corruption Bureau" around the pipeline's ORG "Anti-Corruption Bureau");
3. that of a name the words' noun repeats ("the court" of "the Warsaw Regional Court": ``name_heads``);
4. TIME for words of a part of a day or the clock (``time_spans.tells_time_of_day``);
5. the class of its words when the role takes it (``suggest.noun_classes.guess_label_of_name``: a name ending
   "Bureau" or "Ministry of ..." an ORG, "team" an ORG, "market" a FAC, "officials" PERSON);
6. else the role's first label.

A label the role does not take is never given."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Iterable, Sequence

from annotator.model import Entity
from annotator.name_heads import label_of_named_head
from annotator.pipeline_names import SPACY_KINDS, LabelKinds
from annotator.rules import takes
from annotator.suggest.noun_classes import guess_label_of_name
from annotator.suggest.time_spans import tells_time_of_day

if TYPE_CHECKING:  # pragma: no cover
    from annotator.schema import Role

_WORD = re.compile(r"\w+")


def label_elsewhere(entities: Iterable[Entity], text: str, span: tuple[int, int], labels: Sequence[str]) -> str | None:
    """Of ``labels``, the one the words of ``span`` carry most often in the document (not rejected), if any."""
    words = text[span[0] : span[1]]
    seen = Counter(
        e.label for e in entities if e.state != "rejected" and e.label in labels and text[e.start : e.end] == words
    )
    return seen.most_common(1)[0][0] if seen else None


def label_of_same_name(entities: Iterable[Entity], span: tuple[int, int], labels: Sequence[str]) -> str | None:
    """Of ``labels``, that of the nearest in length of the spans (not rejected) that end where ``span`` ends and start
    elsewhere: first the shortest that starts before it, else the longest that starts inside it ("Warsaw" of "the
    Warsaw Regional Court" ends elsewhere: a name of its own)."""
    same_end = [e for e in entities if e.state != "rejected" and e.end == span[1] and e.start != span[0]]
    longer = sorted((e for e in same_end if e.start < span[0] and e.label in labels), key=lambda e: e.end - e.start)
    shorter = sorted((e for e in same_end if e.start > span[0] and e.label in labels), key=lambda e: e.start)
    fit = longer or shorter
    return fit[0].label if fit else None


def label_of_words(text: str, span: tuple[int, int], labels: Sequence[str]) -> str | None:
    """Of ``labels``, the one the class of the words of ``span`` says (``guess_label_of_name``); None when the words
    have no class or the role does not take it (a market is no GPE: the class's near labels are not guessed)."""
    guess = guess_label_of_name(_WORD.findall(text[span[0] : span[1]]))
    return guess if guess in labels else None


def label_for_span(
    entities: Iterable[Entity],
    text: str,
    span: tuple[int, int],
    labels: Sequence[str],
    kinds: LabelKinds = SPACY_KINDS,
) -> str:
    """The label a role's new span on ``span`` gets, of the role's ``labels`` (the module's order)."""
    ents = list(entities)
    found = label_elsewhere(ents, text, span, labels) or label_of_same_name(ents, span, labels)
    found = found or label_of_named_head(ents, text, span, labels)  # "the court" of "the Warsaw Regional Court"
    if found is None and kinds.clock in labels and tells_time_of_day(text[span[0] : span[1]]):
        found = kinds.clock  # "Saturday morning", "about 10:30 a.m.": a part of a day or the clock (Time: DATE first)
    return found or label_of_words(text, span, labels) or labels[0]


def key_fill_label(entities: Iterable[Entity], text: str, ent: Entity, role: Role) -> str | None:
    """The label a role key puts ``ent`` into ``role`` with: its own when the role takes it; an undecided
    suggestion's new one when the choice is clear (``label_to_fill``); None when the key refuses it (a label key
    first). The role keys' (``ui.role_filling``) and what an empty role's row says of the span selected (session 43:
    "— selected: First Lieute…" stood in the rows of Crime, Time and Place, which refuse an ORG)."""
    if takes(role, ent.label):
        return ent.label
    return label_to_fill(entities, text, ent, role.labels) if ent.state == "suggested" else None


def label_to_fill(entities: Iterable[Entity], text: str, suggestion: Entity, labels: Sequence[str]) -> str | None:
    """The label a role key gives an undecided suggestion of a label the role does not take, when the choice is
    clear: the role's only label ("500,000 zlotys", a QUANTITY, as the MONEY of Justice:Fine), else the one of the
    role's labels the same words carry elsewhere in the document; None when it is not (which one is the person's
    to say: a label key)."""
    if len(labels) == 1:
        return labels[0]
    return label_elsewhere(entities, text, (suggestion.start, suggestion.end), labels)
