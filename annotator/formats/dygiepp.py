"""DyGIE++ JSONL in (``read_dygiepp``; ``dygiepp_out`` writes it): DyGIE++'s own data (SciERC, ACE05-Event, GENIA as
its scripts write them) and ``dygie predict``'s output: ``doc_key``, ``dataset``, sentence-split ``sentences``,
per-sentence ``ner``, ``relations`` and ``events`` with document-level, end-inclusive token indices. The text is the
tokens, a space between them and a line per sentence (DyGIE++ keeps no original text); the tokens and sentences are
the document's tokens. ``ner`` entities, ``events`` with their arguments (the entity of ``ner`` on the argument's
tokens), ``predicted_ner``/``predicted_events`` as suggestions; ``relations``, ``clusters``, ``event_clusters`` and
``dataset`` are kept in the meta for the export. The file brings no schema: one is told from it when the project's
lacks its labels, taken by a new project as a brat folder's conf is. ``TokenLine``/``read_token_lines`` serve the
readers of OneIE and OmniEvent too (their lines are tokens and sentences as well).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


from annotator.db import is_score
from annotator.formats.reading import ReadResult, check_with_line, is_key, iter_json_values, need, whole_number
from annotator.formats.meta_keys import DYGIEPP
from annotator.formats.registry import FORMATS, a_shown, shown_name
from annotator.formats.told_types import EventUses
from annotator.formats.schema_names import SchemaNames, given_spellings
from annotator.formats.schema_growth import PALETTE
from annotator.formats.tokens import join_tokens
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent
from annotator.rules import schema_covers, takes
from annotator.wording import counted
from annotator.schema import Role, Schema, default_schema, parse_schema
from annotator.schema_write import schema_source

KEPT = DYGIEPP  # the meta key of what has no place in the project but goes back out (relations, clusters, dataset)


# -- reading --------------------------------------------------------------------------------------
# keys of a DyGIE++ line read into the document; ``_sentence_start``/``sentence_start`` are derived from the sentences
# (DyGIE++'s data.md: "can be ignored"); the others go to the document's meta
READ_KEYS = frozenset(
    {"doc_key", "sentences", "ner", "relations", "events", "clusters", "event_clusters", "dataset"}
    | {"predicted_ner", "predicted_events", "predicted_relations", "predicted_clusters"}
    | {"_sentence_start", "sentence_start"}
)


@dataclass
class TokenLine:
    """One DyGIE++ document, checked: its text rebuilt from the tokens, token spans as character spans."""

    line: int
    name: str
    text: str
    starts: list[int]
    ends: list[int]
    sent_starts: list[int]
    entities: list[tuple[int, int, str, bool, float | None]]  # (first token, last token, label, predicted, score)
    # trigger, type, args (first token, last token, role, and the label of the entity it names where the file says
    # which of two on the same tokens: OneIE's entity_id), predicted, score
    events: list[tuple[int, int, str, list[tuple], bool, float | None]]
    relations: list[tuple[int, int, int, int, str]]
    clusters: dict[str, list[list[tuple[int, int]]]]
    meta: dict[str, Any]
    dataset: str | None


def _probability(numbers: list[Any]) -> float | None:
    """The probability among the numbers after a prediction's label: the last that lies in [0, 1] (dygie predict
    writes the logit, then the probability; a logit, any real number, is not a score and is not kept)."""
    for x in reversed(numbers):
        if is_score(x) and 0.0 <= x <= 1.0:
            return float(x)
    return None


def _per_sentence(obj: dict[str, Any], key: str, n_sent: int, path: Path, line: int) -> list[Any]:
    """The items of a per-sentence field (``ner``, ``relations``, ``events``), flattened; a missing field is empty."""
    value = obj.get(key)
    if value is None:
        return []
    need(
        isinstance(value, list) and all(isinstance(s, list) for s in value),
        path,
        line,
        f"'{key}' must be a list of lists (one a sentence)",
    )
    need(len(value) <= n_sent, path, line, f"'{key}' has {len(value)} sentences where 'sentences' has {n_sent}")
    return [item for sentence in value for item in sentence]


def _parse_line(obj: Any, path: Path, line: int, warnings: list[str]) -> TokenLine:
    need(isinstance(obj, dict), path, line, f"each line must be a JSON object ({a_shown('dygiepp')} document)")
    sentences = obj.get("sentences")
    need(
        isinstance(sentences, list)
        and bool(sentences)
        and all(isinstance(s, list) and all(isinstance(t, str) for t in s) for s in sentences),
        path,
        line,
        "'sentences' must be a list of sentences, each a list of token strings",
    )
    key = obj.get("doc_key")
    name = str(key) if is_key(key) else f"{path.name}:{line}"
    for k, sentence in enumerate(sentences):
        need(bool(sentence), path, line, f"sentence {k} has no tokens")
        for j, token in enumerate(sentence):
            if not token.strip():  # (the message is made only for a bad token: a file holds 100,000s of tokens)
                need(False, path, line, f"sentence {k} token {j}: {token!r} is no token")
    joined = join_tokens(sentences)
    starts, ends = joined.starts, joined.ends
    n = len(starts)

    def tokens(s: Any, e: Any, what: str) -> tuple[int, int]:
        if not (whole_number(s) and whole_number(e) and 0 <= s <= e < n):
            need(False, path, line, f"{what}: tokens {s!r}-{e!r} are not in 0-{n - 1}")
        return s, e

    entities: list[tuple[int, int, str, bool, float | None]] = []
    for predicted, field_ in ((False, "ner"), (True, "predicted_ner")):
        for k, item in enumerate(_per_sentence(obj, field_, len(sentences), path, line)):
            need(
                isinstance(item, list) and len(item) >= 3 and isinstance(item[2], str) and item[2] != "",
                path,
                line,
                f"{field_} {k} must be [first token, last token, label]",
            )
            # dygie predict writes [first, last, label, logit, probability]: the probability is the score
            score = _probability(item[3:]) if predicted else None
            entities.append((*tokens(item[0], item[1], f"{field_} {k}"), item[2], predicted, score))
    events = []
    for predicted, field_ in ((False, "events"), (True, "predicted_events")):
        for k, item in enumerate(_per_sentence(obj, field_, len(sentences), path, line)):
            what = f"{field_} {k}"
            need(
                isinstance(item, list) and bool(item) and isinstance(item[0], list),
                path,
                line,
                f"{what} must be a list",
            )
            trig = item[0]
            if len(trig) >= 2 and whole_number(trig[0]) and isinstance(trig[1], str):  # [token, type, (logit, prob)]
                s, e, etype, numbers = trig[0], trig[0], trig[1], trig[2:]
            elif (
                len(trig) >= 3 and whole_number(trig[0]) and whole_number(trig[1]) and isinstance(trig[2], str)
            ):  # a span
                s, e, etype, numbers = trig[0], trig[1], trig[2], trig[3:]
            else:
                need(False, path, line, f"{what}: the trigger must be [token, event type]")
            tokens(s, e, what)
            args = []
            for j, a in enumerate(item[1:]):
                need(
                    isinstance(a, list) and len(a) >= 3 and isinstance(a[2], str),
                    path,
                    line,
                    f"{what} argument {j} must be [first token, last token, role]",
                )
                args.append((*tokens(a[0], a[1], f"{what} argument {j}"), a[2]))
            score = _probability(numbers) if predicted else None
            events.append((s, e, etype, args, predicted, score))
    relations = []
    for k, item in enumerate(_per_sentence(obj, "relations", len(sentences), path, line)):
        need(
            isinstance(item, list) and len(item) >= 5 and isinstance(item[4], str),
            path,
            line,
            f"relation {k} must be [first, last, first, last, label]",
        )
        relations.append(
            (*tokens(item[0], item[1], f"relation {k}"), *tokens(item[2], item[3], f"relation {k}"), item[4])
        )
    clusters: dict[str, list[list[tuple[int, int]]]] = {}
    for field_ in ("clusters", "event_clusters"):
        value = obj.get(field_)
        if value is None:
            continue
        need(isinstance(value, list), path, line, f"'{field_}' must be a list of clusters")
        got = []
        for k, cluster in enumerate(value):
            need(isinstance(cluster, list), path, line, f"{field_} {k} must be a list of [first, last] token spans")
            spans = []
            for m in cluster:
                need(isinstance(m, list) and len(m) >= 2, path, line, f"{field_} {k}: {m!r} is not [first, last]")
                spans.append(tokens(m[0], m[1], f"{field_} {k}"))
            got.append(spans)
        clusters[field_] = got
    for field_ in ("predicted_relations", "predicted_clusters"):
        if obj.get(field_):
            warnings.append(f"{path}:{line}: {name}: {field_} (a model's relations and clusters are not kept)")
    dataset = obj.get("dataset") if isinstance(obj.get("dataset"), str) else None
    meta = {k: v for k, v in obj.items() if k not in READ_KEYS}
    return TokenLine(
        line, name, joined.text, starts, ends, joined.sent_starts, entities, events, relations, clusters, meta, dataset
    )


def _rename(d: TokenLine, names: SchemaNames) -> None:
    """The line's labels, event types and roles as the schema names them where it has them (``SchemaNames``)."""
    entities = [(s, e, names.label(label), p, score) for s, e, label, p, score in d.entities]  # each one counted
    spelt = {was[2]: now[2] for was, now in zip(d.entities, entities)}  # an argument's told label: not again
    d.entities = entities
    events = []
    for s, e, etype, args, p, score in d.events:
        ours = names.event_type(etype)
        renamed = [(a, b, names.role(ours, role), *(spelt.get(x, x) for x in told)) for a, b, role, *told in args]
        events.append((s, e, ours, renamed, p, score))
    d.events = events


