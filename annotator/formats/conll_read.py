"""CoNLL column files in (``read_conll``): CoNLL-2003 and the files made like it (our export, ``spacy convert``'s
input, WNUT's, GermEval's, the copies named ``train.txt`` or ``eng.train``).

A token a line, its entity tags in a column (by default the rightmost column whose every value is ``O`` or a
tag; ``column=N`` names it); columns split by tabs when the file's token lines have them (a token may then hold a
space), else by runs of spaces, never both in one file. ``-DOCSTART-`` lines start a document (a file without one is
one document; ``documents=sentence`` or ``documents=N`` makes a document of each sentence, or of every N); a blank
line (or one of only whitespace, as WNUT's ``\\t`` lines) ends a sentence; a line starting with ``#`` that is not a
token line is a comment. Tag schemes: IOB (IOB1 and IOB2) and BIOES/BILOU, told from the tags (``S-``/``E-``/``U-``/
``L-``: BIOES) or named by ``scheme=``, and IO (bare labels, Stanford NER's) when named; read by
``annotator.formats.iob`` (spaCy's converters).

CoNLL keeps no original text: the text is rebuilt from the tokens (``formats.tokens.join_tokens``, as for DyGIE++),
and the tokens and sentences are stored as the document's tokens, so offsets line up with the file's tokens and the
token exports cut it as the file did. spaCy's ``iob`` converter input (WikiNER's layout) is read too: a sentence a
line, ``word|TAG`` or ``word|POS|TAG``. Entities come in ``accepted`` (imported gold), source ``conll``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from annotator.errors import ImportFileError, OptionError
from annotator.formats.reading import LabelTally, ReadResult, need, read_text_file, reader_options
from annotator.formats.conll2012 import with_bracket_tags
from annotator.formats.conll_columns import (
    PLACEHOLDERS,
    SNIFF_LINES,
    Shape,
    column_shape,
    column_names,
    line_fields,
    piped_fields,
    sampled_rows,
    sentence_lines,
    token_column,
)
from annotator.formats.conllu_chains import keep_chains
from annotator.formats.conllu_misc import MISC, empty_node_entities, space_after_text, with_misc_tags
from annotator.formats.iob import (
    SCHEME_NAMES,
    TAG,
    allowed,
    detect_scheme,
    entities,
    scheme_name,
)
from annotator.formats.meta_keys import CONLL_FORM
from annotator.formats.regions import Region, build_document
from annotator.formats.schema_names import SchemaNames, given_spellings
from annotator.formats.tokens import join_own_texts, join_tokens, tokens_in_text, word_places
from annotator.importing import IncomingDocument
from annotator.wording import counted
from annotator.schema import Schema

SHAPE = CONLL_FORM  # meta: how the file a document came from spelt the schema's labels (``given_spellings``)

MARKER_LIKE = re.compile(r"-[A-Z]+-")  # a token shaped as -DOCSTART- is ("-DOCTYPE- -X- -X- O", a typo met in a corpus)
TAGS_SAID = "O, B-LABEL, I-LABEL, E-, S-"
OWN_TEXT = re.compile(r"#\s*text\s*=\s?(.*)")  # CoNLL-U's "# text = ..." before a sentence: its text as written
NEWDOC = re.compile(r"#\s*newdoc(?:\s+id\s*=\s*(.*?))?\s*")  # CoNLL-U's "# newdoc id = ...": a document starts
WORDLESS = re.compile(
    r"\d+[-.]\d+\t"
)  # CoNLL-U's multiword token (1-2) and empty node (8.1) lines: no word of their own
MULTIWORD = re.compile(r"(\d+)-(\d+)\t([^\t]+)\t")  # a multiword token's line: its words' ids, its text


def _token_rows(path: Path, lines: list[str]) -> tuple[list[tuple[int, str]], int, dict[int, tuple[int, str]]]:
    """(line number, column line) a token, how many columns besides the token and the tag the file had (a
    sentence-a-line file becomes a token a line, a blank line after each sentence), and CoNLL-U's multiword tokens:
    the line of each one's first word -> (how many words, the token as the text has it: ``del`` for ``de el``)."""
    if not sentence_lines(lines):  # CoNLL-U's multiword token and empty node lines left out: their words follow them
        rows = [(number, line.rstrip(" \t\r")) for number, line in enumerate(lines, start=1)]
        surfaces: dict[int, tuple[int, str]] = {}
        pending: tuple[str, int, str] | None = None  # a multiword token's first word's id, its words, its text
        for n, line in rows:
            got = MULTIWORD.match(line)
            if got:
                first, last = int(got.group(1)), int(got.group(2))
                pending = (got.group(1), last - first + 1, got.group(3)) if last > first else None
            elif pending is not None and line.split("\t", 1)[0] == pending[0]:
                surfaces[n] = pending[1:]
                pending = None
        return [(n, line) for n, line in rows if not WORDLESS.match(line)], 0, surfaces
    rows: list[tuple[int, str]] = []
    other = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("-DOCSTART-"):
            rows.append((number, line))
            continue
        for token in line.split():
            parts = piped_fields(token)
            need(parts is not None, path, number, f"{token!r} is not WORD|TAG or WORD|POS|TAG")
            assert parts is not None
            other = max(other, len(parts) - 2)
            rows.append((number, f"{parts[0]}\t{parts[-1]}"))
        rows.append((number, ""))
    return rows, other, {}


