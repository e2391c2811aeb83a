"""WebAnno TSV 3.x, the pieces its reader and writer share: the layer names, the escaping of feature values and of
``#Text=`` lines, and the splitting of a cell into its stacked values, slots and disambiguation ids.

As INCEpTION's user guide gives the format ("WebAnno TSV 3.3 File format"): a cell holds stacked annotations
separated by ``|``, a slot cell its links separated by ``;``; the reserved characters ``\\ [ ] | _ -> ; * TAB LF``
are escaped with a backslash in values (``\\t`` and ``\\n`` for TAB and LF); a ``#Text=`` line escapes the backslash,
TAB, CR, LF, FF and BS as ``\\\\ \\t \\r \\n \\f \\b`` and the other control characters as a backslash before them
(3.0 and 3.1 wrote Java escapes: ``\\uXXXX`` too). ``_`` is an empty cell, ``*`` a value that is not set. Offsets
count UTF-16 units.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.text_encoding import file_head

HEADER = "#FORMAT=WebAnno TSV 3.3"
FORMAT_LINE = re.compile(r"#FORMAT=WebAnno TSV (\d+)(?:\.(\d+))?\s*$")  # WebAnno 3.0 wrote "TSV 3", no minor
# WebAnno 2's TSV (no #FORMAT line): its first line names the layers and their features,
# " # webanno.custom.Span | f1 | f2 # de.tudarmstadt...NamedEntity | value"
TSV2_LINE = re.compile(r"\s*# [A-Za-z_][\w.]*\.[A-Za-z_]\w* \| ")
NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
EVENT_LAYER = "webanno.custom.Event"
EVENT_SLOT = "arguments"  # the slot feature of the event layer: its links' roles are the arguments' roles
EVENT_LINK = "webanno.custom.EventArgumentsLink"  # INCEpTION names a link type LAYER + Feature + "Link"
RELATION_LAYER = "webanno.custom.Relation"  # where relations kept from other formats (doccano, Label Studio) go
COMMENT_LAYER = "webanno.custom.Comment"  # a document's comments (decisions=yes): on its first token, author and text
COMMENT_FEATURES = ("author", "text")
DECISION_FEATURES = ("score", "source", "state")  # an entity's or event's, on its own layer (decisions=yes)
SOURCE = "webanno"  # an import's source and its meta key (meta["webanno"]), read back by the exports
# meta["webanno"] keys: label -> [span layer, its labelling feature] of a project's own layers; label -> the value it
# was read from where that was no label name ('A.2 Landform'), both for the export
SPAN_LAYERS = "span_layers"
LABEL_VALUES = "label_values"
# meta["webanno"] key: event type -> the project's own event layer it came from (``webanno_own.EventLayer``), for the
# export to write such events back on their layer (they went out on webanno.custom.Event, typed by the layer's name)
EVENT_LAYERS = "event_layers"
# meta["webanno"] key: label -> layer, the labels read for spans whose labelling feature was unset (the layer's name)
UNSET_LABELS = "unset_labels"
# meta["webanno"]: the zero-width spans of a span layer (an entity needs a width), [at, label, layer, feature] each,
# kept for the export to write back where they were
ZERO_WIDTH = "zero_width"
# meta["webanno"]: the values of features other than the label's on spans of a project's own layers (E3C's TIMEX3
# ``value``, GUM's ``infstat``), [begin, end, label, layer, {feature: value}] each, for the export to write back
SPAN_FEATURES = "span_features"
# meta["webanno"]: layer -> the features its header declared (decisions aside), for each span layer that gave entities
# and declared more than one: INCEpTION writes a layer's every feature, set or not (``NamedEntity|identifier|value``
# with no link, ``MedicalEntity|DCT|label`` with no DCT), and the export declares them back (session 43)
LAYER_FEATURES = "layer_features"
ANY_SPAN = "uima.tcas.Annotation"  # a slot that may point at a span of any layer
# DKPro Core's token-level layers (POS, lemma, stem, morphology, tokens, sentences, chunks): not entities
TOKEN_LAYERS = (
    "de.tudarmstadt.ukp.dkpro.core.api.lexmorph.",
    "de.tudarmstadt.ukp.dkpro.core.api.segmentation.",
    "de.tudarmstadt.ukp.dkpro.core.api.syntax.",
)
# the layout INCEpTION's PDF editor reads into a document made from a PDF (its pages, with their height, number and
# width, spanning every token of each; its chunks of glyphs): not entities
PDF_LAYOUT_LAYERS = ("org.dkpro.core.api.pdf.type.",)
EMPTY = "_"  # no annotation of the layer on this unit
UNSET = "*"  # an annotation whose feature has no value

_VALUE_ESCAPES = {"\\": "\\", "[": "[", "]": "]", "|": "|", "_": "_", ";": ";", "t": "\t", "n": "\n", "*": "*"}
_VALUE_RESERVED = re.compile(r"->|[\\\[\]|_;\t\n*]")
_TEXT_NAMED = {"\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", "\b": "\\b", "\\": "\\\\"}
_TEXT_ESCAPE = re.compile(r"[\x00-\x07\x0e-\x1f\t\n\f\r\b\\]")
_TEXT_UNESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|[\s\S])")
_TEXT_BACK = {"t": "\t", "n": "\n", "f": "\f", "r": "\r", "b": "\b", "\\": "\\"}


def escape_value(value: str) -> str:
    """A feature value (a label, a role) as a cell writes it: each reserved character (and ``->``) after a backslash,
    TAB and LF as ``\\t`` and ``\\n``."""
    return _VALUE_RESERVED.sub(lambda m: "\\" + {"\t": "t", "\n": "n"}.get(m.group(), m.group()), value)


def unescape_value(value: str) -> str:
    """The value a cell's escaped text stands for, read left to right (``\\\\_`` is a backslash, then ``_``)."""
    if "\\" not in value:
        return value
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and value.startswith("->", i + 1):
            out.append("->")
            i += 3
        elif ch == "\\" and i + 1 < len(value) and value[i + 1] in _VALUE_ESCAPES:
            out.append(_VALUE_ESCAPES[value[i + 1]])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def escape_text(line: str) -> str:
    """One line of a sentence's text as a ``#Text=`` line holds it (3.2 and later)."""
    return _TEXT_ESCAPE.sub(lambda m: _TEXT_NAMED.get(m.group(), "\\" + m.group()), line)


