"""Hostile input for every importer: each input ends in the project's own error with a clear message, or in a
correct import; never another exception, a hang or a partial import (table counts are compared)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.errors import AnnotatorError, ImportFileError
from annotator.formats import readers
from annotator.formats import writers
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
from annotator.formats.input_paths import read_any
from annotator.formats.loading import import_paths
from annotator.schema import default_schema
from annotator.store import Project
from reliability_settings import RELIABLE, scaled
from reliability_support import table_counts

SCHEMA = default_schema()
LABELS = SCHEMA.label_names
TYPES = list(SCHEMA.event_type_names)
COUNTED: dict[str, int] = {}  # inputs tried, by kind
IMPORTED: dict[str, int] = {}  # of which imported correctly (the rest were refused with a clear message)


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    p = Project(folder / "fuzz.annotator", annotator="fuzzer")
    yield p, folder
    p.close()


@pytest.fixture(scope="module", autouse=True)
def _report_counts(request):
    yield
    from reliability_settings import FIGURES

    FIGURES["fuzz_importers"] = {
        "inputs": sum(COUNTED.values()),
        "imported": sum(IMPORTED.values()),
        "by_kind": {k: f"{v} ({IMPORTED.get(k, 0)} imported)" for k, v in sorted(COUNTED.items())},
    }


def check_import(project: Project, path: Path, kind: str) -> str:
    """Import ``path``; returns "imported" or "refused". Fails the test on any other outcome."""
    COUNTED[kind] = COUNTED.get(kind, 0) + 1
    before = table_counts(project.path)
    logged_before = _logged(project)
    try:
        docs = read_any(path)
    except ImportFileError as exc:
        msg = str(exc)
        assert msg.startswith(str(path)) and len(msg) > len(str(path)) + 5, f"unclear message: {msg!r}"
        assert "Traceback" not in msg
        docs = None
    report = import_paths(project, [path])  # any exception but the project's own escapes and fails the test
    after = table_counts(project.path)
    if report.skipped:
        assert docs is None or True  # the reader accepted it; the project's checks (schema, ids) refused it
        (skipped_path, reason) = report.skipped[0]
        assert skipped_path == str(path) and reason.strip()
        assert after == before, f"a refused file changed the project: {before} -> {after}"
        return "refused"
    assert docs is not None, "import_paths stored what read_any refused"
    new_docs = len(report.imported)
    assert after["documents"] - before["documents"] == new_docs
    assert after["entities"] - before["entities"] == report.entities
    assert after["events"] - before["events"] == report.events
    # one log line for each stored document, and one for each document of the project that a later line of the
    # same input annotated (two lines of one text: the second's annotations go onto the first's document)
    logged = {a: n - logged_before.get(a, 0) for a, n in _logged(project).items()}
    assert after["change_log"] - before["change_log"] == sum(logged.values())
    assert logged.get("import_document", 0) == new_docs
    assert len(report.annotated) <= logged.get("import_annotations", 0) <= len(report.annotated) + len(report.in_sets)
    by_name: dict[str, list[str]] = {}  # two documents may share a name (e.g. both "id": false)
    for d in docs:
        by_name.setdefault(d.name, []).append(d.text)
    for name, doc_id in report.imported:  # stored exactly as read, under the input's name or "name (k)" beside it
        texts = by_name.get(name) or by_name.get(re.sub(r" \(\d+\)$", "", name))
        assert texts is not None, f"stored as {name!r}, a name no input document has"
        assert project.document(doc_id).text in texts
    IMPORTED[kind] = IMPORTED.get(kind, 0) + 1
    _empty(project)  # the next input meets the same empty project (no duplicates; hypothesis replays agree)
    return "imported"


def _logged(project: Project) -> dict[str, int]:
    """The change log's lines by action."""
    return dict(project.db.conn.execute("SELECT action, count(*) FROM change_log GROUP BY action").fetchall())


def _empty(project: Project) -> None:
    with project.transaction() as conn:
        for table in ("arguments", "events", "entities", "comments", "tokens", "change_log", "documents"):
            conn.execute(f"DELETE FROM [{table}]")


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# -- random bytes -----------------------------------------------------------------------------------
@pytest.mark.slow
@settings(RELIABLE, max_examples=scaled(150))
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".jsonl", ".json"]))
def test_random_bytes(fuzz_project, data, suffix):
    p, folder = fuzz_project
    check_import(p, write(folder, f"bytes{suffix}", data), f"random bytes {suffix}")


@pytest.mark.slow
@settings(RELIABLE, max_examples=scaled(100))
@given(text=st.text(max_size=400), suffix=st.sampled_from([".txt", ".jsonl", ".json"]))
def test_random_text(fuzz_project, text, suffix):
    p, folder = fuzz_project
    check_import(p, write(folder, f"text{suffix}", text.encode("utf-8", "surrogatepass")), f"random text {suffix}")