# -- options ----------------------------------------------------------------------------------------
def _scheme_option(opts: Mapping[str, str]) -> str:
    value = opts.get("scheme", "auto")
    got = scheme_name(value)
    if got is None:
        raise OptionError(f"option scheme must be one of {', '.join(SCHEME_NAMES)}, not {value!r}")
    return got


def _documents_option(opts: Mapping[str, str]) -> int:
    """Sentences a document: 0 for documents at ``-DOCSTART-`` only (the default)."""
    value = opts.get("documents", "docstart").strip().lower()
    if value == "docstart":
        return 0
    if value == "sentence":
        return 1
    if value.isdigit() and int(value) > 0:
        return int(value)
    raise OptionError(f"option documents must be docstart, sentence or a number of sentences, not {value!r}")


def _column_option(opts: Mapping[str, str]) -> int | None:
    """The tag column asked for, from 0 (``column=1`` is the first; ``last`` is -1), or None to tell it."""
    value = opts.get("column")
    if value is None:
        return None
    value = value.strip().lower()
    if value == "last":
        return -1
    if value.isdigit() and int(value) > 0:
        return int(value) - 1
    raise OptionError(f"option column must be a column number (1 is the first) or last, not {value!r}")


def _shape(path: Path, lines: list[str], rows: list[tuple[int, str]], column: int | None, io: bool) -> Shape:
    """The file's columns, with the tag column asked for (``column``) or told from the lines; refused with the line
    of the first value that is not a tag when the last column holds tags and other things."""
    sample = sampled_rows(lines)
    need(
        sample is not None,
        path,
        None,
        "not a CoNLL file: no column of IOB tags (O, B-LABEL, I-LABEL) on the token lines",
    )
    assert sample is not None
    sampled, width = sample
    if column is not None:
        col = width + column if column < 0 else column
        token = token_column(sampled, width)
        need(
            token < col < width,
            path,
            None,
            f"column {col + 1} asked for as the tag column, but the file's token lines have {width} columns"
            + (f" and the token is column {token + 1}" if col <= token else ""),
        )
        return Shape(width, token, (col,))
    if io:  # bare labels: the last column unless one is named
        return Shape(width, token_column(sampled, width), (width - 1,), io=True)
    shape = column_shape(lines)
    if shape is not None:
        return shape
    last = [(n, line_fields(line)[-1]) for n, line in rows if line.strip() and not line.startswith(("-DOCSTART-", "#"))]
    if any(TAG.fullmatch(v) for _, v in last):  # tags and other things: the first other thing
        number, value = next((n, v) for n, v in last if not TAG.fullmatch(v))
        bare = all(v == "O" or not TAG.fullmatch(v) for _, v in last)  # O and bare labels: the IO scheme
        raise ImportFileError(
            str(path),
            f"{value!r} in the last column is not a tag ({TAGS_SAID}); "
            + (
                "a column of O and bare labels is the IO scheme: --option scheme=io reads it"
                if bare
                else "--option column=N names the tag column"
            ),
            number,
        )
    raise ImportFileError(str(path), "not a CoNLL file: no column of IOB tags (O, B-LABEL, I-LABEL) on the token lines")


