"""Which reader fits an input, told from its name and content, for ``import`` without ``--format``.

- A folder holding ``.ann`` files (at any depth), an ``.ann`` file, or a ``.txt`` file with its ``.ann`` beside it:
  ``brat`` (the pair is one document, however many of its files are given); the same with the BioNLP Shared Tasks'
  ``.a1``/``.a2`` files, which brat reads as one ``.ann``.
- ``.json``/``.jsonl`` whose first object has ``data`` with ``annotations``, ``predictions`` or ``completions`` (or
  ``data`` and only Label Studio's task keys): ``label_studio``.
- ``.jsonl`` whose first object has ``_input_hash``, ``_task_hash``, ``answer`` or ``tokens``: ``prodigy``; a file
  under any other name (``corpus.prodigy``, ``corpus.json``, ``corpus.train`` as a split export writes) whose first
  line is a Prodigy task with its ``_input_hash``/``_task_hash`` (what Prodigy and ``export -f prodigy`` write):
  ``prodigy`` too.
- ``.jsonl`` or ``.json`` whose first object has ``label``/``labels`` as ``[start, end, LABEL]`` lists, or ``entities``
  with ``start_offset`` (or no entities and a ``relations`` list: a text without spans): ``doccano``.
- ``.jsonl`` or ``.json`` whose first object has ``sentences`` as lists of tokens and a ``doc_key`` (or ``ner``,
  ``relations``, ``events``, ``clusters``): ``dygiepp`` (DyGIE++'s data is JSONL, often named ``train.json``).
- ``.jsonl`` or ``.json`` whose first object has ``tokens`` beside ``entity_mentions`` or ``event_mentions``: ``oneie``
  (OneIE's ACE05-E and ERE-EN data, ``train.oneie.json``; it was read as Prodigy for its ``tokens`` and refused;
  WikiEvents' document lines too, ``formats.wikievents``).
- ``.jsonl`` or ``.json`` whose first object has ``tokens`` (or ``words``) as strings and a list of the same length
  beside them: ``hf`` (a Hugging Face token classification dataset, ``Dataset.to_json``'s lines; it was taken for
  Prodigy; Polyglot-NER's ``words`` and ``ner`` were taken for the project's own JSONL until session 31; tags under
  a key it does not read are refused naming the keys).
- ``.jsonl`` or ``.json`` whose first object is an OmniEvent line (``text`` beside ``negative_triggers``, ``events``
  of ``triggers`` or ``entities`` of ``mentions``: ``train.unified.jsonl``) or a MAVEN document (``content`` of
  ``tokens`` beside ``events``): ``omnievent`` (before doccano's and Prodigy's, which also have a ``text``).
- ``.conll``, ``.iob``, ``.bio`` files, and files of any other name but ``.json``/``.jsonl`` (``train.txt``,
  ``eng.train``, as CoNLL-2003's copies are named) whose first lines are ``-DOCSTART-``, token lines with a column
  of IOB tags, or sentences of ``word|TAG`` tokens (spaCy's ``iob`` input), or CoNLL-U lines with entities in MISC
  (``NER=B-PER``, ``Entity=(e1-person``): ``conll`` (such a ``train.txt`` was
  imported as one plain-text document, its tags as words).
- ``.spacy``: a spaCy DocBin (``spacy``); ``.json`` or ``.jsonl`` whose first object has ``paragraphs`` of
  ``sentences`` (and no ``text``): spaCy v2's JSON training format (``spacy`` too; it was refused naming
  ``spacy convert``).
- ``.csv``/``.tsv`` whose first row has a column of regions (``[{"start", "end", "text", "labels"}]`` as JSON text):
  Label Studio's CSV export (``label_studio``); one whose header names a ``text`` and a ``label`` column (or doccano's
  older ``column_data``, ``column_label``): doccano's text classification upload (``doccano``); other tables stay
  unknown. A ``.txt`` whose first line is such a header cut by tabs (Excel's "Unicode Text" and "Text (Tab
  delimited)" saves) too.
- A file (any name but ``.json``/``.jsonl``) whose first line starts with ``__label__``, as most of the next do:
  doccano's fastText upload (``doccano``; it was a plain text, the labels words of it).
- A file (any name but ``.json``/``.jsonl``) whose first line is ``#FORMAT=WebAnno TSV 3.x``: ``webanno`` (INCEpTION's and
  WebAnno's export; a ``.tsv`` was taken for a table and left unknown); a folder of nothing but such files too (read
  whole, as a brat folder is, so the labels its files add to a new project's schema are added once).
- Anything else: None (the project's own readers by suffix: ``.txt``, simple or exported ``.jsonl``, the
  JSON export), which refuse what they cannot read.
Only the start of a file is looked at; a file that is not JSON is left to the suffix readers to refuse.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.text_encoding import file_head, head_text, json_opening

SNIFF_BYTES = 1 << 20
BRAT_SUFFIXES = (".ann", ".a1", ".a2")  # brat's file, and the BioNLP Shared Tasks' pair brat reads as one


def _first_object(path: Path) -> Any:
    text = file_head(path, SNIFF_BYTES).lstrip(" \t\r\n")
    decoder = json.JSONDecoder()
    try:
        if text.startswith("["):
            i = 1
            while i < len(text) and text[i] in " \t\r\n":
                i += 1
            return decoder.raw_decode(text, i)[0]
        return decoder.raw_decode(text)[0]
    except (ValueError, RecursionError):
        line = text.split("\n", 1)[0]
        try:
            return json.loads(line)
        except (ValueError, RecursionError):  # not JSON, or nested past what the decoder takes: not another tool's
            return None


def _is_label_studio(obj: Any) -> bool:
    """A task: ``data`` with annotations, predictions or completions (Label Studio before 1.0, John Snow Labs'
    Annotation Lab), or ``data`` and nothing but Label Studio's task keys."""
    from annotator.formats.label_studio_forms import TASK_KEYS, from_json_min

    if from_json_min(obj) is not None:  # the JSON-MIN export: flat, each tag's regions under its name
        return True
    if not isinstance(obj, dict) or not isinstance(obj.get("data"), dict):
        return False
    return bool({"annotations", "predictions", "completions"} & set(obj)) or set(obj) <= TASK_KEYS | {"data"}