def _told_schema(lines: list[TokenLine], name: str, schema: Schema, what: str, bare_roles: bool = False) -> Schema:
    """A schema with every label, event type and role the file uses (DyGIE++ files come without one): a role takes
    the labels of the entities that filled it, or, when none of its arguments is on an entity, those the role of that
    name takes in another event type, else a label named as the role (its arguments come in as entities of it; with ``bare_roles``, for the schema the file is read
    with); optional when some events of the type lack it,
    repeatable when one fills it twice. A file without any entity or argument (a model's triggers alone) takes
    ``schema``'s labels (a schema needs one: such a file was refused as "the schema needs at least one [[entity]]
    label")."""
    labels = list(dict.fromkeys(e[2] for d in lines for e in d.entities))
    uses = EventUses()
    bare: dict[tuple[str, str], int] = {}  # (event type, role) -> its arguments on no entity
    for d in lines:
        at = _entity_index(d)
        for _s, _e, etype, args, _p, _score in d.events:
            for s, e, role, *_ in args:
                if (s, e) not in at:
                    bare[(etype, role)] = bare.get((etype, role), 0) + 1
            fill = [(role, _label_at(at, s, e, told, _role_of(schema, etype, role))) for s, e, role, *told in args]
            uses.add(etype, fill)
    roles = uses.roles
    # a role no argument of which is on an entity (DuEE's, MAVEN-ARG's non-entity arguments, a model's ARG0): its
    # arguments become entities labelled with the role's name, so no argument is lost (``_label_of_argument``)
    elsewhere: dict[str, list[str]] = {}  # a role's labels in any event type (SENTiVENT's MainCompany takes ORG)
    for by_role in roles.values():
        for role, filled in by_role.items():
            elsewhere.setdefault(role, []).extend(x for x in filled if x not in elsewhere.get(role, []))
    for etype, role in bare if bare_roles else ():
        if not roles.get(etype, {}).get(role):
            roles.setdefault(etype, {})[role] = list(elsewhere.get(role) or [role])
            labels += [x for x in roles[etype][role] if x not in labels]
    labels = labels or [e.name for e in schema.entities]
    events = uses.tables()
    header = {"name": name, "description": f"told from a {what} file by annotator"}
    colours = [{"name": label, "color": PALETTE[k % len(PALETTE)]} for k, label in enumerate(labels)]  # told apart
    source = schema_source(header, colours, (), events)
    return parse_schema(source, f"<the schema told from {name}>")