# -- reading ----------------------------------------------------------------------------------------
@dataclass
class TaggedDocument:
    """A document of tokens and their tag columns, as a reader of tagged tokens (CoNLL, Hugging Face) found it."""

    first_line: int
    sentences: list[list[tuple[int, str, tuple[str, ...]]]] = field(default_factory=list)  # (line, token, tags)
    name: str | None = None  # the document's name in the file, when it gives one (else FILE:LINE)
    # each sentence's own text where the file gives one that holds its tokens (a Hugging Face line's ``text``), else
    # None; empty: no sentence has one (CoNLL), each text is its tokens joined (``join_own_texts``)
    texts: list[str | None] = field(default_factory=list)
    # CoNLL-U's multiword tokens: the line of each one's first word -> (how many words, its text: 'del' for 'de el')
    surfaces: dict[int, tuple[int, str]] = field(default_factory=dict)

    def groups(self) -> list[dict[int, tuple[int, str]]]:
        """Each sentence's multiword tokens: its first word's place in the sentence -> (how many words, its text)."""
        return [{k: self.surfaces[t[0]] for k, t in enumerate(s) if t[0] in self.surfaces} for s in self.sentences]


def _separator(rows: list[tuple[int, str]]) -> str:
    """``\\t`` when the file's token lines split their columns by tabs, else ``" "``."""
    sample = [line for _, line in rows if line.strip() and not line.startswith(("#", "-DOCSTART-"))][:SNIFF_LINES]
    return "\t" if 2 * sum("\t" in line for line in sample) >= len(sample) else " "


def _parse(
    path: Path,
    rows: list[tuple[int, str]],
    shape: Shape,
    per_doc: int,
    io: bool,
    marker_like: list[tuple[int, str]],
    spaced: bool = False,
) -> tuple[list[TaggedDocument], int, set[int]]:
    """Documents of sentences of (line, token, tags); how many comment lines; the columns besides the token and the
    tags that hold data. Token lines shaped as a document marker but for the word (``-DOCTYPE- -X- -X- O``) go to
    ``marker_like`` as (line, token): read as words, said in a note. ``spaced``: the file is CoNLL-U with
    ``SpaceAfter=No`` in MISC, which then makes the text of each sentence without a ``# text``."""
    sep = _separator(rows)
    is_tag = (lambda t: allowed(t, "io")) if io else TAG.fullmatch
    width, tag_cols = shape.width, shape.tags
    others = [c for c in range(shape.token + 1, width) if c not in tag_cols]  # token numbers are no data
    data: set[int] = set()
    docs: list[TaggedDocument] = []
    sentence: list[tuple[int, str, tuple[str, ...]]] = []
    comments = 0
    new_doc = True
    own: str | None = None  # the next sentence's own text (CoNLL-U's "# text = ...")
    doc_name: str | None = None  # the next document's name (CoNLL-U's "# newdoc id = ...")
    # CoNLL-U's MISC column, when its SpaceAfter=No makes the text of a sentence without "# text"
    misc = MISC if spaced and shape.token == 1 and width > MISC and MISC not in tag_cols else None
    miscs: list[str] = []  # the sentence's words' MISC values

    def end_sentence() -> None:
        nonlocal sentence, new_doc, own, miscs, doc_name
        if sentence:
            if new_doc or (per_doc and len(docs[-1].sentences) == per_doc):
                docs.append(TaggedDocument(sentence[0][0], name=doc_name))
                new_doc, doc_name = False, None
            if own is None and misc is not None:
                own = space_after_text([(t[1], m) for t, m in zip(sentence, miscs)])
            docs[-1].sentences.append(sentence)
            docs[-1].texts.append(own)
            sentence, own, miscs = [], None, []

    for number, line in rows:
        if not line.strip():
            end_sentence()
            continue
        fields = line_fields(line)
        if fields[0] == "-DOCSTART-":
            end_sentence()
            new_doc = True
            continue
        if line.startswith("#") and (len(fields) != width or not all(is_tag(fields[c]) for c in tag_cols)):
            said = OWN_TEXT.fullmatch(line)
            starts = NEWDOC.fullmatch(line)
            if said and not sentence and said.group(1).strip():
                own = said.group(1)
            elif starts:  # a document of its own, named by its id (UD's treebanks mark their documents so)
                end_sentence()
                new_doc, doc_name = True, (starts.group(1) or "").strip() or None
            else:
                comments += 1
            continue
        if sep == "\t" and "\t" not in line and len(fields) > 1:
            need(False, path, number, "columns split by spaces where the file's token lines use tabs")
        if sep == " " and "\t" in line:
            need(False, path, number, "a tab between columns where the file's token lines use spaces")
        if len(fields) != width:
            need(False, path, number, f"{len(fields)} columns where the file's token lines have {width}")
        token = fields[shape.token]
        need(token.strip() != "", path, number, "no token")
        tags = tuple(fields[c] for c in tag_cols)
        for tag in tags:
            if not is_tag(tag):
                said = "O or a label without B-/I- (scheme=io)" if io else TAGS_SAID
                need(False, path, number, f"{tag!r} is not a tag ({said})")
        for c in others:
            if fields[c] not in PLACEHOLDERS:
                data.add(c)
        if others and MARKER_LIKE.fullmatch(token) and all(fields[c] == "-X-" for c in others):
            marker_like.append((number, token))
        sentence.append((number, token, tags))
        if misc is not None:
            miscs.append(fields[misc])
    end_sentence()
    return docs, comments, data


