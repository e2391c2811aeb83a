"""PubTator's text format (BioCreative V CDR's ``CDR_TrainingSet.PubTator.txt``, the NCBI disease corpus, PubTator's own
export): a document a block, blocks apart by a blank line::

    227508|t|Naloxone reverses the antihypertensive effect of clonidine.
    227508|a|In unanesthetized, spontaneously hypertensive rats ...
    227508<TAB>0<TAB>8<TAB>Naloxone<TAB>Chemical<TAB>D009270
    227508<TAB>CID<TAB>D008750<TAB>D007022

The title and the abstract are the text, a line each (the abstract's offsets count one character between them, which
the line break is); a mention line is the document's id, start, end (code points, end exclusive), the words, the type
and its concept ids (``D009270``, ``MESH:D009270``, several joined by ``|``; ``-1`` none), a composite mention's
parts after them; a line of four fields whose second is no number is a relation between two concepts (CDR's ``CID``).
Each mention is an entity labelled by its type as the schema names it; the concept ids and the relations (between
concepts, not mentions) are kept in the document's meta under ``pubtator``, which the project's JSON carries and no
other export writes, said once a file. Session 31: such a file came in as one plain document, the annotation lines as
its words, without a word.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.formats.reading import LabelTally, ReadResult, need, need_known_labels, read_text_file
from annotator.formats.schema_names import SchemaNames
from annotator.importing import IncomingDocument, IncomingEntity
from annotator.schema import Schema, default_schema
from annotator.wording import counted

SOURCE = "pubtator"
TEXT_LINE = re.compile(r"([^|\t\s]+)\|([ta])\|(.*)")  # PMID|t|title, PMID|a|abstract
NO_CONCEPT = ("", "-", "-1")
NUMBER = re.compile(r"[0-9]+")


def is_pubtator(lines: list[str]) -> bool:
    """Whether ``lines`` (a file's first) are PubTator's: the first that is not blank is a document's title line and a
    mention line or an abstract of that document follows."""
    filled = [line.rstrip("\r\n") for line in lines if line.strip()]
    first = TEXT_LINE.fullmatch(filled[0]) if filled else None
    if first is None or first.group(2) != "t" or len(filled) < 2:
        return False
    pmid = first.group(1)
    second = TEXT_LINE.fullmatch(filled[1])
    if second is not None:
        return second.group(1) == pmid and second.group(2) == "a"
    fields = filled[1].split("\t")
    return len(fields) >= 4 and fields[0] == pmid


def read_pubtator(path: str | Path, schema: Schema | None = None) -> ReadResult:
    """A PubTator file: a document a block (title, abstract, mentions, relations)."""
    path = Path(path)
    schema = schema or default_schema()
    names = SchemaNames(schema)
    tally = LabelTally(path)
    docs: list[IncomingDocument] = []
    block: list[tuple[int, str]] = []
    lines = read_text_file(path).lstrip("\ufeff").split("\n")
    for number, line in enumerate([*lines, ""], start=1):
        line = line.rstrip("\r")
        if line.strip():
            block.append((number, line))
        elif block:
            with tally.collect():
                docs.append(_document(path, block, names, schema))
            block = []
    tally.check()
    need(bool(docs), path, None, "no documents in the file")
    concepts = sum(len(d.meta[SOURCE].get("concepts", [])) for d in docs)
    relations = sum(len(d.meta[SOURCE].get("relations", [])) for d in docs)
    notes = [
        f"{path}: read as PubTator: a document a block, named by its id, its title and abstract a line each, each "
        "mention an entity labelled by its type"
    ]
    notes += names.notes(str(path))
    kept = [counted(n, what) for n, what in ((concepts, "concept id"), (relations, "relation between concepts")) if n]
    if kept:
        notes.append(
            f"{path}: {' and '.join(kept)} kept in each document's meta ('pubtator'): the project's JSON "
            "carries them, no other export writes them (they name concepts, not mentions)"
        )
    return ReadResult(docs, notes=notes)


def _document(path: Path, block: list[tuple[int, str]], names: SchemaNames, schema: Schema) -> IncomingDocument:
    first_line, first = block[0]
    title = TEXT_LINE.fullmatch(first)
    need(
        title is not None and title.group(2) == "t",
        path,
        first_line,
        "a document must start with its 'ID|t|title' line",
    )
    assert title is not None
    pmid, text = title.group(1), title.group(3)
    rest = block[1:]
    if rest and (abstract := TEXT_LINE.fullmatch(rest[0][1])) is not None:
        need(abstract.group(1) == pmid and abstract.group(2) == "a", path, rest[0][0], f"not the abstract of {pmid}")
        text += "\n" + abstract.group(3) if abstract.group(3) else ""
        rest = rest[1:]
    entities: list[IncomingEntity] = []
    concepts: list[list[object]] = []
    relations: list[list[str]] = []
    seen: set[tuple[int, int, str]] = set()
    first_label_line: int | None = None
    for number, line in rest:
        fields = line.split("\t")
        need(fields[0] == pmid, path, number, f"a line of document {fields[0]!r} inside document {pmid!r}")
        if len(fields) == 4 and not NUMBER.fullmatch(fields[1]):
            relations.append(fields[1:])
            continue
        need(
            len(fields) >= 5 and NUMBER.fullmatch(fields[1]) is not None and NUMBER.fullmatch(fields[2]) is not None,
            path,
            number,
            "not a PubTator line: ID, start, end, words, type (and concept ids), or ID, relation, concept, concept",
        )
        start, end = int(fields[1]), int(fields[2])
        need(start < end <= len(text), path, number, f"offsets {start}, {end} are not a span of the text")
        need(
            text[start:end] == fields[3],
            path,
            number,
            f"offsets {start}, {end} hold {text[start:end]!r}, not {fields[3]!r}",
        )
        label = names.label(fields[4])
        first_label_line = first_label_line or number
        if (start, end, label) not in seen:  # a mention given twice is one entity
            seen.add((start, end, label))
            entities.append(IncomingEntity((start, end, label), start, end, label, "accepted", SOURCE))
        if len(fields) > 5 and fields[5] not in NO_CONCEPT:
            concepts.append([start, end, label, fields[5]])
    need_known_labels(schema, [e.label for e in entities], path, first_label_line)  # all of them, once
    meta = {
        SOURCE: {
            "id": pmid,
            **({"concepts": concepts} if concepts else {}),
            **({"relations": relations} if relations else {}),
        }
    }
    return IncomingDocument(
        text=text, name=pmid, meta=meta, source_path=str(path), source_line=first_line, entities=entities
    )
