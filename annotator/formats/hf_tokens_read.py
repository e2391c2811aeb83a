"""Hugging Face token classification JSONL (``hf``) read in (``hf_tokens`` writes it, and its text says the lines'
shape).

In: each line's ``tokens`` (or ``words``: Polyglot-NER's) and its ``ner_tags`` (or ``tags``, TNER's; ``ner``,
Polyglot-NER's; ``labels``, Create ML's word tagger's; ``tag_key=KEY`` names another, Few-NERD's ``fine_ner_tags``), as
strings in IOB1/IOB2/BIOES or bare labels (the IO scheme: Polyglot-NER's ``PER``, Few-NERD's ``person-actor``), or as
numbers with their names given (``tag_names=O,B-PER,I-PER,...`` in the dataset's ClassLabel order, or the path of a JSON file
holding that list or a name -> number map, as TNER's ``label.json``). The lines of one ``document`` (the key the
export writes) make one document; without it each line is a document (``documents=N``: every N lines). A line's own
text (``text``, ``sentence`` or ``sequence`` beside its tokens) is its sentence's text when it holds the tokens in
order with only whitespace between them (the tokens' offsets into it), else (said in one line) and without one the
text is rebuilt from the tokens as for CoNLL (``conll_read.tagged_documents``); a line per sentence. A line of
tokens with a list beside them under no tag key read is refused naming the keys found and the keys read (session 31:
such lines were refused as the project's own JSONL, "'text' must be a non-empty string").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

from annotator.errors import OptionError
from annotator.formats.conll_columns import BARE_LABEL
from annotator.formats.conll_read import TAGS_SAID, TaggedDocument, tagged_documents
from annotator.formats.iob import TAG, detect_scheme
from annotator.formats.reading import ReadResult, iter_json_values, need, reader_options, whole_number
from annotator.formats.tokens import tokens_in_text
from annotator.schema import Schema
from annotator.wording import counted

TOKEN_KEYS = ("tokens", "words")  # the token column's name (the Hub's datasets: tokens; Polyglot-NER: words)
# the tag column's name in the datasets met (conll2003, wikiann, Few-NERD, CrossNER, MultiCoNER: ner_tags; TNER: tags;
# Polyglot-NER: ner; Create ML's word tagger: labels)
TAG_KEYS = ("ner_tags", "tags", "ner", "labels")
TEXT_KEYS = ("text", "sentence", "sequence")  # a line's own text beside its tokens, in the datasets that keep one


def token_key(obj: Any) -> str | None:
    """The key of ``obj``'s tokens when it has a list of strings under one of ``TOKEN_KEYS``."""
    if not isinstance(obj, dict):
        return None
    for key in TOKEN_KEYS:
        tokens = obj.get(key)
        if isinstance(tokens, list) and all(isinstance(t, str) for t in tokens):
            return key
    return None


def parallel_keys(obj: Any) -> list[str]:
    """The keys of ``obj`` holding a list as long as its tokens (its tag columns, read or not), in the line's order."""
    key = token_key(obj)
    if key is None:
        return []
    n = len(obj[key])
    return [k for k, v in obj.items() if k != key and k not in TOKEN_KEYS and isinstance(v, list) and len(v) == n]


def tag_key(obj: Any, asked: str | None = None) -> str | None:
    """The key of ``obj``'s tags when it is a token classification line (tokens as strings, tags beside them):
    ``asked`` (``tag_key=KEY``) or the first of ``TAG_KEYS`` it has."""
    beside = parallel_keys(obj)
    return next((k for k in ((asked,) if asked else TAG_KEYS) if k in beside), None)


def is_token_line(obj: Any) -> bool:
    """Whether ``obj`` is a token classification line, read or refused by ``read_hf``: tokens as strings and a list
    as long beside them (a key of tags this reader does not read is refused naming it, not read as another format)."""
    return token_key(obj) is not None and bool(parallel_keys(obj))