def _regions(
    doc: TaggedDocument, starts: list[int], ends: list[int], scheme: str, odd: list[tuple[int, str]]
) -> list[Region]:
    """The entities of each tag column (GermEval's second: entities inside entities) as regions of the text; the
    tags out of their scheme's sequence go to ``odd`` as (line, what)."""
    regions: list[Region] = []
    first = 0  # the sentence's first token among the document's
    for sentence in doc.sentences:
        for c in range(len(sentence[0][2])):
            found, wrong = entities([t[2][c] for t in sentence], scheme)
            odd += [(sentence[k][0], what) for k, what in wrong]
            for label, a, b in found:
                regions.append(Region(len(regions), starts[first + a], ends[first + b], label))
        first += len(sentence)
    return regions


def tagged_documents(
    parsed: list[TaggedDocument], path: Path, schema: Schema | None, scheme: str, source: str, warnings: list[str]
) -> tuple[list[IncomingDocument], list[str]]:
    """The project's documents of tagged tokens: each text its sentences' own texts where given, else rebuilt from
    its tokens (``join_own_texts``, ``join_tokens``); the entities of each tag column in ``scheme``, labels named as
    the schema names them (CoNLL-2003's PER as PERSON), the tokens kept as the document's; and the notes on how they
    were read."""
    notes: list[str] = []
    docs: list[IncomingDocument] = []
    unknown = LabelTally(path)
    odd: list[tuple[int, str]] = []  # BIOES tags out of sequence: (line, what)
    names = SchemaNames(schema) if schema is not None else None  # CoNLL-2003's PER as the schema's PERSON
    for d in parsed:
        words = [[t[1] for t in s] for s in d.sentences]
        joined, kept = join_own_texts(words, d.texts, d.groups()) if any(d.texts) else (join_tokens(words), [])
        starts, ends = list(joined.starts), list(joined.ends)  # an entity's edges: a multiword token's own words'
        for n, group in enumerate(d.groups() if kept else []):
            for k, (count, surface) in group.items() if kept[n] else ():
                first = joined.sent_starts[n] + k
                places = word_places(surface, words[n][k : k + count])
                starts[first : first + count] = [joined.starts[first] + s for s, _ in places]
                ends[first : first + count] = [joined.starts[first] + e for _, e in places]
        regions = _regions(d, starts, ends, scheme, odd)
        with unknown.collect():
            doc = build_document(
                joined.text,
                d.name or f"{path.name}:{d.first_line}",
                regions,
                [],
                schema,
                path,
                d.first_line,
                warnings,
                source=source,
                names=names,
            )
            doc.tokens, doc.tokens_source = joined.stored(), source
            spelt = given_spellings(names)  # CoNLL-2003's PER for PERSON: written back by the CoNLL export as it came
            if spelt:
                doc.meta[SHAPE] = spelt
            docs.append(doc)
    unknown.check()
    if names is not None:
        notes += names.notes(str(path))
    if odd:
        shown = "; ".join(f"line {n}: {what}" for n, what in odd[:3]) + ("; ..." if len(odd) > 3 else "")
        notes.append(
            f"{path}: {counted(len(odd), 'tag')} out of BIOES sequence, read as seqeval does (an entity not closed by "
            f"E- ends before the next tag, an I-/E- that continues nothing starts one): {shown}"
        )
    return docs, notes