def _is_label_studio_csv(path: Path) -> bool:
    """Label Studio's CSV (TSV) export: its first row is a JSON-MIN task (a column of regions as JSON text)."""
    from annotator.formats.label_studio_forms import csv_first_task, from_json_min

    head = file_head(path, SNIFF_BYTES)
    if not head:
        return False
    task = csv_first_task(path, head)
    return task is not None and from_json_min(task) is not None


def _is_prodigy(obj: Any) -> bool:
    """A Prodigy task: its hashes, an answer, or its list of tokens (the project's own JSONL export writes a
    document's stored tokens as an object)."""
    return isinstance(obj, dict) and (
        any(k in obj for k in ("_input_hash", "_task_hash", "answer")) or isinstance(obj.get("tokens"), list)
    )


def _is_prodigy_task(obj: Any) -> bool:
    """A task Prodigy (or ``export -f prodigy``) wrote: text and its hashes, whatever the file is called."""
    return isinstance(obj, dict) and isinstance(obj.get("text"), str) and ("_input_hash" in obj or "_task_hash" in obj)


def _is_doccano(obj: Any) -> bool:
    from annotator.formats.doccano_names import intent_categories

    if not isinstance(obj, dict) or "text" not in obj and not isinstance(obj.get("data"), str):
        return False  # doccano 1.4's and 1.5's download: the text under "data", a string (Label Studio's an object)
    labels = obj.get("label", obj.get("labels"))
    if isinstance(labels, list) and labels and all(isinstance(x, list) and len(x) in (3, 4) for x in labels):
        return True
    if isinstance(labels, list) and labels and all(isinstance(x, str) for x in labels):
        return True  # a text classification project's export: {"id", "text", "label": ["positive"]}
    ents = obj.get("entities")
    if isinstance(ents, list) and not ents and isinstance(obj.get("relations"), list):
        return True  # the relation export of a text without spans ("entities": [], "relations": []); spaCy's has none
    if (
        isinstance(ents, list)
        and all(isinstance(x, list) for x in ents)
        and intent_categories(obj)
        and "Comments" in obj
    ):
        # doccano's intent detection and slot filling export ({"id", "text", "cats": ["flight"], "entities": [[0, 5,
        # "City"]], "Comments": []}: its Comments column is in every line it writes): read as spaCy's training lines,
        # its Comments and id became meta and the doccano export wrote the id as 1; lines in its upload's shape
        # (no Comments) stay training lines, which keep the intent shape too (session 38)
        return True
    if not isinstance(ents, list):
        ents = obj.get("annotations")  # doccano 1.x's download: the same objects under "annotations"
    return isinstance(ents, list) and bool(ents) and isinstance(ents[0], dict) and "start_offset" in ents[0]


def _is_dygiepp(obj: Any) -> bool:
    """A DyGIE++ document: ``sentences`` as lists of tokens, with its ``doc_key`` or a DyGIE++ annotation field."""
    if not isinstance(obj, dict):
        return False
    sentences = obj.get("sentences")
    if not (isinstance(sentences, list) and sentences and all(isinstance(s, list) for s in sentences)):
        return False
    return any(k in obj for k in ("doc_key", "ner", "relations", "events", "clusters"))


