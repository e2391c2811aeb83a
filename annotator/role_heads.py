"""The noun heads a role key offers after the trigger's sentence's entity spans (docs/keyboard.md, round 26b): the
parse's heads that pre-annotation with events stores (``nlp.noun_heads``, ``tokens.noun_heads``), those still free,
and their place among the role's candidates (``keyflow.role_candidates``' order)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

from annotator.role_slots import role_slots
from annotator.suggest.noun_classes import guess_label_of_word, label_taken

if TYPE_CHECKING:
    from annotator.store import Project
    from annotator.pipeline_names import LabelKinds
    from annotator.schema import Role

Candidate = TypeVar("Candidate")
BESIDE_WORDS = 3  # at most this many words between the trigger and a noun of the role's kind put first
BESIDE_BREAKS = ",;:()"  # a mark between them: another clause or an aside, not the trigger's own noun
PASSIVE_BE = frozenset({"was", "were", "been", "being", "is", "are", "be", "got", "get", "gets"})  # "… were arrested"


def heads_offered(
    heads: Sequence[tuple[int, int]],
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    spans: Iterable[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The stored noun heads (``nlp.noun_heads``) a role key offers after the sentence's entity spans: those of the
    trigger's ``sentence`` that overlap no span of ``spans`` (the document's, rejected ones aside) nor the trigger,
    nearest the trigger first. ``bench/noun_role_keys.py`` measured the place: among the entities by distance the
    entity arguments lost more keys than the heads saved."""
    near = [
        h
        for h in heads
        if sentence[0] <= h[0] and h[1] <= sentence[1] and not (h[0] < trigger[1] and trigger[0] < h[1])
    ]
    if not near:
        return []
    taken = list(spans)
    free = [h for h in near if not any(s < h[1] and h[0] < e for s, e in taken)]
    return sorted(free, key=lambda h: (abs(h[0] - trigger[0]), h[0]))


def heads_place(cands: Sequence[tuple[int, int]], sentence: tuple[int, int]) -> int:
    """Where the heads go among a role's candidates (their spans, ``role_candidates``' order): before the first one
    outside the trigger's ``sentence``."""
    return next((i for i, c in enumerate(cands) if not (sentence[0] <= c[0] and c[1] <= sentence[1])), len(cands))


def takes_nouns(labels: Iterable[str], kinds: "LabelKinds") -> bool:
    """Whether a role of ``labels`` is offered the sentence's noun heads: not one whose every label is a time or an
    amount (a date, a sum, a count is a name the pipeline spans, never a common noun: Time's key offered
    "engagement", made a DATE)."""
    return any(label not in kinds.times and label not in kinds.amounts for label in labels)


def heads_of_kind(
    heads: Sequence[tuple[int, int]], text: str, labels: Collection[str], unknown: bool = False
) -> list[tuple[int, int]]:
    """Of ``heads`` (spans of ``text``, ``heads_offered``' order kept), the nouns of a kind a role of ``labels`` takes,
    as the word classes say (``noun_classes.guess_label_of_word``: "officials" a PERSON, "team" an ORG, "market" a
    FAC) with the labels the rule suggester lets such a noun take (``alternative_labels``: a body of people fills a
    role for people, "team" an Artifact; a place's kinds one another's in a role of places alone, as
    ``event_args.fill_roles`` reads them): a noun of a kind the role does not take ("market" for an Attacker) or of
    none known ("deal", "step": made an ORG in Org) is not offered (``unknown``: those of none known are)."""
    kinds = [guess_label_of_word(text[h[0] : h[1]]) for h in heads]
    return [h for h, kind in zip(heads, kinds) if (unknown if kind is None else label_taken(kind, labels) is not None)]


