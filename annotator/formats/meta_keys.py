"""The document meta's keys under which the readers keep a document's shape with the names its file spelt
(``schema_names.given_spellings``), one spelling each: the readers write them, the exports and ``schema_names`` read
them back. WebAnno TSV's is ``webanno_tsv.SOURCE`` (the format's shared names); this module names it too."""

from __future__ import annotations

from annotator.formats.webanno_tsv import SOURCE as WEBANNO

# the relations between entities a doccano and a Label Studio import kept (``regions.read_regions``' keep_as), one
# shape under either (``kept_relations``), which their exports write back
DOCCANO = "doccano"
LABEL_STUDIO = "label_studio"
LABEL_STUDIO_TASK = "label_studio_task"  # Label Studio's task shape (``label_studio_task.task_shape``)
DOCCANO_FORM = "doccano_form"  # doccano's line shape
PRODIGY = "prodigy"  # Prodigy's answers: relations, options, category, spellings
PRODIGY_OWN_KEYS = "task_keys"  # in PRODIGY: a task's keys of the input's own (a dataset's ids), written back
BRAT = "brat"  # what a brat import keeps of a document that the project has no place for: relations, equivalences, ...
SPACY_DOCBIN = "spacy_docbin"  # how the DocBin a document came from spelt the schema's names
CONLL_FORM = "conll_form"  # how the CoNLL (or Hugging Face tokens) file spelt the labels
DYGIEPP = "dygiepp"  # what has no place in the project but goes back out (relations, clusters, dataset)
ONEIE = "oneie"  # the OneIE lines' ids and mentions
OMNIEVENT = "omnievent"  # OmniEvent's
SCHEMA_MATCHED = "schema_matched"  # the names of a file's own schema matched to the project's (``schema_match``)

# the keys in which the readers keep a document's shape with its spellings: Label Studio's, doccano's, Prodigy's, the
# spaCy DocBin's, CoNLL's (and the Hugging Face tokens', read as CoNLL's), WebAnno TSV's, DyGIE++'s, OneIE's and
# OmniEvent's (``dygiepp.read_token_lines``), and the names of a file that brought a schema of its own matched to the
# project's (``schema_match``: brat's annotation.conf)
SPELLING_KEYS = (
    LABEL_STUDIO_TASK,
    DOCCANO_FORM,
    PRODIGY,
    SPACY_DOCBIN,
    CONLL_FORM,
    WEBANNO,
    DYGIEPP,
    ONEIE,
    OMNIEVENT,
    SCHEMA_MATCHED,
)

# the event types a document's regions name, as the doccano and Label Studio exports wrote them (a task's ``data``,
# a doccano line): their relations have no place for an event, so a reader whose schema lacks one tells it from this
# record (``told_types.EventUses.add_regions``) instead of taking its trigger for an entity
EVENT_TYPES = "event_types"
# a doccano line's events' attributes by their trigger's region (``event_attributes_record``): doccano has no place for
# them but keeps a line's other keys
EVENT_ATTRIBUTES = "event_attributes"