def unescape_text(line: str, minor: int) -> str:
    """A ``#Text=`` line's text; ``minor``: the format's minor version (3.0 and 3.1 wrote Java escapes)."""

    def back(m: re.Match[str]) -> str:
        got = m.group(1)
        if got in _TEXT_BACK:
            return _TEXT_BACK[got]
        if len(got) == 5 and minor <= 1:
            return chr(int(got[1:], 16))
        if len(got) == 1 and (ord(got) < 32 or (minor <= 1 and got in "\"'")):
            return got  # a control character after its backslash (3.2), a quote after one (Java's escapes)
        return m.group()

    return _TEXT_UNESCAPE.sub(back, line) if "\\" in line else line


def split_unescaped(cell: str, sep: str) -> list[str]:
    """``cell`` split at each ``sep`` that is not escaped (a backslash escapes the character after it)."""
    if sep not in cell:
        return [cell]
    out, start, i = [], 0, 0
    while i < len(cell):
        if cell[i] == "\\":
            i += 2
            continue
        if cell[i] == sep:
            out.append(cell[start:i])
            start = i + 1
        i += 1
    out.append(cell[start:])
    return out


def split_suffix(value: str) -> tuple[str, str | None]:
    """``PER[3]`` -> (``PER``, ``3``): the value and what its last unescaped ``[...]`` holds (None without one)."""
    if not value.endswith("]") or _escaped_at(value, len(value) - 1):
        return value, None
    i = len(value) - 2
    while i >= 0:
        if value[i] == "[" and not _escaped_at(value, i):
            return value[:i], value[i + 1 : -1]
        i -= 1
    return value, None


def _escaped_at(value: str, i: int) -> bool:
    """Is ``value[i]`` escaped (an odd run of backslashes before it)?"""
    k = i - 1
    while k >= 0 and value[k] == "\\":
        k -= 1
    return (i - 1 - k) % 2 == 1


def short_name(layer: str) -> str:
    """``webanno.custom.Event`` -> ``Event``."""
    return layer.rsplit(".", 1)[-1]


def is_webanno_file(path: Path) -> bool:
    """Does the file start with a ``#FORMAT=WebAnno TSV`` line (of any version: 2.x is refused by the reader, saying
    so)?"""
    first = file_head(path).split("\n", 1)[0]
    return (
        FORMAT_LINE.match(first) is not None or first.startswith("#FORMAT=WebAnno TSV ") or bool(TSV2_LINE.match(first))
    )