def _text_notes(path: Path, parsed: list[TaggedDocument]) -> list[str]:
    """How the documents' texts were made: from the tokens, or from the sentences' own texts (``# text =``)."""
    pairs = [(t, [x[1] for x in s], g) for d in parsed for s, t, g in zip(d.sentences, d.texts, d.groups())]
    given = [(t, w, g) for t, w, g in pairs if t is not None]
    if not given:
        return [
            f"{path}: CoNLL keeps no original text: each document's text is its tokens, a space between them and a "
            "line per sentence"
        ]
    odd = sum(tokens_in_text(t, w, g) is None for t, w, g in given)
    kept = len(given) - odd
    notes = [
        f"{path}: each sentence's own text kept ('# text =' or SpaceAfter=No, CoNLL-U's), the tokens' offsets into it (a line per "
        "sentence)"
        if kept == len(pairs)
        else f"{path}: {kept:,} of {counted(len(pairs), 'sentence')} kept their own text ('# text =' or SpaceAfter=No, CoNLL-U's), the "
        "tokens' offsets into it; the others' text is their tokens with a space between them (a line per sentence)"
    ]
    if odd:
        notes.append(
            f"{path}: {counted(odd, 'sentence')} whose '# text =' does not hold its tokens in order (a token written "
            "otherwise than in the text, say): its text is its tokens with a space between them"
        )
    mwt = sum(len(g) for t, w, g in given if g and tokens_in_text(t, w, g) is not None)
    if mwt:
        notes.append(
            f"{path}: {counted(mwt, 'multiword token')} (CoNLL-U's 'del' for the words 'de el') kept as in the text, "
            "one token its words lie on: an entity that begins or ends inside one takes the part of it its words are "
            "('el' of 'del', 'la' of 'della'), the whole token where a word is not to be found in it ('le' of 'du')"
        )
    return notes