def _tag_names(value: str | None) -> list[str] | None:
    """The names of numbered tags, from ``tag_names=``: a comma-separated list, or a JSON file of a list or a map."""
    if value is None:
        return None
    path = Path(value)
    if value.endswith(".json") or path.is_file():
        try:
            got = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise OptionError(f"option tag_names: cannot read {value} ({exc})") from None
        if isinstance(got, dict) and all(isinstance(v, int) for v in got.values()):
            got = [name for name, _ in sorted(got.items(), key=lambda kv: kv[1])]
        if not (isinstance(got, list) and got and all(isinstance(n, str) for n in got)):
            raise OptionError(f"option tag_names: {value} must hold a list of tag names or a map of name to number")
        names = got
    else:
        names = [n.strip() for n in value.split(",")]
    for name in names:
        if not _is_tag(name):
            raise OptionError(
                f"option tag_names: {name!r} is not a tag ({TAGS_SAID}, or a bare label of the IO scheme)"
            )
    return names


def _documents(opts: Mapping[str, str]) -> int:
    value = opts.get("documents", "1").strip()
    if not value.isdigit() or int(value) < 1:
        raise OptionError(f"option documents must be a number of lines, 1 or more, not {value!r}")
    return int(value)


def _no_tags(obj: Any, asked: str | None) -> str:
    """The one line refusing a line whose tags are under no key read: the keys found and the keys read."""
    found = ", ".join(repr(k) for k in obj) if isinstance(obj, dict) else type(obj).__name__
    if token_key(obj) is None:
        return f"each line must have {' or '.join(map(repr, TOKEN_KEYS))} (strings) and tags beside them; found {found}"
    read = repr(asked) if asked else ", ".join(map(repr, TAG_KEYS))
    return (
        f"no tags under {read} as long as the line's {token_key(obj)!r}; found {found} "
        "(--option tag_key=KEY reads the tags under another key)"
    )


def _tags(obj: dict[str, Any], key: str, names: list[str] | None, path: Path, line: int) -> tuple[str, ...]:
    tags = obj[key]
    if all(whole_number(t) for t in tags):
        need(
            names is not None or not tags,
            path,
            line,
            f"{key!r} are numbers: name them with --option tag_names=O,B-PER,I-PER,... (the dataset's tag names in "
            "order) or tag_names=label.json",
        )
        assert names is not None or not tags
        for t in tags:
            need(0 <= t < len(names or []), path, line, f"tag {t} has no name ({len(names or [])} names given)")
        return tuple((names or [])[t] for t in tags)
    for t in tags:
        need(isinstance(t, str) and _is_tag(t), path, line, f"{t!r} is not a tag ({TAGS_SAID}, or a bare label)")
    return tuple(tags)


def _lines_named(numbers: list[int], shown: int = 5) -> str:
    """``line 4`` or ``lines 2, 3, 9, ...``: the first ``shown`` of a file's line numbers."""
    head = ", ".join(str(n) for n in numbers[:shown]) + (", ..." if len(numbers) > shown else "")
    return f"line{'s' if len(numbers) > 1 else ''} {head}"


def _is_tag(tag: str) -> bool:
    """A tag of IOB/BIOES or a bare label of the IO scheme (Polyglot-NER's ``PER``, Few-NERD's ``person-actor``)."""
    return TAG.fullmatch(tag) is not None or BARE_LABEL.fullmatch(tag) is not None


def _scheme(parsed: list[TaggedDocument], path: Path) -> str:
    """IO when every tag is ``O`` or a bare label; else BIOES or IOB told from the prefixes; a bare label beside
    prefixed tags is refused with its line (the file is neither)."""
    prefixed: int | None = None
    bare: tuple[int, str] | None = None
    prefixes: set[str] = set()
    for d in parsed:
        for s in d.sentences:
            for line, _, (tag,) in s:
                if tag == "O":
                    continue
                if TAG.fullmatch(tag):
                    prefixes.add(tag[0])
                    prefixed = line if prefixed is None else prefixed
                elif bare is None:
                    bare = (line, tag)
    if bare is None:
        return detect_scheme(prefixes)
    need(
        prefixed is None,
        path,
        bare[0],
        f"{bare[1]!r} is a bare label but line {prefixed} has B-/I- tags: a file's tags are IOB/BIOES or IO, not both",
    )
    return "io"


