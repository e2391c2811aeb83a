"""A project's own span layers in the WebAnno TSV export: the labels a WebAnno TSV import read from a layer other than
``NamedEntity`` (``meta["webanno"]["span_layers"]``: label -> [layer, its labelling feature]) go back on that layer,
so an INCEpTION project with the layer takes them back on it; ``NamedEntity`` for the rest. Such an entity that fills an
event argument stays on its layer too: the event layer's slot then points at any span (``uima.tcas.Annotation``,
INCEpTION's "Link: <Any>"), each link naming its target by its ``[n]`` id, which INCEpTION's reader looks up across
layers (without an id it looks for the slot's type on the row, which no span of a layer has as its type)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.formats.common import FormatExportReport
from annotator.formats.webanno_read import SOURCE
from annotator.formats.webanno_tsv import LABEL_VALUES, SPAN_LAYERS


@dataclass
class SpanLayer:
    """A project's own span layer a WebAnno TSV import read labels from (``meta["webanno"]["span_layers"]``): its
    entities go back on it, the label as its feature's value (``""``: a layer without features, ``*`` on its rows)."""

    layer: str
    feature: str
    at: dict[Any, list[Any]]  # unit -> the spans on it (webanno._layer_cells)


def span_layers(rec: dict[str, Any], decisions: bool, report: FormatExportReport) -> dict[str, tuple[str, str]]:
    """label -> (its own span layer, that layer's labelling feature)."""
    kept = rec["meta"].get(SOURCE)
    given = kept.get(SPAN_LAYERS) if isinstance(kept, dict) else None
    if not isinstance(given, dict) or not given:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for label, where in given.items():
        if isinstance(where, list) and len(where) == 2 and all(isinstance(x, str) for x in where) and where[0]:
            out[label] = (where[0], where[1])
    if decisions and out:
        report.problem(
            "entities on a project's own layers written without their decisions (those layers keep their one feature)",
            rec["name"],
        )
    return out


def own_feature(own: dict[str, tuple[str, str]], layer: str) -> str:
    """The labelling feature of one of the project's own span layers (the first label's that names it)."""
    return next(feature for lay, feature in own.values() if lay == layer)


def label_values(rec: dict[str, Any]) -> dict[str, str]:
    """label -> the value a WebAnno TSV import read it from where that was no label name (``A.2_Landform`` ->
    ``A.2 Landform``): the export writes the value back."""
    kept = rec["meta"].get(SOURCE)
    given = kept.get(LABEL_VALUES) if isinstance(kept, dict) else None
    return {k: v for k, v in given.items() if isinstance(v, str)} if isinstance(given, dict) else {}