def read_conll(path: str | Path, schema: Schema | None = None, options: Mapping[str, str] | None = None) -> ReadResult:
    """A CoNLL-style column file: documents at ``-DOCSTART-`` (or by ``documents=``), entities from the tag column
    (``column=``) in its scheme (``scheme=``)."""
    path = Path(path)
    opts = reader_options(options, "conll")
    asked_scheme, per_doc, column = _scheme_option(opts), _documents_option(opts), _column_option(opts)
    raw = read_text_file(path, nuls_kept=True).lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    named, said_by = column_names(path, raw)  # CoNLL-U Plus's names of its columns, or CoNLL-U's own
    rows, piped_other, surfaces = _token_rows(path, raw)
    mentions: list[tuple[int, int, str, str]] = []  # CorefUD's: (first word's line, last word's line, type, id)
    rows, misc_notes, misc_warnings = with_bracket_tags(path, rows, mentions)  # CoNLL-2012's names: IOB2 tags
    ontonotes = bool(misc_notes)  # its mentions are its coreference column's, untyped
    lines = [line for _, line in rows]
    if column is None and not misc_notes and column_shape(lines) is None:  # CoNLL-U's entities in MISC (NER=B-PER,
        rows, misc_notes, misc_warnings = with_misc_tags(path, rows, mentions)  # Entity=(...)
        misc_warnings += empty_node_entities(path, raw)  # their lines are left out by _token_rows: said here
        lines = [line for _, line in rows]
    spaced = any("SpaceAfter=No" in line for line in lines)
    shape = _shape(path, lines, rows, column, asked_scheme == "io")
    told_io = shape.io and asked_scheme == "auto"  # O and bare labels: the IO scheme, told from the column
    asked_scheme = "io" if told_io else asked_scheme
    marker_like: list[tuple[int, str]] = []
    parsed, comments, data = _parse(path, rows, shape, per_doc, asked_scheme == "io", marker_like, spaced)
    need(bool(parsed), path, None, "no tokens in the file")
    for d in parsed if surfaces else ():
        d.surfaces = surfaces
    prefixes = {tag[0] for d in parsed for s in d.sentences for t in s for tag in t[2] if tag != "O"}
    scheme = detect_scheme(prefixes) if asked_scheme == "auto" else asked_scheme
    if asked_scheme != "auto":
        for d in parsed:
            for s in d.sentences:
                for number, _, tags in s:
                    for tag in tags:
                        if not allowed(tag, scheme):
                            need(False, path, number, f"{tag!r} is not a tag of {scheme.upper()} (scheme={scheme})")
    warnings: list[str] = list(misc_warnings)
    docs, notes = tagged_documents(parsed, path, schema, scheme, "conll", warnings)
    if mentions:  # which mentions corefer: chains, as a WebAnno TSV import keeps them
        links, unplaced = keep_chains(docs, [[t[0] for s in d.sentences for t in s] for d in parsed], mentions)
        notes.append(
            f"{path}: which mentions corefer ("
            + ("CoNLL-2012's coreference column, among the named entities" if ontonotes else "CorefUD's entity ids")
            + f") kept as {counted(links, 'coreference link')} from each mention to the one before it in its chain, for "
            "the export to WebAnno TSV (chains), DyGIE++ (clusters), doccano and Label Studio (relations); the app does "
            "not show them"
        )
        if ontonotes and unplaced:
            warnings.append(
                f"{path}: {counted(unplaced, 'coreference mention')} on words that are no named entity ('he', 'the "
                "company': the project keeps chains between entities)"
            )
    notes += misc_notes + _text_notes(path, parsed)
    if len(shape.tags) > 1 and not misc_notes:  # MISC's nested mentions are no columns of the file
        numbers = ", ".join(str(c + 1) for c in shape.tags[:-1]) + f" and {shape.tags[-1] + 1}"
        notes.append(
            f"{path}: columns {numbers} are {'both' if len(shape.tags) == 2 else 'each'} read as entity tags (as GermEval's outer and nested entities); "
            "--option column=N reads one (conlleval's gold and predicted columns, say)"
        )
    if scheme == "bioes" and asked_scheme == "auto":
        notes.append(
            f"{path}: read as BIOES (its tags use S-/E-/U-/L-); the CoNLL export writes IOB2 unless --option "
            "scheme=bioes (or bilou) writes them so"
        )
    if told_io:
        notes.append(
            f"{path}: read as the IO scheme (its tags are O and labels without B-/I-, as Few-NERD's): a run of one "
            "label is one entity, so two of one label side by side come in as one"
        )
    if marker_like:
        shown = ", ".join(f"line {n}: {token}" for n, token in marker_like[:3]) + (
            "; ..." if len(marker_like) > 3 else ""
        )
        notes.append(  # nothing is lost (the words are in the text), so a note, not a "not kept" warning
            f"{path}: {counted(len(marker_like), 'line')} shaped as a document marker read as words, since only "
            f"-DOCSTART- starts a document (a misspelt marker?): {shown}"
        )
    other = len(data) + piped_other
    if other:  # printed after "not kept: "
        said = (  # by the names the file gives them, where it gives one to each of its columns
            f"{', '.join(named[c] for c in sorted(data))}, as {said_by} names them"
            if named and all(c < len(named) for c in data) and not piped_other
            else "CoNLL-2003's part-of-speech and chunk tags, say"
        )
        warnings.append(
            f"{path}: {other} column{'s' if other > 1 else ''} besides the token and the entity tag ({said})"
        )
    if comments:
        warnings.append(f"{path}: {counted(comments, 'comment line')} (starting with #)")
    return ReadResult(docs, None, warnings, notes)