# -- structured, nearly valid documents -------------------------------------------------------------
def _nasty_int():
    return st.one_of(
        st.integers(-5, 60),
        st.sampled_from([2**31, 2**53 + 1, 2**63 - 1, 2**63, 2**64, -(2**63), 10**30, -1]),
    )


_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 60),
    st.sampled_from([2**63, 10**30, -(2**63)]),
    st.floats(allow_nan=False),
    st.text(max_size=8),
)
_ANY = st.one_of(
    _LEAF,
    st.lists(_LEAF, max_size=2),
    st.dictionaries(st.text(max_size=4), _LEAF, max_size=2),
    st.lists(st.lists(_LEAF, max_size=1), max_size=1),
)


def _any_json():
    """Any JSON value of the wrong kind (small: generation time matters more than depth here)."""
    return _ANY


def _offset():
    return st.one_of(_nasty_int(), st.floats(-2, 50), st.text(max_size=3), st.none(), st.booleans())


def _label():
    return st.one_of(st.sampled_from(LABELS), st.text(max_size=6), st.none(), st.integers())


TEXTS = st.one_of(
    st.sampled_from(
        ["Anna Berg met Reuters in Paris.", "Paris", "a\u2028b\u0000c", "<b>bold</b> &amp; \ud83d\ude00 e\u0301"]
    ),
    st.text(min_size=0, max_size=60),
)


BASE = "Anna Berg met Reuters in Paris."


def _valid_doc(n: int) -> dict:
    """A correct export document (``n`` makes its text unique, so it is not a duplicate)."""
    return {
        "name": f"doc {n}",
        "text": f"{BASE} #{n}",
        "status": "in_progress",
        "meta": {"source": "fuzz"},
        "entities": [
            {
                "id": 1,
                "start": 0,
                "end": 9,
                "label": "PERSON",
                "text": "Anna Berg",
                "state": "accepted",
                "source": "x",
                "annotator": "a",
            },
            {"id": "r", "start": 14, "end": 21, "label": "ORG"},
            {"id": 3, "start": 25, "end": 30, "label": "GPE"},
        ],
        "events": [
            {
                "type": "Contact:Meet",
                "trigger": {"start": 10, "end": 13},
                "attributes": {"polarity": "Positive"},
                "arguments": [
                    {"role": "Entity", "entity_id": 1},
                    {"role": "Entity", "entity_id": "r"},
                    {"role": "Place", "entity_id": 3},
                ],
                "annotator": "a",
            },
        ],
        "comments": [{"text": "fine", "author": "a", "created_at": "2024-01-01T00:00:00"}],
    }


# where a mutation may land in a valid document, and what it may put there
DOC_PATHS = [
    ("name",),
    ("text",),
    ("status",),
    ("meta",),
    ("entities",),
    ("events",),
    ("comments",),
    ("entities", 0),
    ("entities", 0, "id"),
    ("entities", 0, "start"),
    ("entities", 0, "end"),
    ("entities", 1, "start"),
    ("entities", 0, "label"),
    ("entities", 0, "state"),
    ("entities", 0, "source"),
    ("entities", 0, "annotator"),
    ("entities", 0, "text"),
    ("entities", 1, "id"),
    ("events", 0),
    ("events", 0, "type"),
    ("events", 0, "trigger"),
    ("events", 0, "trigger", "start"),
    ("events", 0, "trigger", "end"),
    ("events", 0, "attributes"),
    ("events", 0, "attributes", "polarity"),
    ("events", 0, "arguments"),
    ("events", 0, "arguments", 0),
    ("events", 0, "arguments", 0, "role"),
    ("events", 0, "arguments", 0, "entity_id"),
    ("events", 0, "annotator"),
    ("comments", 0),
    ("comments", 0, "text"),
    ("comments", 0, "author"),
    ("comments", 0, "created_at"),
]
VALUES = st.one_of(
    _ANY,
    _offset(),
    _label(),
    st.sampled_from(["", " ", "Entity", "Victim", "r", "Conflict:Attack", "annotated", "rejected"]),
)


def _set(obj, path, value):  # type: ignore[no-untyped-def]
    for key in path[:-1]:
        obj = obj[key]
    if value is _DELETE:
        obj.pop(path[-1]) if isinstance(obj, dict) else obj.__delitem__(path[-1])
    else:
        obj[path[-1]] = value


_DELETE = object()


@st.composite
def export_doc(draw):
    """A valid document with one to three of its fields replaced by a hostile value (or removed)."""
    doc = _valid_doc(draw(st.integers(0, 10**9)))
    for path in draw(st.lists(st.sampled_from(DOC_PATHS), min_size=0, max_size=3, unique=True)):
        try:
            _set(doc, path, draw(st.one_of(VALUES, st.just(_DELETE))))
        except (KeyError, IndexError, TypeError, AttributeError):
            pass  # an earlier mutation removed or replaced the parent
    return doc