def _is_spacy_v2(obj: Any) -> bool:
    from annotator.formats.spacy_v2 import is_v2_document

    return is_v2_document(obj)


def _is_doc_json(obj: Any) -> bool:
    from annotator.formats.spacy_doc_json import is_doc_json

    return is_doc_json(obj)


def _is_rams(obj: Any) -> bool:
    from annotator.formats.rams import is_rams_line

    return is_rams_line(obj)


def _is_uie(obj: Any) -> bool:
    from annotator.formats.docred import is_docred_document
    from annotator.formats.tacred import is_tacred_example
    from annotator.formats.uie import is_uie_line

    return is_uie_line(obj) or is_tacred_example(obj) or is_docred_document(obj)  # all read by the OneIE reader


def _is_oneie(obj: Any) -> bool:
    from annotator.formats.oneie import is_oneie_line

    return is_oneie_line(obj)


CONLL_SUFFIXES = (".conll", ".conllu", ".iob", ".iob2", ".bio", ".bioes")


def _is_hf(obj: Any) -> bool:
    from annotator.formats.hf_tokens_read import is_token_line

    return is_token_line(obj)


def _is_omnievent(obj: Any) -> bool:
    from annotator.formats.omnievent import is_omnievent_line

    return is_omnievent_line(obj)