def read_hf(path: str | Path, schema: Schema | None = None, options: Mapping[str, str] | None = None) -> ReadResult:
    """A token classification JSONL (or JSON list): a sentence or a document a line, see the module's text."""
    path = Path(path)
    opts = reader_options(options, "hf")
    names, per_doc = _tag_names(opts.get("tag_names")), _documents(opts)
    asked = opts.get("tag_key", "").strip() or None
    parsed: list[TaggedDocument] = []
    own: list[int] = []  # lines whose own text holds their tokens
    odd: list[tuple[int, str]] = []  # lines whose own text does not: (line, its key)
    empty: list[int] = []  # lines of no tokens: nothing to annotate, left out and said
    for line, obj in iter_json_values(path):
        key, tokens_key = tag_key(obj, asked), token_key(obj)
        need(key is not None, path, line, _no_tags(obj, asked))
        assert key is not None and tokens_key is not None
        tokens = obj[tokens_key]
        for token in tokens:
            need(token.strip() != "", path, line, "an empty token")
        sentence = [(line, t, (tag,)) for t, tag in zip(tokens, _tags(obj, key, names, path, line))]
        document = obj.get("document")
        document = document if isinstance(document, str) and document else None
        last = parsed[-1] if parsed else None
        if last is None or last.name != document or (document is None and len(last.sentences) >= per_doc):
            parsed.append(TaggedDocument(line, name=document))
        if sentence:
            text_key = next((k for k in TEXT_KEYS if isinstance(obj.get(k), str)), None)
            text = obj[text_key] if text_key and tokens_in_text(obj[text_key], tokens) is not None else None
            if text is not None:
                own.append(line)
            elif text_key is not None:
                odd.append((line, text_key))
            parsed[-1].sentences.append(sentence)
            parsed[-1].texts.append(text)
        else:
            empty.append(line)
    parsed = [d for d in parsed if d.sentences]  # lines without tokens hold no document
    need(bool(parsed), path, None, "no tokens in the file")
    scheme = _scheme(parsed, path)
    warnings: list[str] = []
    docs, notes = tagged_documents(parsed, path, schema, scheme, "hf", warnings)
    if scheme == "io":
        notes.append(f"{path}: tags without B-/I- read as the IO scheme: a run of one label is one entity")
    lines = sum(len(d.sentences) for d in parsed)
    if odd:  # printed after "not kept: "
        shown = ", ".join(f"{n} ({k!r})" for n, k in odd[:3]) + (", ..." if len(odd) > 3 else "")
        warnings.append(
            f"{path}: the own text of {counted(len(odd), 'line')} (line {shown}): it does not hold the line's tokens "
            "in order with only whitespace between them, so that line's text is its tokens with a space between them"
        )
    if empty:  # printed after "not kept: "
        warnings.append(
            f"{path}: {counted(len(empty), 'line')} with no tokens ({_lines_named(empty)}): nothing to annotate in "
            f"{'it' if len(empty) == 1 else 'them'}, left out"
        )
    if not own:
        notes.append(
            f"{path}: token classification lines keep no original text: each document's text is its tokens, a space "
            "between them and a line per sentence"
        )
    elif len(own) < lines:
        notes.append(
            f"{path}: {len(own):,} of {counted(lines, 'line')} kept their own text, the tokens' offsets into it; the "
            "others' text is their tokens with a space between them (a line per sentence)"
        )
    else:
        notes.append(f"{path}: each line's own text kept, the tokens' offsets into it (a line per sentence)")
    return ReadResult(docs, None, warnings, notes)