@st.composite
def simple_jsonl_obj(draw):
    """The simple JSONL input (text, id, meta, spans), valid but for one or two hostile fields."""
    n = draw(st.integers(0, 10**9))
    obj = {
        "text": f"{BASE} {n}",
        "id": n,
        "meta": {"k": 1},
        "spans": [{"start": 0, "end": 9, "label": "PERSON"}, {"start": 25, "end": 30, "label": "GPE"}],
    }
    paths = [
        ("text",),
        ("id",),
        ("meta",),
        ("spans",),
        ("spans", 0),
        ("spans", 0, "start"),
        ("spans", 0, "end"),
        ("spans", 1, "end"),
        ("spans", 0, "label"),
    ]
    for path in draw(st.lists(st.sampled_from(paths), min_size=1, max_size=2, unique=True)):
        try:
            _set(obj, path, draw(st.one_of(VALUES, st.just(_DELETE))))
        except (KeyError, IndexError, TypeError, AttributeError):
            pass
    return obj


def _dumps(obj) -> bytes:
    """Standard-library JSON (it writes huge integers and lone surrogates, which orjson would refuse to write)."""
    return json.dumps(obj).encode()


@pytest.mark.slow
@settings(RELIABLE, max_examples=scaled(200))
@given(lines=st.lists(st.one_of(simple_jsonl_obj(), export_doc()), min_size=1, max_size=4))
def test_jsonl_documents(fuzz_project, lines):
    p, folder = fuzz_project
    data = b"\n".join(_dumps(x) for x in lines) + b"\n"
    check_import(p, write(folder, "docs.jsonl", data), "structured .jsonl")


def test_second_line_of_a_text_annotates_the_first(fuzz_project):
    """Found at RELIABILITY_SCALE=50: a line repeating an earlier line's text with spans annotates that document
    (one more log line, no new document); the checks counted a log line per new document only."""
    p, folder = fuzz_project
    text = "Anna Berg met Reuters in Paris. 0"
    lines = [{"text": text, "id": 0}, {"text": text, "id": None, "spans": [{"start": 0, "end": 9, "label": "PERSON"}]}]
    data = b"\n".join(_dumps(x) for x in lines) + b"\n"
    assert check_import(p, write(folder, "docs.jsonl", data), "structured .jsonl") == "imported"


def test_two_documents_of_one_name(fuzz_project):
    """Found at RELIABILITY_SCALE=50: two documents of one name and other texts are stored as "a" and "a (2)"."""
    p, folder = fuzz_project
    lines = [{"text": "First text.", "id": "a"}, {"text": "Second text.", "id": "a"}]
    data = b"\n".join(_dumps(x) for x in lines) + b"\n"
    assert check_import(p, write(folder, "docs.jsonl", data), "structured .jsonl") == "imported"


@settings(RELIABLE, max_examples=scaled(200))
@given(
    docs=st.lists(export_doc(), min_size=0, max_size=3),
    head=st.fixed_dictionaries(
        {},
        optional={
            "format": st.one_of(st.just("annotator-json"), _any_json()),
            "version": st.one_of(st.just(1), _any_json()),
        },
    ),
)
@pytest.mark.slow  # hypothesis fuzzing (~6 s)
def test_project_json(fuzz_project, docs, head):
    p, folder = fuzz_project
    obj = {"format": "annotator-json", "version": 1, **head, "documents": docs}
    check_import(p, write(folder, "export.json", _dumps(obj)), "structured .json")


# -- valid files, then damaged: truncated, reordered, spliced ----------------------------------------
def _valid_export(rng: random.Random, n: int) -> list[dict]:
    docs = []
    for k in range(n):
        text = f"Anna Berg met Reuters in Paris ({rng.random()}) item {k}."
        docs.append(
            {
                "name": f"doc{k}",
                "text": text,
                "status": "in_progress",
                "entities": [
                    {"id": 1, "start": 0, "end": 9, "label": "PERSON", "text": "Anna Berg"},
                    {"id": 2, "start": 14, "end": 21, "label": "ORG"},
                    {"id": 3, "start": 25, "end": 30, "label": "GPE"},
                ],
                "events": [
                    {
                        "type": "Contact:Meet",
                        "trigger": {"start": 10, "end": 13},
                        "arguments": [{"role": "Entity", "entity_id": 1}, {"role": "Place", "entity_id": 3}],
                    }
                ],
                "comments": [{"text": "ok", "author": "x"}],
            }
        )
    return docs