def heads_for_role(
    heads: Sequence[tuple[int, int]], text: str, labels: Collection[str]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Of ``heads`` (``heads_offered``' order kept), (those of a kind a role of ``labels`` takes: ``heads_of_kind``,
    those of no kind known): what a role key's cycle offers after the sentence's entities, in that order, a noun of a
    kind the role does not take left out. Session 34 (s34-keys): the nouns of no kind known offered last, said so
    (``of_no_known_kind``), where ``heads_of_kind`` left them out: ``bench/noun_role_keys.py --stored`` half A 1,604
    -> 1,585 keys, B 1,578 -> 1,526, the seeds 99."""
    unknown = [h for h in heads if guess_label_of_word(text[h[0] : h[1]]) is None]
    return heads_of_kind(heads, text, labels), unknown


def of_no_known_kind(text: str, head: tuple[int, int]) -> bool:
    """Whether a noun head is of no kind the word classes know (``heads_for_role``: offered after those of a kind
    the role takes, said so where the key puts it)."""
    return guess_label_of_word(text[head[0] : head[1]]) is None


def head_beside(
    heads: Sequence[tuple[int, int]], text: str, trigger: tuple[int, int], lean: int = 0
) -> tuple[int, int] | None:
    """Of ``heads`` (a role's nouns of its kind: ``heads_for_role``' first list), the nearest the trigger with at most
    ``BESIDE_WORDS`` words and no mark of ``BESIDE_BREAKS`` between them ("police arrest", "militants attacked",
    "killing three civilians"): the noun the role key offers first, before the sentence's entities (session 39);
    ``lean`` (``noun_side``): -1 before the trigger only, 1 after it only. A passive turns the sides (session 40): the
    noun of a "by" phrase after the trigger is the subject's ("captured by Islamic State militants", "death … by a
    white police officer"), first for a subject's role, never an object's; a noun before "was", "were", "been" … and
    the trigger is the object's ("protesters were arrested"). After the trigger a noun followed by another of the
    role's kind is passed for that one, its phrase's head ("attacked army bases": "bases"; ``nlp.noun_heads`` stores
    "army" too, naming the kind of the next)."""
    close, by_phrase = [], []
    starts = {h[0] for h in heads}
    for h in heads:
        if trigger[1] <= h[0] and text[h[1] : h[1] + 1] == " " and h[1] + 1 in starts:
            continue  # "attacked army bases": the noun after "army" is its phrase's head (compounds stored: session 40)

        if h[1] <= trigger[0]:
            between, side = text[h[1] : trigger[0]], -1
            last = between.split()[-1:]
            if last and last[0].lower() in PASSIVE_BE and not text[trigger[0] : trigger[1]].endswith("ing"):
                side = 1  # "protesters were arrested": the object, told first ("police are investigating": no)
        elif trigger[1] <= h[0]:
            between, side = text[trigger[1] : h[0]], 1
            if between.split()[:1] and between.split()[0].lower() == "by":
                side = -1  # "arrested by police": the subject, told in a "by" phrase
                if len(between.split()) <= BESIDE_WORDS + 1 and not any(m in between for m in BESIDE_BREAKS):
                    by_phrase.append(h)
                continue
        else:
            continue
        if lean and side != lean:
            continue
        if len(between.split()) <= BESIDE_WORDS and not any(mark in between for mark in BESIDE_BREAKS):
            close.append(h)
    if by_phrase and lean <= 0:
        close = by_phrase if lean < 0 else close + by_phrase
    return min(close, key=lambda h: (abs(h[0] - trigger[0]), h[0])) if close else None


def noun_side(role: "Role") -> int:
    """The side of its trigger where ``role``'s noun beside it is looked for (``head_beside``): -1 before, for a role
    filled from the subject and never from the object (Agent, Attacker: "police arrested"); 1 after, for one filled
    from the object and never from the subject (Person, Target, Victim: "arrested protesters"); 0 either (Entity).
    ``bench/noun_role_keys.py --stored`` against either side for every role: half A 1,482 -> 1,466 keys, B 1,459 ->
    1,441, the seeds 96 (seed 002's Agent of "sent" offered "team", the object, first: one key more)."""
    slots = set(role_slots(role))
    subject, obj = bool(slots & {"subj", "agent"}), bool(slots & {"obj", "subjpass"})
    return -1 if subject and not obj else 1 if obj and not subject else 0


def cycle_with_heads(
    cands: Sequence[Candidate],
    spans: Sequence[tuple[int, int]],
    heads: tuple[Sequence[tuple[int, int]], Sequence[tuple[int, int]]],
    sentence: tuple[int, int],
    text: str,
    trigger: tuple[int, int],
    lean: int = 0,
) -> "list[Candidate | tuple[int, int]]":
    """A role key's cycle: its entity candidates ``cands`` (their ``spans``, ``role_candidates``' order) with the
    sentence's noun heads ``heads`` (``heads_for_role``: of the role's kind, then of none known) after that sentence's
    candidates (``heads_place``), and the noun of the role's kind beside the trigger (``head_beside``) first of all.
    Session 39 (s39-keys), ``bench/noun_role_keys.py --stored``: the noun beside the trigger first, half A 1,585 -> 1,482
    keys, B 1,526 -> 1,459, the seeds 99 -> 96 (the entity arguments it puts a place later lose 48 and 36 of them);
    with no word between 1,511 / 1,501, one 1,494 / 1,493, two 1,484 / 1,464."""
    fit, unknown = heads
    first = head_beside(fit, text, trigger, lean)
    rest = [h for h in [*fit, *unknown] if h != first]
    k = heads_place(spans, sentence)
    beside = [first] if first is not None else []
    cycle: list[Candidate | tuple[int, int]] = [*beside, *cands[:k], *rest, *cands[k:]]
    return nouns_before_their_modifiers(cycle, [*beside, *spans[:k], *rest, *spans[k:]], fit, text)


def nouns_before_their_modifiers(
    cycle: "Sequence[Candidate | tuple[int, int]]",
    where: Sequence[tuple[int, int]],
    fit: Sequence[tuple[int, int]],
    text: str,
) -> "list[Candidate | tuple[int, int]]":
    """``cycle`` (its items' spans ``where``) with each noun of ``fit`` (a role's nouns of its kind) put right before
    the candidate that names its kind, the word just before it ("Kurdish rebels", "Iraqi forces", "Assad government":
    an entity; "government forces", "police officers": a stored noun, session 40's compounds), where that one came
    first: the phrase's head is what fills a role, its modifier rarely. Taken in the text's order, a chain ends with
    its last noun first ("Indian government forces": "forces", "government", "Indian"). Session 41 (s41-look):
    ``bench/noun_role_keys.py --stored`` half A 1,407 -> 1,338 keys, B 1,270 -> 1,254 (the entity arguments the
    nouns put a place later lose 8 and 4 of them), the seeds' gold 92 as before."""
    items = list(zip(cycle, where))
    for noun in sorted(fit):
        at = next((i for i, (_, w) in enumerate(items) if w == noun), None)
        if at is None:
            continue
        named = next((i for i, (_, w) in enumerate(items[:at]) if text[w[1] : noun[0]] == " "), None)
        if named is not None:
            items.insert(named, items.pop(at))
    return [item for item, _ in items]


def older_heads_said(project: "Project", refresh: str = "Project > Pre-annotate all documents") -> str:
    """One line when documents not finished keep noun heads stored by older rules (``tokens.heads_version`` below
    ``nlp.NOUN_HEADS_VERSION``): their role keys offer what those rules found until they are pre-annotated again,
    and nothing said so (session 41); ``refresh``: what stores them afresh (the app's menu; the command line's
    command); "" when none does."""
    from annotator.model import FINISHED
    from annotator.nlp import NOUN_HEADS_VERSION

    count = project.db.older_heads(NOUN_HEADS_VERSION, FINISHED)
    if not count:
        return ""
    which = f"{count} document{'s' if count > 1 else ''}"
    return f"{which} keep{'' if count > 1 else 's'} the nouns older rules stored for the role keys: {refresh} refreshes them"