def _head_lines(path: Path, size: int = 1 << 16) -> list[str]:
    """The first lines of ``path`` (the last left out of a full read: it may be cut)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(size)
    except OSError:
        return []
    lines = head_text(head).replace("\r", "").split("\n")
    return lines[:-1] if len(head) == size else lines


def _is_conll(lines: list[str]) -> bool:
    """A column file: its first line ``-DOCSTART-`` or its first lines tokens with a column of IOB tags."""
    from annotator.formats.conll2012 import is_conll2012
    from annotator.formats.conll_columns import column_file, sentence_lines
    from annotator.formats.conllu_misc import misc_entities

    first = next((line for line in lines if line.strip()), "")
    return (
        first.startswith("-DOCSTART-")
        or is_conll2012(lines)  # OntoNotes' names in brackets (CoNLL-2012's *.gold_conll)
        or column_file(lines)
        or sentence_lines(lines)
        or misc_entities(lines)  # CoNLL-U with NER=B-PER or Entity=( in MISC, under another name than .conllu
    )


def _is_pubtator(lines: list[str]) -> bool:
    from annotator.formats.pubtator import is_pubtator

    return is_pubtator(lines)


def _is_fasttext(lines: list[str]) -> bool:
    from annotator.formats.doccano_tables import is_fasttext

    return is_fasttext(lines)


def _is_tab_table(line: str) -> bool:
    from annotator.formats.doccano_tables import is_tab_table

    return is_tab_table(line)


def _is_doccano_table(path: Path) -> bool:
    """doccano's CSV upload: a header with a text column and a label column (``text,label``); a ``.csv`` with a text
    column alone too (texts to annotate: doccano's upload without labels, Label Studio's CSV of tasks,
    ``meta_info,text``; session 24: "unknown kind of file"). A ``.tsv`` needs both: a CoNLL file's first token may be
    ``text``."""
    from annotator.formats.doccano_tables import header_columns
    from annotator.formats.reading import csv_delimiter, line_cells

    lines = _head_lines(path, 4096)
    if not lines:
        return False
    columns = header_columns(lines[0])
    wide = len(line_cells(lines[0], csv_delimiter(lines[0]))) > 1
    return columns is not None and (columns[1] is not None or path.suffix.lower() == ".csv" and wide)


def _is_webanno(path: Path) -> bool:
    from annotator.formats.webanno_tsv import is_webanno_file

    return is_webanno_file(path)


def detect_format(path: str | Path) -> str | None:
    """The reader name for ``path`` when its name or content says which tool made it, else None."""
    p = Path(path)
    if p.is_dir():
        if any(f.is_file() and f.suffix in BRAT_SUFFIXES for f in p.rglob("*.a*")):
            return "brat"
        files = (f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        first = next(files, None)
        return "webanno" if first is not None and _is_webanno(first) and all(map(_is_webanno, files)) else None
    suffix = p.suffix.lower()
    suffix = ".jsonl" if suffix == ".jsonlines" else suffix  # RAMS' ending (and AllenNLP's, gen-arg's coref files)
    if suffix in BRAT_SUFFIXES:
        return "brat"
    if suffix == ".txt" and p.suffix == ".txt" and any(p.with_name(p.name[:-4] + s).is_file() for s in BRAT_SUFFIXES):
        return "brat"  # a text with its brat annotations beside it
    if suffix in CONLL_SUFFIXES or suffix.endswith("_conll") and _is_conll(_head_lines(p)):
        return "conll"  # and CoNLL-2012's .gold_conll, .v4_gold_conll, .v4_auto_conll
    if suffix == ".spacy":
        return "spacy"
    if suffix not in (".json", ".jsonl") and p.is_file() and _is_webanno(p):
        return "webanno"
    if suffix in (".csv", ".tsv") and _is_label_studio_csv(p):
        return "label_studio"  # other tables go on: a GermEval .tsv is CoNLL
    if suffix in (".csv", ".tsv") and _is_doccano_table(p):
        return "doccano"  # doccano's text classification CSV upload (text,label)
    if suffix not in (
        ".json",
        ".jsonl",
    ):  # a Prodigy export or a CoNLL file under another name, else the suffix readers'
        if not p.is_file():
            return None
        if json_opening(p) == "{":  # a .txt or .spacy written as JSON (UTF-16 too)
            return "prodigy" if _is_prodigy_task(_first_object(p)) else None
        lines = _head_lines(p)
        if _is_pubtator(lines):
            return "pubtator"  # BioCreative CDR's .PubTator.txt, NCBI disease's: was one plain document
        if suffix == ".txt" and lines and _is_tab_table(lines[0]):
            return "doccano"  # a doccano upload Excel saved as "Unicode Text" (UTF-16) or "Text (Tab delimited)"
        if _is_fasttext(lines):
            return "doccano"  # doccano's fastText upload (__label__pet dog cat)
        return "conll" if _is_conll(lines) else None
    obj = _first_object(p)
    if _is_label_studio(obj):
        return "label_studio"
    if _is_oneie(obj) or _is_rams(obj) or _is_uie(obj):  # before Prodigy's (tokens too); RAMS before DyGIE++'s
        return "oneie"
    if _is_omnievent(obj):  # before Prodigy's and doccano's: its lines have a text too
        return "omnievent"
    if _is_hf(obj):  # before Prodigy's too: its tokens are objects, these strings
        return "hf"
    if _is_doc_json(obj):  # before Prodigy's: spaCy's Doc.to_json(), tokens of characters without their text
        return "spacy"
    if _is_prodigy_task(obj) or (suffix == ".jsonl" and _is_prodigy(obj)):
        return "prodigy"
    if _is_doccano(obj):
        return "doccano"
    if _is_dygiepp(obj):
        return "dygiepp"
    if _is_spacy_v2(obj):
        return "spacy"
    return None


OWN_EXPORT_KEYS = ("sha256", "status", "events")  # what the project's JSONL export writes beside id, name and text


def told_apart(path: str | Path) -> tuple[str, str] | None:
    """What ``path`` is, told from its name and content, for a reader that refused it: (what it is, the import
    option that reads it), e.g. ("the project's own JSON export", "no --format"); None when nothing tells."""
    from annotator.formats.project_json_names import FORMAT
    from annotator.formats.registry import a_shown

    p = Path(path)
    fmt = detect_format(p)
    suffix = p.suffix.lower()
    if fmt == "spacy" and suffix in (".json", ".jsonl"):  # no DocBin: "a spaCy DocBin file" said of it (session 31)
        what = "spaCy's Doc.to_json() output" if _is_doc_json(_first_object(p)) else "a spaCy v2 JSON file"
        return what, f"--format {fmt}"
    if fmt is not None:
        return f"{a_shown(fmt)} file", f"--format {fmt}"
    if p.is_dir() or not p.is_file():
        return None
    if suffix in (".json", ".jsonl"):
        obj = _first_object(p)
        if isinstance(obj, dict) and obj.get("format") == FORMAT:
            return "the project's own JSON export", "no --format"
        if isinstance(obj, dict) and isinstance(obj.get("text"), str) and all(k in obj for k in OWN_EXPORT_KEYS):
            return "the project's own JSONL export", "no --format"
        if _is_displacy_manual(obj):  # the Prodigy reader took its text and lost its ents without a word
            return "displaCy's manual input (its entities under 'ents')", "no --format"
    return None


def _is_displacy_manual(obj: Any) -> bool:
    """displaCy's manual input (``{"text", "ents": [{"start", "end", "label"}, ...]}``), which the project's own
    reader takes (formats.plain) and no other reader does."""
    ents = obj.get("ents") if isinstance(obj, dict) else None
    return (
        isinstance(obj, dict)
        and isinstance(obj.get("text"), str)
        and "spans" not in obj
        and isinstance(ents, list)
        and bool(ents)
        and all(isinstance(x, dict) and {"start", "end", "label"} <= x.keys() for x in ents)
    )