def _entity_index(d: TokenLine) -> dict[tuple[int, int], list[str]]:
    """Token span -> the labels of the entities on it, gold ones first."""
    at: dict[tuple[int, int], list[str]] = {}
    for s, e, label, *_ in sorted(d.entities, key=lambda x: x[3]):
        if label not in at.setdefault((s, e), []):
            at[(s, e)].append(label)
    return at


def _label_at(
    at: dict[tuple[int, int], list[str]], s: int, e: int, told: list[str], role: Role | None = None
) -> str | None:
    """The label of the entity an argument on tokens ``s``-``e`` names: the one the file told (``told``, OneIE's
    ``entity_id``'s) where an entity of it is there, else the first there that ``role`` (the schema's) takes, else
    the first there (gold first); None where none is. Two entities on the same tokens, "Russian forces" an ORG and a
    PERSON, gave the argument the first's label whatever the file said (session 32, OneIE's); DyGIE++'s arguments
    name tokens alone, so its reader took the ORG for the PERSON an Artifact takes (session 33)."""
    labels = at.get((s, e))
    if not labels:
        return None
    if told and told[0] in labels:
        return told[0]
    fits = [x for x in labels if takes(role, x)] if role is not None and len(labels) > 1 else []
    return fits[0] if fits else labels[0]


