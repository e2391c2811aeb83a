"""A document's categories: the labels of a text classification (doccano's ``"label": ["positive"]``, Prodigy's
textcat answers, Label Studio's ``choices`` of the whole text, spaCy's ``doc.cats``), kept in its meta, where the
imports put them and the exports read them (the formats name them from here), and set by one edit
(``edits.set_categories``: the app's Document > Categories…). The project keeps the list of its categories
(``CATEGORY_LIST``: those its imports brought, Prodigy's offered options among them, and those set by hand), so a
category stays offered when no document has it any more."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import orjson

from annotator.errors import ValidationError
from annotator.model import meta_object

if TYPE_CHECKING:
    from annotator.store import Project

# the key of a document's categories in its meta (a list of labels); named after doccano, whose reader kept them first
# (stored projects have it)
CATEGORIES = "doccano_categories"
# spaCy's ``doc.cats`` as a training JSONL or a DocBin gave them (label -> score, 0.0: does not apply), or the list of
# labels that apply that doccano's intent detection and slot filling lines give (``"cats": ["positive"]``)
CATS = "cats"
# the project value listing the project's categories (a JSON list): those imported or set, kept when unused
CATEGORY_LIST = "categories"
APPLIES = 0.5  # a ``cats`` score from which the label applies, as spaCy's textcat decides


def _scores(meta: dict[str, Any]) -> dict[str, float]:
    given = meta.get(CATS)
    if isinstance(given, list):  # doccano's intent lines: the labels that apply
        return {c: 1.0 for c in given if isinstance(c, str)}
    if not isinstance(given, dict):
        return {}
    return {str(k): float(v) for k, v in given.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}


def _listed(meta: dict[str, Any]) -> list[str]:
    listed = meta.get(CATEGORIES)  # a DocBin's user data gives tuples
    return [c for c in listed if isinstance(c, str)] if isinstance(listed, (list, tuple)) else []


def document_cats(meta: dict[str, Any]) -> dict[str, float]:
    """A document's text categories as spaCy's ``doc.cats`` holds them (label -> score): the ``cats`` its meta keeps
    (spaCy's training JSONL and a DocBin's, as they came, 0.0 for a label that does not apply), and each of its
    categories (``CATEGORIES``: doccano's, Prodigy's, Label Studio's text classification) at 1.0."""
    cats = _scores(meta)
    for c in _listed(meta):
        cats.setdefault(c, 1.0)
    return cats


def document_categories(meta: dict[str, Any]) -> list[str]:
    """A document's categories for the exports that write labels (doccano's ``label``, Prodigy's ``accept``, Label
    Studio's ``choices``) and for the app: its ``CATEGORIES``, then the labels of the spaCy ``cats`` its meta keeps
    that apply (a score of 0.5 or more, as spaCy's textcat decides; a training file's are 1.0 or 0.0)."""
    out = _listed(meta)
    for c, v in _scores(meta).items():
        if v >= APPLIES and c not in out:
            out.append(c)
    return out


def category_names(categories: Iterable[str]) -> list[str]:
    """The categories a person gave, checked: each stripped, none empty or of several lines, each once (in order)."""
    out: list[str] = []
    for c in categories:
        name = c.strip() if isinstance(c, str) else ""
        if not name or any(ch in name for ch in "\r\n\t"):
            raise ValidationError(f"{c!r} is not a category: a category is a label of one line")
        if name not in out:
            out.append(name)
    return out


def with_categories(meta: dict[str, Any], categories: Iterable[str]) -> dict[str, Any]:
    """``meta`` (not changed) with exactly ``categories`` applying: the list under ``CATEGORIES`` (the labels kept
    in their order, new ones after them) and, of the spaCy ``cats`` it keeps, a label that no longer applies at 0.0
    (it stays a label the textcat knows) and one that applies again at 1.0; of doccano's list of ``cats``, the
    labels still chosen."""
    chosen = category_names(categories)
    out = dict(meta)
    scores = _scores(meta)
    kept = [c for c in _listed(meta) if c in chosen]
    listed = kept + [c for c in chosen if c not in kept and c not in scores]  # a label of ``cats`` is set there
    if listed:
        out[CATEGORIES] = listed
    else:
        out.pop(CATEGORIES, None)
    if isinstance(meta.get(CATS), list):  # doccano's intent lines: the list keeps the labels still chosen
        out[CATS] = [c for c in meta[CATS] if not isinstance(c, str) or c in chosen]
    elif scores:
        given = meta[CATS]
        out[CATS] = {
            k: (1.0 if str(k) in chosen else 0.0)
            if str(k) in scores and (scores[str(k)] >= APPLIES) != (str(k) in chosen)
            else v
            for k, v in given.items()
        }
    return out


def known_categories(meta: dict[str, Any]) -> list[str]:
    """Every category a document's meta knows: its ``CATEGORIES``, the labels of its spaCy ``cats`` at any score,
    and the options a Prodigy choice offered it (``meta["prodigy"]["options"]``, chosen or not), in that order."""
    out = dict.fromkeys(_listed(meta))
    out.update(dict.fromkeys(_scores(meta)))
    kept = meta.get("prodigy")
    options = kept.get("options") if isinstance(kept, dict) else None
    if isinstance(options, list):
        out.update(dict.fromkeys(str(o["id"]) for o in options if isinstance(o, dict) and "id" in o))
    return list(out)


def _listed_in(raw: str | None) -> list[str]:
    """The names of a stored list (``CATEGORY_LIST``'s value)."""
    try:
        given = orjson.loads(raw) if raw else []
    except orjson.JSONDecodeError:
        return []  # a list no JSON reader can read names none: the documents' categories are still offered
    return [c for c in given if isinstance(c, str)] if isinstance(given, list) else []


def _stored(project: "Project") -> list[str]:
    return _listed_in(project.db.project_value(CATEGORY_LIST))


def list_step_again(now: str | None, step_from: str | None, step_to: str | None) -> str:
    """The project's list as stored ``now``, with one recorded step of it made over whatever changed it since (another
    window's tick of a new category, an import's or a merge's): the names the step (``step_from`` -> ``step_to``, the
    lists it found and left) added are added, those it took off are taken off, every other name stays as it is now.
    An undo passes the step backwards (a tick that grew the list takes off only the categories it added)."""
    before, after = _listed_in(step_from), _listed_in(step_to)
    gone = set(before) - set(after)
    out = [c for c in _listed_in(now) if c not in gone]
    out += [c for c in after if c not in before and c not in out]
    return orjson.dumps(out).decode("utf-8")


def grown_list(project: "Project", names: Iterable[str]) -> str | None:
    """The project's list (``CATEGORY_LIST``, as stored) with the ``names`` it lacks added; None when it has them."""
    stored = _stored(project)
    new = [c for c in dict.fromkeys(names) if c not in stored]
    return orjson.dumps(stored + new).decode("utf-8") if new else None


def remember_categories(project: "Project", names: Iterable[str]) -> None:
    """Add ``names`` the project's list lacks to it, in the open transaction (an import's, a merge's); nothing is
    written when it has them all. Only an edit takes one off (``edits.remove_category``): a category no document has
    any more is still offered."""
    grown = grown_list(project, names)
    if grown is not None:
        project.db.set_project_value(CATEGORY_LIST, grown)


def shrunk_list(project: "Project", name: str) -> str | None:
    """The project's list as stored without ``name``; None when it does not hold it."""
    stored = _stored(project)
    return orjson.dumps([c for c in stored if c != name]).decode("utf-8") if name in stored else None


def without_category(meta: dict[str, Any], name: str) -> dict[str, Any]:
    """``meta`` (not changed) with ``name`` gone from everything ``known_categories`` reads: its ``CATEGORIES``, its
    spaCy ``cats`` (the label, at any score: the textcat no longer has it) and a Prodigy choice's options."""
    out = with_categories(meta, [c for c in document_categories(meta) if c != name])
    given = out.get(CATS)
    if isinstance(given, dict) and name in given:
        out[CATS] = {k: v for k, v in given.items() if k != name}
    kept = out.get("prodigy")
    if isinstance(kept, dict) and isinstance(kept.get("options"), list):
        options = [o for o in kept["options"] if not (isinstance(o, dict) and str(o.get("id")) == name)]
        if len(options) != len(kept["options"]):
            out["prodigy"] = {**kept, "options": options}
    return out


def carriers(project: "Project", name: str) -> list[tuple[int, dict[str, Any]]]:
    """(id, meta) of the documents whose meta knows the category ``name`` (``known_categories``: it applies there,
    or a spaCy score or a Prodigy choice offers it), in order."""
    out = []
    as_stored = orjson.dumps(name).decode("utf-8")[1:-1]  # a quote or a backslash in it is escaped in the JSON
    for doc_id, raw in project.db.document_metas(containing=as_stored):
        meta = meta_object(raw)
        if meta is not None and name in known_categories(meta):
            out.append((doc_id, meta))
    return out


def project_categories(project: "Project") -> list[str]:
    """The project's categories, what the app offers to choose from: those its schema declares, its list (``CATEGORY_LIST``: every category
    imported or set, kept when no document has it any more), then any other its documents know (``known_categories``;
    a project made before the list was kept), in the order first met."""
    seen = dict.fromkeys(project.schema.categories)  # declared by the schema (``[[category]]``): first
    seen.update(dict.fromkeys(_stored(project)))
    keys = (CATEGORIES, f'"{CATS}"', '"options"')
    metas = {i: raw for key in keys for i, raw in project.db.document_metas(containing=key)}
    for _id, raw in sorted(metas.items()):
        meta = meta_object(raw)  # a meta no JSON reader can read holds no category either
        if meta is not None:
            seen.update(dict.fromkeys(known_categories(meta)))
    return list(seen)


def category_counts(project: "Project") -> dict[str, int]:
    """Each of the project's categories (``project_categories``, in its order) -> the documents it applies to."""
    counts = dict.fromkeys(project_categories(project), 0)
    for _id, raw in project.db.document_metas():
        meta = meta_object(raw)
        for c in document_categories(meta) if meta is not None else ():
            counts[c] = counts.get(c, 0) + 1
    return counts


def carrier_names(project: "Project", name: str) -> list[str]:
    """The names of the documents that carry the category ``name`` (``carriers``), in order."""
    ids = {i for i, _ in carriers(project, name)}
    return [row[1] for row in project.db.document_list() if row[0] in ids] if ids else []
