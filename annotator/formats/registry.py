"""One record per exchange format: its name, the file name ending of an export, whether it writes a folder, its
writer options, and where its reader and writer live (imported only when used, so listing formats loads no
format module and no spaCy).

The command line, the app's Import and Export dialogs and ``annotator.formats.readers()/writers()`` all read
this table; a format added here shows up everywhere.
"""

from __future__ import annotations

import difflib

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

SPLIT = ("split", "seed")
# the event corpora's writers (DyGIE++, OneIE, WikiEvents, OmniEvent): how they spell the schema's names
NAMES_HELP = (
    "names=file|schema|aliases (file: as the file each document came from spelt them; aliases: each name's first "
    "alias, ACE's PER and Conflict.Attack for the news schema)"
)
# the project's JSON and JSONL: each document's stored tokens (session 20)
TOKENS_HELP = "tokens=yes|no (yes, the default: each document's stored tokens; no: left out, a file a third smaller)"


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str  # the export's file name ending ("" for a folder)
    folder: bool  # the export is a folder (brat), not a file
    options: tuple[str, ...]  # writer option keys (``--option KEY=VALUE``)
    writer: str | None  # "module:function" taking (project, out, ExportRequest)
    reader: str | None  # "module:function" taking (path, schema=None) -> ReadResult
    read_options: tuple[str, ...] = ()  # keyword options the reader takes (doccano: skip_bad)
    import_options: tuple[str, ...] = ()  # reader option keys (``import --format NAME --option KEY=VALUE``)
    import_help: str = ""  # the reader options' values, for the command line's help and the Import dialog
    import_example: str = ""  # reader options as the Import dialog's box shows them for an example ("KEY=VALUE; ...")
    export_help: str = ""  # the writer options' values, for the command line's help and the Export dialog
    description: str = ""
    # the reader rebuilds each text from bare tokens (DyGIE++, CoNLL): its documents are matched to the stored ones
    # they came from (formats.onto_stored), so the project's own export comes back onto the same documents
    rebuilds_text: bool = False
    title: str = ""  # the name users know it by (Label Studio, DyGIE++), shown in the dialogs and messages
    binary: bool = False  # the export is not text (a DocBin): never written onto a terminal (export -o -)
    article: str = "a"  # before its shown name in a sentence ("an OmniEvent file")
    # the export writes each document's labels as the file it came from spelt them (``GivenSpellings.of_meta``)
    spelt: bool = False
    # the export keeps suggestions nobody decided apart from the decisions (the project's own files, each with its
    # state; Label Studio's predictions), where a training tool does not take them for annotations
    undecided_apart: bool = False
    # the export holds entities alone (CoNLL, Hugging Face): events are left out, and what it says counts none
    entities_only: bool = False
    # what its reader reads under another name, by the input's ending: (".json", "spaCy v2 JSON") for the DocBin's
    read_titles: tuple[tuple[str, str], ...] = ()
    # corpora and tools whose files its reader reads too, by the names people know them by: ``import -f duee`` (no
    # format of its own) is told which format reads DuEE's files (``read_by``; session 32)
    reads_too: tuple[str, ...] = ()

    @property
    def shown(self) -> str:
        return self.title or self.name

    def _load(self, where: str | None) -> Callable[..., Any]:
        if where is None:
            raise KeyError(self.name)
        module, _, function = where.partition(":")
        return getattr(importlib.import_module(module), function)

    @property
    def write(self) -> Callable[..., Any]:
        """``write(project, out, request)`` (or the request's fields as keyword arguments)."""
        return self._load(self.writer)

    @property
    def read(self) -> Callable[..., Any]:
        return self._load(self.reader)