@settings(RELIABLE, max_examples=scaled(150))
@pytest.mark.slow
@given(
    seed=st.integers(0, 10**9),
    cut=st.floats(0, 1),
    how=st.sampled_from(["truncate", "reorder", "splice", "flip"]),
    suffix=st.sampled_from([".json", ".jsonl"]),
)
def test_damaged_valid_files(fuzz_project, seed, cut, how, suffix):
    p, folder = fuzz_project
    rng = random.Random(seed)
    docs = _valid_export(rng, rng.randint(1, 4))
    if suffix == ".json":
        data = _dumps({"format": "annotator-json", "version": 1, "documents": docs})
    else:
        data = b"\n".join(_dumps(d) for d in docs) + b"\n"
    if how == "truncate":
        data = data[: int(len(data) * cut)]
    elif how == "reorder":
        lines = data.split(b"\n") if suffix == ".jsonl" else [data[i : i + 17] for i in range(0, len(data), 17)]
        rng.shuffle(lines)
        data = (b"\n" if suffix == ".jsonl" else b"").join(lines)
    elif how == "splice":
        k = int(len(data) * cut)
        data = data[:k] + data[k // 2 :]
    else:
        k = min(int(len(data) * cut), len(data) - 1)
        data = data[:k] + bytes([data[k] ^ (1 << rng.randrange(8))]) + data[k + 1 :]
    check_import(p, write(folder, f"damaged{suffix}", data), f"damaged valid {suffix} ({how})")


# -- deep nesting and huge numbers --------------------------------------------------------------------
DEPTH = 100_000


@pytest.mark.parametrize(
    "name,data",
    [
        ("nested.json", b"[" * DEPTH + b"]" * DEPTH),
        ("nested.jsonl", b"[" * DEPTH + b"]" * DEPTH + b"\n"),
        ("nested_meta.jsonl", b'{"text": "x", "meta": ' + b'{"a":' * DEPTH + b"1" + b"}" * DEPTH + b"}\n"),
        (
            "nested_doc.json",
            b'{"format": "annotator-json", "version": 1, "documents": [' + b"[" * DEPTH + b"]" * DEPTH + b"]}",
        ),
        ("open.json", b"[" * DEPTH),
        ("huge_int.jsonl", b'{"text": "abc", "spans": [{"start": 0, "end": ' + b"9" * 5000 + b', "label": "ORG"}]}\n'),
        ("huge_float.json", b'{"format": "annotator-json", "version": 1e999, "documents": []}'),
        (
            "huge_id.json",
            b'{"format": "annotator-json", "version": 1, "documents": [{"name": "n", "text": "abc", "entities": '
            b'[{"id": 99999999999999999999999, "start": 0, "end": 1, "label": "ORG"}]}]}',
        ),
        ("neg.jsonl", b'{"text": "abc", "spans": [{"start": -1, "end": 2, "label": "ORG"}]}\n'),
        ("crossing.jsonl", b'{"text": "abc", "spans": [{"start": 2, "end": 1, "label": "ORG"}]}\n'),
        ("empty_span.jsonl", b'{"text": "abc", "spans": [{"start": 1, "end": 1, "label": "ORG"}]}\n'),
        ("lone_surrogate.jsonl", b'{"text": "a\\ud800b"}\n'),
        ("nul.txt", b"abc\x00def"),
        ("bom_only.txt", b"\xef\xbb\xbf"),
        ("latin1.txt", "caf\u00e9".encode("latin-1")),
        (
            "unknown_arg.json",
            b'{"format": "annotator-json", "version": 1, "documents": [{"name": "n", "text": "Anna met",'
            b' "entities": [], "events": [{"type": "Contact:Meet", "trigger": {"start": 5, "end": 8},'
            b' "arguments": [{"role": "Entity", "entity_id": 42}]}]}]}',
        ),
    ],
)
def test_extreme_inputs(fuzz_project, name, data):
    p, folder = fuzz_project
    outcome = check_import(p, write(folder, name, data), "extreme cases")
    if not name.startswith(("latin1",)):
        assert outcome == "refused", name


# -- format readers added by other modules (brat, prodigy, doccano, label studio, ...) --------------
READERS = sorted(readers())
TEXT = "Anna Berg met Reuters in Paris."


def _region(rid: str, start: int, end: int, text: str, label: str, **more: object) -> dict:
    """A Label Studio labels region over ``TEXT``."""
    value = {"start": start, "end": end, "text": text, "labels": [label]}
    return {"id": rid, "type": "labels", "from_name": "label", "to_name": "text", **more, "value": value}


HAND_MADE = {  # a correct input for readers that have no writer to make one
    "doccano": (
        "sample.jsonl",
        _dumps(
            {
                "text": TEXT,
                "entities": [
                    {"id": 1, "start_offset": 0, "end_offset": 9, "label": "PERSON"},
                    {"id": 2, "start_offset": 14, "end_offset": 21, "label": "ORG"},
                    {"id": 3, "start_offset": 25, "end_offset": 30, "label": "GPE"},
                ],
                "relations": [],
            }
        )
        + b"\n",
    ),
    "pubtator": (  # session 31: BioCreative CDR's shape, our own text
        "sample.PubTator.txt",
        b"1|t|" + TEXT.encode() + b"\n1|a|It was cold.\n1\t0\t9\tAnna Berg\tPERSON\t-1\n"
        b"1\t14\t21\tReuters\tORG\tD000001\n1\t25\t30\tParis\tGPE\tD000002|D000003\n1\tCID\tD000001\tD000002\n",
    ),
    "oneie": (
        "sample.oneie.json",
        _dumps(
            {
                "doc_id": "d",
                "sent_id": "d-0",
                "tokens": ["Anna", "Berg", "met", "Reuters", "in", "Paris", "."],
                "sentence": TEXT,
                "entity_mentions": [
                    {"id": "d-E1", "entity_type": "PER", "mention_type": "NAM", "start": 0, "end": 2},
                    {"id": "d-E2", "entity_type": "ORG", "mention_type": "NAM", "start": 3, "end": 4},
                    {"id": "d-E3", "entity_type": "GPE", "mention_type": "NAM", "start": 5, "end": 6},
                ],
                "relation_mentions": [
                    {
                        "relation_type": "ORG-AFF",
                        "arguments": [{"entity_id": "d-E1", "role": "Arg-1"}, {"entity_id": "d-E2", "role": "Arg-2"}],
                    }
                ],
                "event_mentions": [
                    {
                        "event_type": "Contact:Meet",
                        "trigger": {"start": 2, "end": 3, "text": "met"},
                        "arguments": [{"entity_id": "d-E1", "role": "Entity"}, {"entity_id": "d-E3", "role": "Place"}],
                    }
                ],
            }
        )
        + b"\n",
    ),
    "label_studio": (
        "sample.json",
        _dumps(
            [
                {
                    "id": 1,
                    "data": {"text": TEXT},
                    "annotations": [
                        {
                            "result": [
                                _region("a", 0, 9, "Anna Berg", "PERSON"),
                                _region("b", 25, 30, "Paris", "GPE"),
                            ]
                        }
                    ],
                }
            ]
        ),
    ),
}


# other shapes one reader takes, each fuzzed as a reader of its own: ``name -> (format, file name, bytes)``
_MAVEN_TEXT = "Anna Berg met Reuters in Paris ."
SHAPES = {
    "omnievent (MAVEN)": (
        "omnievent",
        "train.jsonl",
        _dumps(
            {
                "id": "m",
                "title": "T",
                "content": [
                    {"sentence": "Anna Berg met Reuters in Paris.", "tokens": _MAVEN_TEXT.split()},
                    {"sentence": "She left.", "tokens": ["She", "left", "."]},
                ],
                "events": [
                    {
                        "id": "e1",
                        "type": "Meet",
                        "mention": [{"id": "m1", "trigger_word": "met", "sent_id": 0, "offset": [2, 3]}],
                    }
                ],
                "negative_triggers": [{"id": "n1", "trigger_word": "left", "sent_id": 1, "offset": [1, 2]}],
            }
        )
        + b"\n",
    ),
    "omnievent (MAVEN-ARG)": (
        "omnievent",
        "train.jsonl",
        _dumps(
            {
                "id": "a",
                "title": "T",
                "document": _MAVEN_TEXT,
                "events": [
                    {
                        "id": "E1",
                        "type": "Meet",
                        "mention": [{"id": "m1", "trigger_word": "met", "offset": [10, 13]}],
                        "argument": {
                            "Entity": [{"content": "Anna Berg", "offset": [0, 9]}],
                            "Place": [{"entity_id": "P"}],
                        },
                    }
                ],
                "entities": [
                    {"id": "P", "type": "GPE", "mention": [{"id": "p1", "mention": "Paris", "offset": [25, 30]}]}
                ],
            }
        )
        + b"\n",
    ),
    "omnievent (MAVEN-ERE)": (  # session 31: the training lines, tokens a list a sentence, events as chains
        "omnievent",
        "train.jsonl",
        _dumps(
            {
                "id": "e",
                "title": "T",
                "tokens": [_MAVEN_TEXT.split(), ["She", "left", "in", "1912", "."]],
                "sentences": ["Anna Berg met Reuters in Paris.", "She left in 1912."],
                "events": [
                    {
                        "id": "EVENT_1",
                        "type": "Meet",
                        "type_id": 1,
                        "mention": [{"id": "m1", "trigger_word": "met", "sent_id": 0, "offset": [2, 3]}],
                    },
                    {
                        "id": "EVENT_2",
                        "type": "Departing",
                        "type_id": 2,
                        "mention": [{"id": "m2", "trigger_word": "left", "sent_id": 1, "offset": [1, 2]}],
                    },
                ],
                "TIMEX": [{"id": "TIME_1", "mention": "1912", "type": "DATE", "sent_id": 1, "offset": [3, 4]}],
                "temporal_relations": {"BEFORE": [["EVENT_1", "EVENT_2"]], "CONTAINS": [["TIME_1", "EVENT_2"]]},
                "causal_relations": {"CAUSE": [], "PRECONDITION": [["EVENT_1", "EVENT_2"]]},
                "subevent_relations": [],
            }
        )
        + b"\n",
    ),
    "spacy (Doc.to_json)": (  # session 31: a pipeline's Docs dumped a line each
        "spacy",
        "docs.jsonl",
        _dumps(
            {
                "text": TEXT,
                "ents": [
                    {"start": 0, "end": 9, "label": "PERSON"},
                    {"start": 14, "end": 21, "label": "ORG"},
                    {"start": 25, "end": 30, "label": "GPE"},
                ],
                "sents": [{"start": 0, "end": 31}],
                "cats": {"POLITICS": 1.0},
                "spans": {"sc": [{"start": 0, "end": 9, "label": "PERSON", "kb_id": ""}]},
                "tokens": [
                    {"id": k, "start": a, "end": b}
                    for k, (a, b) in enumerate([(0, 4), (5, 9), (10, 13), (14, 21), (22, 24), (25, 30), (30, 31)])
                ],
            }
        )
        + b"\n",
    ),
    "hf (Polyglot-NER)": (  # session 31: words and ner, bare labels (the IO scheme)
        "hf",
        "train.jsonl",
        _dumps(
            {
                "id": "0",
                "lang": "en",
                "words": _MAVEN_TEXT.split(),
                "ner": ["PER", "PER", "O", "ORG", "O", "LOC", "O"],
            }
        )
        + b"\n",
    ),
    "conll (CoNLL-2012)": (
        "conll",
        "wsj.gold_conll",
        b"#begin document (nw/wsj/00/wsj_0001); part 000\n"
        + b"".join(
            f"nw/wsj/00/wsj_0001 0 {k} {w} NNP * - - - - {n} * {c}\n".encode()
            for k, (w, n, c) in enumerate(
                zip(
                    _MAVEN_TEXT.split(),
                    ["(PERSON*", "*)", "*", "(ORG)", "*", "(GPE)", "*"],
                    ["(0", "0)", "-", "(1)|(0", "0)", "(1)", "-"],  # the coreference column (session 31)
                )
            )
        )
        + b"\n#end document\n",
    ),
    "oneie (RAMS)": (
        "oneie",
        "dev.jsonlines",
        _dumps(
            {
                "doc_key": "r",
                "sentences": [_MAVEN_TEXT.split(), ["She", "left", "."]],
                "evt_triggers": [[2, 2, [["contact.meet.n/a", 1.0]]]],
                "ent_spans": [[0, 1, [["evt001arg01participant", 1.0]]], [5, 5, [["evt001arg02place", 1.0]]]],
                "gold_evt_links": [[[2, 2], [0, 1], "evt001arg01participant"], [[2, 2], [5, 5], "evt001arg02place"]],
            }
        )
        + b"\n",
    ),
    "label_studio (predictions, reviews)": (
        "label_studio",
        "tasks.json",
        _dumps(
            [
                {
                    "id": 1,
                    "data": {"text": TEXT},
                    "annotations": [
                        {
                            "id": 11,
                            "completed_by": 2,
                            "result": [_region("a", 0, 9, "Anna Berg", "PERSON")],
                            "reviews": [{"accepted": True, "created_by": 3}],
                        }
                    ],
                    "drafts": [
                        {
                            "user": 4,
                            "result": [_region("d", 25, 30, "Paris", "GPE")],
                        }
                    ],
                    "predictions": [
                        {
                            "model_version": "m1",
                            "score": 0.5,
                            "result": [_region("p", 14, 21, "Reuters", "ORG", score=0.9)],
                        }
                    ],
                }
            ]
        ),
    ),
    "oneie (TACRED)": (  # session 32: TACRED's relation examples, a JSON list, two of one sentence
        "oneie",
        "train.json",
        _dumps(
            [
                {
                    "id": "t1",
                    "docid": "d",
                    "relation": "org:top_members/employees",
                    "token": _MAVEN_TEXT.split(),
                    "subj_start": 3,
                    "subj_end": 3,
                    "obj_start": 0,
                    "obj_end": 1,
                    "subj_type": "ORGANIZATION",
                    "obj_type": "PERSON",
                    "stanford_pos": ["NNP"] * 7,
                },
                {
                    "id": "t2",
                    "docid": "d",
                    "relation": "no_relation",
                    "token": _MAVEN_TEXT.split(),
                    "subj_start": 0,
                    "subj_end": 1,
                    "obj_start": 5,
                    "obj_end": 5,
                    "subj_type": "PERSON",
                    "obj_type": "CITY",
                },
            ]
        ),
    ),  # fmt: skip
    "oneie (DocRED)": (  # session 32: DocRED's documents, a JSON list: entities of several mentions, relations
        "oneie",
        "train_annotated.json",
        _dumps(
            [
                {
                    "title": "Anna Berg",
                    "sents": [_MAVEN_TEXT.split(), ["She", "left", "."]],
                    "vertexSet": [
                        [
                            {"name": "Anna Berg", "pos": [0, 2], "sent_id": 0, "type": "PER"},
                            {"name": "She", "pos": [0, 1], "sent_id": 1, "type": "PER"},
                        ],
                        [{"name": "Reuters", "pos": [3, 4], "sent_id": 0, "type": "ORG"}],
                    ],
                    "labels": [{"h": 0, "t": 1, "r": "P108", "evidence": [0]}],
                }
            ]
        ),
    ),
    "oneie (UIE)": (  # session 32: UIE's sentence lines, read as OneIE's
        "oneie",
        "train.json",
        _dumps(
            {
                "text": _MAVEN_TEXT,
                "tokens": _MAVEN_TEXT.split(),
                "record": "<extra_id_0> <extra_id_0> meet <extra_id_5> met <extra_id_1> <extra_id_1>",
                "entity": [
                    {"type": "person", "offset": [0, 1], "text": "Anna Berg"},
                    {"type": "organization", "offset": [3], "text": "Reuters"},
                ],
                "relation": [
                    {
                        "type": "org affiliation",
                        "args": [
                            {"type": "person", "offset": [0, 1], "text": "Anna Berg"},
                            {"type": "organization", "offset": [3], "text": "Reuters"},
                        ],
                    }
                ],
                "event": [
                    {
                        "type": "meet",
                        "offset": [2],
                        "text": "met",
                        "args": [
                            {"type": "entity", "offset": [0, 1], "text": "Anna Berg"},
                            {"type": "place", "offset": [5], "text": "Paris"},
                        ],
                    }
                ],
                "spot": ["meet", "person"],
                "asoc": ["entity"],
                "spot_asoc": [{"span": "met", "label": "meet", "asoc": [["entity", "Anna Berg"]]}],
            }
        )
        + b"\n",
    ),
}


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    """For each reader: (file name, bytes) of a correct input, made by the matching writer where there is one."""
    folder = tmp_path_factory.mktemp("samples")
    out = {}
    with Project(folder / "src.annotator", annotator="w") as p:
        import_documents(
            p,
            [
                IncomingDocument(
                    text=TEXT,
                    name="d",
                    entities=[
                        IncomingEntity(1, 0, 9, "PERSON"),
                        IncomingEntity(2, 14, 21, "ORG"),
                        IncomingEntity(3, 25, 30, "GPE"),
                    ],
                    events=[IncomingEvent("Contact:Meet", 10, 13, {}, [("Entity", 1), ("Place", 3)])],
                )
            ],
        )
        for name in READERS:
            if name in HAND_MADE:
                out[name] = {HAND_MADE[name][0]: HAND_MADE[name][1]}
            elif name in writers():
                target = folder / name / (f"sample.{'jsonl' if name == 'prodigy' else name}")
                target.parent.mkdir()
                writers()[name](p, target if name != "brat" else folder / name / "export")
                root = folder / name
                out[name] = {str(f.relative_to(root)): f.read_bytes() for f in root.rglob("*") if f.is_file()}
    for name, (_, file_name, data) in SHAPES.items():
        out[name] = {file_name: data}
    return out


def _import_format(project: Project, fmt: str, folder: Path, files: dict[str, bytes], kind: str) -> str:
    from annotator.formats.loading import import_format

    COUNTED[kind] = COUNTED.get(kind, 0) + 1
    for rel, data in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    target = folder if fmt == "brat" else folder / next(iter(files))
    before = table_counts(project.path)
    try:
        report = import_format(project, fmt, [target])
    except AnnotatorError as exc:
        assert str(exc).strip() and "Traceback" not in str(exc)
        assert table_counts(project.path) == before, "a refused input changed the project"
        return "refused"
    except Exception as exc:  # collected, so one run names every distinct crash (asserted at the end)
        import traceback

        frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/annotator/" in f.filename]
        where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
        READER_CRASHES.setdefault(f"{fmt}: {type(exc).__name__} at {where}", str(exc)[:100])
        assert table_counts(project.path) == before, "a crashed import changed the project"
        return "crashed"
    after = table_counts(project.path)
    assert after["documents"] - before["documents"] == len(report.imported)
    assert after["entities"] - before["entities"] == report.entities
    IMPORTED[kind] = IMPORTED.get(kind, 0) + 1
    _empty(project)
    return "imported"


READER_CRASHES: dict[str, str] = {}


def _paths(obj, prefix=()):  # type: ignore[no-untyped-def]
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for k, v in enumerate(obj):
            yield from _paths(v, (*prefix, k))


def _format_of(which: str) -> str:
    return SHAPES[which][0] if which in SHAPES else which


@pytest.mark.parametrize("which", [*READERS, *SHAPES])
def test_format_reader_sample_imports(project, samples, which, tmp_path):
    """Each correct sample imports into a new news project of its own: the module's shared project, emptied of
    documents, takes the schema of a file imported into it (a project without documents adopts it), so after the
    MAVEN samples the spaCy and Prodigy ones were refused ('attribute 'polarity' is not in the schema'): the
    tests passed in file order only."""
    assert _import_format(project, _format_of(which), tmp_path, samples[which], f"reader {which} sample") == "imported"


@pytest.mark.slow
@pytest.mark.skipif(not READERS, reason="no extra format readers registered yet")
@settings(RELIABLE, max_examples=scaled(200))
@given(which=st.sampled_from([*READERS, *SHAPES] if READERS else ["none"]), data=st.data())
def test_format_readers(fuzz_project, samples, which, data):
    """A correct input of each format, then hostile: values replaced at random places, bytes cut, flipped or random."""
    p, folder = fuzz_project
    files = dict(samples[which])
    rel = data.draw(st.sampled_from(sorted(files)))
    how = data.draw(st.sampled_from(["values", "values", "truncate", "flip", "random"]))
    raw = files[rel]
    if how == "values" and rel.endswith((".json", ".jsonl")):
        lines = raw.splitlines() if rel.endswith(".jsonl") else [raw]
        k = data.draw(st.integers(0, len(lines) - 1))
        obj = json.loads(lines[k])
        for path in data.draw(st.lists(st.sampled_from(list(_paths(obj))[1:]), min_size=1, max_size=3)):
            try:
                _set(obj, path, data.draw(st.one_of(VALUES, st.just(_DELETE))))
            except (KeyError, IndexError, TypeError, AttributeError):
                pass
        lines[k] = _dumps(obj)
        raw = b"\n".join(lines) + b"\n"
    elif how == "values":  # brat standoff and text: replace one field of one line
        lines = raw.split(b"\n")
        k = data.draw(st.integers(0, len(lines) - 1))
        fields = lines[k].replace(b"\t", b" ").split(b" ")
        j = data.draw(st.integers(0, len(fields) - 1))
        fields[j] = data.draw(
            st.sampled_from([b"-1", b"99999999999999999999", b"", b"T99", b"E7", b"Nope", b"3.5", b"x:y"])
        )
        lines[k] = b" ".join(fields[:2]) + (b"\t" if len(fields) > 2 else b"") + b" ".join(fields[2:])
        raw = b"\n".join(lines)
    elif how == "truncate":
        raw = raw[: data.draw(st.integers(0, max(len(raw) - 1, 0)))]
    elif how == "flip" and raw:
        k = data.draw(st.integers(0, len(raw) - 1))
        raw = raw[:k] + bytes([raw[k] ^ (1 << data.draw(st.integers(0, 7)))]) + raw[k + 1 :]
    else:
        raw = data.draw(st.binary(max_size=300))
    files[rel] = raw
    target = folder / f"reader_{which}"
    if target.exists():
        import shutil

        shutil.rmtree(target)
    target.mkdir()
    _import_format(p, _format_of(which), target, files, f"reader {which}")


# crashes found by this fuzzing in readers outside the reliability work, reported to their authors;
# drop an entry once its reader is fixed (then any crash there fails again)
KNOWN_CRASHES: set[str] = set()


def test_format_readers_never_crashed(figures):
    """Runs after the fuzzing above: every crash it met, by reader and place. Where the fuzzing did not run in this
    process (left out with the slow tests, or run by the other xdist worker) there is nothing to check: skipped, not
    passed."""
    fuzzed = sum(n for kind, n in COUNTED.items() if kind.startswith("reader ") and not kind.endswith(" sample"))
    if not fuzzed:
        pytest.skip("the readers' fuzzing (test_format_readers, slow) did not run in this process")
    new = {k: v for k, v in READER_CRASHES.items() if k.rsplit(":", 1)[0] not in KNOWN_CRASHES}
    assert not new, "\n".join(f"{k}: {v}" for k, v in sorted(new.items()))
    if READER_CRASHES:
        figures.update(known_reader_crashes=sorted(READER_CRASHES))
        pytest.xfail("known reader crashes: " + "; ".join(f"{k}: {v}" for k, v in sorted(READER_CRASHES.items())))