def _role_of(schema: Schema, etype: str, role: str) -> Role | None:
    """The schema's role ``role`` of event type ``etype``, None where it has no such type or role."""
    et = schema.event_type(etype)
    return et.role(role) if et is not None else None


def _label_of_argument(
    d: TokenLine, schema: Schema, etype: str, role_name: str, s: int, e: int
) -> tuple[str | None, str]:
    """The entity label for an argument on tokens ``s``-``e`` that no ``ner`` entity covers, and how it was told
    (or why none is): the role's one label, else the label its last word names as the event suggester guesses a
    plain noun's (``noun_classes``), when the role takes it."""
    from annotator.suggest.noun_classes import guess_label_of_word, label_taken

    etype_ = schema.event_type(etype)
    role = etype_.role(role_name) if etype_ is not None else None
    if role is None or not role.labels:
        return None, (
            f"the role takes no entity label: no argument of {role_name} of {etype} in the file is on an entity"
            if etype_ is not None
            else f"no event type {etype} in the schema"
        )
    if len(role.labels) == 1:
        return role.labels[0], "the role's one label"
    word = d.text[d.starts[e] : d.ends[e]]
    guess = guess_label_of_word(word)
    fit = label_taken(guess, role.labels, places_apart=False) if guess else None
    if fit is not None:
        told = f"its last word {word!r} told {guess}, as the event suggester tells a plain noun's label"
        return fit, told + ("" if fit == guess else f"; {fit} is the role's")
    named = f"is told {guess}" if guess else "tells no label (the event suggester's word lists lack it)"
    return None, f"the role takes {', '.join(role.labels)} and its last word {word!r} {named}"


def _document(
    d: TokenLine,
    path: Path,
    warnings: list[str],
    schema: Schema,
    notes: list[str],
    source: str = KEPT,
    entities_key: str = "ner",
) -> IncomingDocument:
    def chars(s: int, e: int) -> tuple[int, int]:
        return d.starts[s], d.ends[e]

    at = _entity_index(d)
    entities: dict[tuple[int, int, str], IncomingEntity] = {}
    for s, e, label, predicted, score in sorted(d.entities, key=lambda x: x[3]):  # gold first: a prediction it
        if (s, e, label) not in entities:  # repeats is the gold one
            entities[(s, e, label)] = IncomingEntity(
                (s, e, label), *chars(s, e), label, "suggested" if predicted else "accepted", source, score=score
            )
    events = []
    shared: list[str] = []  # arguments on tokens several entities the role takes share: the file does not say which
    for s, e, etype, args, predicted, score in d.events:
        arguments = []
        for a_s, a_e, role, *told in args:
            if (a_s, a_e) not in at:  # a new entity for it, as the event suggester makes one for a plain noun
                label, how = _label_of_argument(d, schema, etype, role, a_s, a_e)
                where = f"{path}:{d.line}: {d.name}: argument {role} of {etype} on tokens {a_s}-{a_e}"
                shown = repr(d.text[slice(*chars(a_s, a_e))])
                if label is None:
                    warnings.append(f"{where} ({shown}: no entity of '{entities_key}' there, and {how})")
                    continue
                notes.append(
                    f"{where} ({shown}): no entity of '{entities_key}' there; kept as a new {label} entity ({how})"
                )
                at[(a_s, a_e)] = [label]
                entities.setdefault(
                    (a_s, a_e, label),
                    IncomingEntity(
                        (a_s, a_e, label), *chars(a_s, a_e), label, "suggested" if predicted else "accepted", source
                    ),
                )
            role_of = _role_of(schema, etype, role)
            there = at.get((a_s, a_e), [])
            if not told and len([x for x in there if role_of is None or takes(role_of, x)]) > 1:
                shared.append(f"{role} of {etype} on {', '.join(there)}")
            arguments.append((role, (a_s, a_e, _label_at(at, a_s, a_e, told, role_of))))
        events.append(
            IncomingEvent(
                etype,
                *chars(s, e),
                {},
                arguments,
                state="suggested" if predicted else "accepted",
                source=source,
                score=score,
            )
        )
    if shared:
        notes.append(
            f"{path}:{d.line}: {d.name}: {counted(len(shared), 'argument')} on words entities of several labels share, "
            f"each of which the role takes (the file names tokens, not the entity): the first taken ({'; '.join(shared)})"
        )
    kept: dict[str, Any] = {}
    if d.dataset is not None:
        kept["dataset"] = d.dataset
    if d.relations:
        kept["relations"] = [
            {
                "type": label,
                "from": [*chars(s1, e1), (at.get((s1, e1)) or [None])[0]],
                "to": [*chars(s2, e2), (at.get((s2, e2)) or [None])[0]],
            }
            for s1, e1, s2, e2, label in d.relations
        ]
    for field_, clusters in d.clusters.items():
        kept[field_] = [[list(chars(s, e)) for s, e in cluster] for cluster in clusters]
    meta = dict(d.meta)
    if kept:
        meta[KEPT] = kept
    doc = IncomingDocument(
        text=d.text,
        name=d.name,
        meta=meta,
        source_path=str(path),
        source_line=d.line,
        entities=list(entities.values()),
        events=events,
    )
    doc.tokens, doc.tokens_source = (d.starts, d.ends, d.sent_starts), source
    return doc