_M = "annotator.formats."
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "json",
            ".json",
            False,
            ("tokens",),
            _M + "project_json:write_json",
            None,
            description="the project's own export",
            export_help=TOKENS_HELP,
            title="JSON",
            reads_too=("CLUENER2020", "DuEE", "displaCy"),
            undecided_apart=True,
        ),
        Format(
            "jsonl",
            ".jsonl",
            False,
            ("tokens",),
            _M + "project_json:write_jsonl",
            None,
            description="one document a line",
            export_help=TOKENS_HELP,
            title="JSONL",
            reads_too=("CLUENER2020", "DuEE", "displaCy"),
            undecided_apart=True,
        ),
        Format(
            "spacy",
            ".spacy",
            False,
            (*SPLIT, "misaligned", "span_key", "trigger_key"),
            _M + "spacy_docbin:write_spacy",
            _M + "spacy_read:read_spacy",
            description="DocBin for spacy train",
            export_help="split=train=0.8,dev=0.2, seed=N, misaligned=expand|skip, span_key=NAME, trigger_key=NAME",
            title="spaCy DocBin",
            read_titles=((".json", "spaCy v2 JSON"), (".jsonl", "spaCy v2 JSON")),
            binary=True,
            spelt=True,
        ),
        Format(
            "brat",
            "",
            True,
            (*SPLIT, "normalizations", "files"),
            _M + "brat:write_brat",
            _M + "brat_read:read_brat",
            description="a folder of .txt and .ann files",
            export_help="split=train=0.8,dev=0.2, seed=N, normalizations=brat|bionlp, files=ann|bionlp",
            title="brat",
            spelt=True,
        ),
        Format(
            "prodigy",
            ".jsonl",
            False,
            (*SPLIT, "misaligned"),
            _M + "prodigy_out:write_prodigy",
            _M + "prodigy:read_prodigy",
            export_help="split=train=0.8,dev=0.2, seed=N, misaligned=expand|skip",
            title="Prodigy",
            spelt=True,
        ),
        Format(
            "dygiepp",
            ".jsonl",
            False,
            (*SPLIT, "misaligned", "dataset", "trigger_head", "names"),
            _M + "dygiepp_out:write_dygiepp",
            _M + "dygiepp:read_dygiepp",
            rebuilds_text=True,
            export_help="split=train=0.8,dev=0.2, seed=N, misaligned=expand|skip, dataset=NAME, trigger_head=last|first, "
            + NAMES_HELP,
            title="DyGIE++",
            spelt=True,
        ),
        Format(
            "oneie",
            ".json",
            False,
            (*SPLIT, "misaligned", "names"),
            _M + "oneie_out:write_oneie",
            _M + "oneie:read_oneie",
            rebuilds_text=True,
            export_help="split=train=0.8,dev=0.2, seed=N, misaligned=expand|skip, " + NAMES_HELP,
            description="OneIE's event extraction data (ACE05-E, ERE-EN as OneIE, DEGREE, TextEE write them), and "
            "WikiEvents' document lines in",
            title="OneIE",
            reads_too=("UIE", "Text2Event", "TACRED", "Re-TACRED", "TACREV", "RAMS", "DocRED", "Re-DocRED"),
            spelt=True,
        ),
        Format(
            "wikievents",
            ".jsonl",
            False,
            (*SPLIT, "misaligned", "names"),
            _M + "wikievents_out:write_wikievents",
            _M + "oneie:read_oneie",
            rebuilds_text=True,
            export_help="split=train=0.8,dev=0.2, seed=N, misaligned=expand|skip, " + NAMES_HELP,
            description="WikiEvents' document lines (gen-arg, TextEE): a document a line, arguments in any sentence; "
            "read by the OneIE reader",
            title="WikiEvents",
            spelt=True,
        ),
        Format(
            "omnievent",
            ".jsonl",
            False,
            (*SPLIT, "misaligned", "unit", "names"),
            _M + "omnievent_out:write_omnievent",
            _M + "omnievent:read_omnievent",
            import_options=("documents",),
            import_help="documents=id|prefix|line (lines of one id a document; prefix: ids DOC-N too; line: each)",
            import_example="documents=prefix",
            rebuilds_text=True,
            export_help="split=train=0.8,dev=0.2, seed=N, misaligned=expand|skip, unit=sentence|document, "
            + NAMES_HELP,
            description="OmniEvent's unified JSONL (train.unified.jsonl: ACE2005, ERE, TAC KBP, MAVEN as OmniEvent "
            "converts them), and MAVEN's and MAVEN-ARG's own files in",
            title="OmniEvent",
            reads_too=("MAVEN", "MAVEN-ERE"),
            article="an",
            spelt=True,
        ),
        Format(
            "conll",
            ".conll",
            False,
            (*SPLIT, "misaligned", "docstart", "scheme"),
            _M + "conll:write_conll",
            _M + "conll_read:read_conll",
            import_options=("scheme", "column", "documents"),
            import_help="scheme=auto|iob|bioes|io, column=N|last, documents=docstart|sentence|N",
            import_example="documents=sentence; scheme=bioes",
            rebuilds_text=True,
            export_help="split=train=0.8,dev=0.2, seed=N, misaligned=expand|skip, docstart=yes|no|label-studio, "
            "scheme=iob2|bioes|bilou",
            title="CoNLL",
            reads_too=("CoNLL-2012", "OntoNotes"),
            spelt=True,
            entities_only=True,
        ),
        Format(
            "hf",
            ".jsonl",
            False,
            (*SPLIT, "misaligned", "unit", "scheme"),
            _M + "hf_tokens:write_hf",
            _M + "hf_tokens_read:read_hf",
            import_options=("tag_names", "documents", "tag_key"),
            import_help="tag_names=O,B-PER,I-PER,...|label.json (for numbered tags), documents=N (lines a document), "
            "tag_key=KEY (the tags under another key: fine_ner_tags)",
            import_example="tag_names=label.json",
            rebuilds_text=True,
            export_help="split=train=0.8,dev=0.2, seed=N, misaligned=expand|skip, unit=sentence|document, "
            "scheme=iob2|bioes|bilou",
            description="token classification JSONL (tokens and ner_tags) for datasets and transformers",
            title="Hugging Face",
            spelt=True,
            entities_only=True,
        ),
        Format(
            "doccano",
            ".jsonl",
            False,
            ("form",),
            _M + "doccano_out:write_doccano",
            _M + "doccano:read_doccano",
            read_options=("skip_bad",),
            export_help="form=jsonl|csv|fasttext (default: told from the output's name, .csv/.tsv CSV, .txt fastText)",
            title="doccano",
            spelt=True,
        ),
        Format(
            "label_studio",
            ".json",
            False,
            (),
            _M + "regions_out:write_label_studio",
            _M + "label_studio:read_label_studio",
            title="Label Studio",
            spelt=True,
            undecided_apart=True,
        ),
        Format(
            "webanno",
            "",
            True,
            (*SPLIT, "decisions"),
            _M + "webanno:write_webanno",
            _M + "webanno_read:read_webanno",
            description="a folder of .tsv files (INCEpTION, WebAnno)",
            export_help="split=train=0.8,dev=0.2, seed=N, decisions=no|yes",
            title="WebAnno TSV",
            spelt=True,
        ),
        Format(
            "pubtator",
            ".txt",
            False,
            (),
            None,  # in only: its relations join concepts, its ids are no mention's
            _M + "pubtator:read_pubtator",
            description="PubTator text (BioCreative CDR, the NCBI disease corpus): titles, abstracts, mentions; in only",
            title="PubTator",
        ),
    )
}