def read_dygiepp(path: str | Path, schema: Schema | None = None) -> ReadResult:
    """A DyGIE++ file (a document a line: ``sentences``, ``ner``, ``events``, ``relations``, ``clusters``); the text
    is the tokens, a space between them and a line per sentence, and they are kept as the document's tokens."""
    path = Path(path)
    warnings: list[str] = []
    lines = [_parse_line(obj, path, line, warnings) for line, obj in iter_json_values(path)]
    return read_token_lines(lines, path, schema, warnings, KEPT, "dygiepp")


def read_token_lines(
    lines: list[TokenLine],
    path: Path,
    schema: Schema | None,
    warnings: list[str],
    source: str,
    fmt: str,
    text_note: str | None = None,
    entities_key: str = "ner",
) -> ReadResult:
    """Documents of tokens read from a file (DyGIE++'s lines, OneIE's sentences) made into the project's: names
    matched to the schema's, a schema told from them when the project's lacks some, checked; ``source`` names the
    reader (each annotation's source, the tokens' pipeline), ``fmt`` the format (the registry's name: its title in the
    notes), ``text_note`` how the texts were made (default: of the tokens alone), ``entities_key`` the file's key of
    entities (DyGIE++'s ``ner``)."""
    notes: list[str] = []
    what = FORMATS[fmt].shown
    need(bool(lines), path, None, "no documents in the file")
    schema = schema or default_schema()
    names = SchemaNames(schema)  # ACE's names (Conflict.Attack, PER, attacker) as the schema spells them
    spellings = []
    for d in lines:
        _rename(d, names)
        spellings.append(given_spellings(names))  # ACE's PER for PERSON: written back as the document spelt them
    notes += names.notes(str(path)) + names.unmatched_notes(str(path), told=True)
    told = None
    if not schema_covers(schema, _told_schema(lines, path.stem, schema, what)):
        told = _told_schema(lines, path.stem, schema, what, bare_roles=True)
        notes.append(
            f"{path}: {what} files have no schema; the schema was told from the file (entity types: "
            f"{len(told.entities)}, event types: {len(told.events)})"
        )
    use = told or schema
    docs = []
    for d, spelt in zip(lines, spellings):
        doc = _document(d, path, warnings, use, notes, source, entities_key)
        if spelt:  # under the reader's own key (GivenSpellings.of_meta reads it)
            kept = doc.meta.get(source)
            doc.meta[source] = {**(kept if isinstance(kept, dict) else {}), **spelt}
        check_with_line(use, doc, path, d.line)
        docs.append(doc)
    notes.append(
        text_note
        or f"{path}: {what} keeps no original text: each document's text is its tokens, a space between them and a "
        "line per sentence"
    )
    kept = [
        counted(n, what_)
        for n, what_ in (
            (sum(len(d.relations) for d in lines), "relation"),
            # a cluster with mentions: files written a list a sentence hold empty ones (SENTiVENT's "clusters": [[], ...])
            (sum(1 for d in lines for cs in d.clusters.values() for c in cs if c), "coreference cluster"),
        )
        if n
    ]
    if kept:
        notes.append(
            f"{path}: {' and '.join(kept)} kept for the export to {shown_name('dygiepp')} (the app does not show them)"
        )
    return ReadResult(
        docs,
        told,
        warnings,
        notes,
        schema_from=f"its labels, event types and roles ({what} files bring no schema) are types",
        told=told is not None,
    )