def export_formats() -> list[Format]:
    return [f for f in FORMATS.values() if f.writer]


def export_format_for(output: str | Path) -> str | None:
    """The export format an output's name ending calls for (``corpus.conll`` -> conll, ``x.jsonl`` -> jsonl, the
    project's own before Prodigy's and DyGIE++'s), or None for an ending no format writes."""
    suffix = Path(output).suffix.lower()
    return next((f.name for f in export_formats() if suffix and f.suffix == suffix), None)


def import_formats() -> list[Format]:
    return [f for f in FORMATS.values() if f.reader]


def _squeezed(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum())


def read_by(word: str, near: bool = False) -> tuple[str, list[str]]:
    """The corpus or tool ``word`` names (``duee``, ``cluener``, ``re_tacred``: case, punctuation and a missing year
    aside; with ``near``, also misspelt: ``tacrd``) and the formats whose readers read its files (``("DuEE", ["json",
    "jsonl"])``), else ``("", [])``."""
    key = _squeezed(word)
    if not key:
        return "", []
    corpora = {_squeezed(known): known for f in FORMATS.values() for known in f.reads_too}
    named = corpora.get(key) or next(
        (known for squeezed, known in corpora.items() if len(key) >= 4 and squeezed.rstrip("0123456789") == key), ""
    )
    if not named and near and len(key) >= 4:
        # difflib's nearest, stricter than the formats' own (0.6): a corpus is offered only for a plain slip
        bare = {squeezed.rstrip("0123456789"): known for squeezed, known in corpora.items()} | corpora
        close = difflib.get_close_matches(key, list(bare), n=1, cutoff=0.8)
        named = bare[close[0]] if close else ""
    if not named:
        return "", []
    return named, [g.name for g in FORMATS.values() if named in g.reads_too]


def reads_too_shown(name: str) -> str:
    """What a format's reader reads besides its own files, as the app's Import list says it after the format's name
    (``"also UIE, Text2Event, ..."``), from the table ``read_by`` answers ``-f duee`` from; "" for none."""
    f = FORMATS.get(name)
    return f"also {', '.join(f.reads_too)}" if f and f.reads_too else ""


def told_reads_too() -> tuple[str, ...]:
    """The corpora read by no reader of ``import --format`` but told from each file (DuEE, CLUENER2020: the project's
    own JSON and JSONL readers read them, ``-f json`` the same as no ``-f``)."""
    readers = {n for f in import_formats() for n in f.reads_too}
    return tuple(dict.fromkeys(n for f in FORMATS.values() if not f.reader for n in f.reads_too if n not in readers))


def a_shown(name: str) -> str:
    """The name users know a format by with its article (``an OmniEvent``, ``a OneIE``)."""
    f = FORMATS.get(name)
    return f"{f.article} {f.shown}" if f else f"a {name}"


def shown_name(name: str) -> str:
    """The name users know a format by (``label_studio`` -> Label Studio); an unknown name as it is."""
    f = FORMATS.get(name)
    return f.shown if f else name


def read_as_name(name: str, path: str) -> str:
    """The name of what the reader ``name`` read ``path`` as: ``shown_name``, or the one its ending gives (a v2 JSON
    file given to the spaCy reader is no DocBin: "read as spaCy v2 JSON")."""
    f = FORMATS.get(name)
    suffix = Path(path).suffix.lower()
    return next((t for s, t in f.read_titles if s == suffix), f.shown) if f else name
