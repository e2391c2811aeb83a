"""A project's own span layers in the WebAnno TSV export: the labels a WebAnno TSV import read from a layer other than
``NamedEntity`` (``meta["webanno"]["span_layers"]``: label -> [layer, its labelling feature]) go back on that layer,
so an INCEpTION project with the layer takes them back on it; ``NamedEntity`` for the rest. Such an entity that fills an
event argument stays on its layer too: the event layer's slot then points at any span (``uima.tcas.Annotation``,
INCEpTION's "Link: <Any>"), each link naming its target by its ``[n]`` id, which INCEpTION's reader looks up across
layers (without an id it looks for the slot's type on the row, which no span of a layer has as its type)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.formats.writing import FormatExportReport
from annotator.formats.webanno_tsv import (
    ANY_SPAN,
    EVENT_LAYERS,
    LABEL_VALUES,
    LAYER_FEATURES,
    SOURCE,
    SPAN_FEATURES,
    SPAN_LAYERS,
    UNSET_LABELS,
    ZERO_WIDTH,
)


@dataclass
class SpanLayer:
    """A project's own span layer a WebAnno TSV import read labels from (``meta["webanno"]["span_layers"]``): its
    entities go back on it, the label as its feature's value (``""``: a layer without features, ``*`` on its rows)."""

    layer: str
    feature: str
    at: dict[Any, list[Any]]  # unit -> the spans on it (webanno._layer_cells)
    extras: tuple[str, ...] = ()  # its other features an import kept values of (``span_features``)

    @property
    def columns(self) -> list[str]:
        """Its feature columns in the order INCEpTION writes a layer's features (by name)."""
        return sorted({self.feature, *self.extras}) if self.extras else [self.feature]


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


def span_features(meta: dict[str, Any]) -> dict[tuple[int, int, str, str], dict[str, str]]:
    """(begin, end, label, layer) -> the values of the layer's other features a WebAnno TSV import kept on that span
    (``SPAN_FEATURES``: E3C's TIMEX3 ``value``), from a document's meta; a kept item not of that shape is passed over."""
    kept = meta.get(SOURCE)
    given = kept.get(SPAN_FEATURES) if isinstance(kept, dict) else None
    out: dict[tuple[int, int, str, str], dict[str, str]] = {}
    for x in given if isinstance(given, list) else ():
        if not (isinstance(x, list) and len(x) == 5 and type(x[0]) is int and type(x[1]) is int):
            continue
        if isinstance(x[2], str) and isinstance(x[3], str) and isinstance(x[4], dict):
            values = {str(f): str(v) for f, v in x[4].items() if v is not None}
            out.setdefault((x[0], x[1], x[2], x[3]), {}).update(values)
    return out


def declared_features(meta: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """layer -> the features its header declared in the file the document came from (``LAYER_FEATURES``), which the
    export declares back though no span of the document sets them; a kept item not of that shape is passed over."""
    kept = meta.get(SOURCE)
    given = kept.get(LAYER_FEATURES) if isinstance(kept, dict) else None
    if not isinstance(given, dict):
        return {}
    return {
        layer: tuple(names)
        for layer, names in given.items()
        if isinstance(layer, str) and isinstance(names, list) and all(isinstance(n, str) and n for n in names)
    }


def own_feature(own: dict[str, tuple[str, str]], layer: str) -> str:
    """The labelling feature of one of the project's own span layers (the first label's that names it)."""
    return next(feature for lay, feature in own.values() if lay == layer)


def zero_width(rec: dict[str, Any]) -> list[tuple[int, str, str, str]]:
    """The zero-width spans a WebAnno TSV import kept (``ZERO_WIDTH``): (at, label, layer, feature) each, in the
    document's text."""
    kept = rec["meta"].get(SOURCE)
    given = kept.get(ZERO_WIDTH) if isinstance(kept, dict) else None
    return [
        (z[0], z[1], z[2], z[3] or "")
        for z in (given if isinstance(given, list) else [])
        if isinstance(z, list) and len(z) == 4 and type(z[0]) is int and 0 <= z[0] <= len(rec["text"])
        and all(isinstance(x, str) for x in z[1:3]) and (z[3] is None or isinstance(z[3], str))
    ]  # fmt: skip


def unset_labels(rec: dict[str, Any]) -> dict[str, str]:
    """label -> layer, the labels a WebAnno TSV import gave spans whose labelling feature was unset (the layer's name):
    the export writes such an entity back on that layer unset (``*``)."""
    kept = rec["meta"].get(SOURCE)
    given = kept.get(UNSET_LABELS) if isinstance(kept, dict) else None
    return {k: v for k, v in given.items() if isinstance(v, str)} if isinstance(given, dict) else {}


def label_values(rec: dict[str, Any]) -> dict[str, str]:
    """label -> the value a WebAnno TSV import read it from where that was no label name (``A.2_Landform`` ->
    ``A.2 Landform``): the export writes the value back."""
    kept = rec["meta"].get(SOURCE)
    given = kept.get(LABEL_VALUES) if isinstance(kept, dict) else None
    return {k: v for k, v in given.items() if isinstance(v, str)} if isinstance(given, dict) else {}


@dataclass
class EventLayer:
    """A project's own event layer a WebAnno TSV import read events from (``meta["webanno"]["event_layers"]``, by event
    type): its events go back on it, in its columns as its header declared them (a feature, or a slot's role column
    ``ROLE_...`` and its target column), the type as the value of ``feature`` (``""``: the layer's name is the type),
    each argument in the slot it came in (``slots``; another: the layer's first), a role in ``unset`` as a link without
    a role (``*``)."""

    layer: str
    columns: list[str]
    feature: str
    slots: dict[str, str]
    unset: list[str]
    spans: list[Any] = field(default_factory=list)  # its events (webanno_rows.Span)
    at: dict[Any, list[Any]] = field(default_factory=dict)  # unit -> its events on it (webanno._layer_cells)

    @property
    def first_slot(self) -> str:
        return next(slot_feature(c) for c in self.columns if c.startswith("ROLE_"))

    def slot_of(self, role: str) -> str:
        return self.slots.get(role, self.first_slot)

    def target_of(self, slot: str) -> str:
        """The type the slot's target column names (``uima.tcas.Annotation``: any span)."""
        k = next(k for k, c in enumerate(self.columns) if c.startswith("ROLE_") and slot_feature(c) == slot)
        return self.columns[k + 1] if k + 1 < len(self.columns) else ANY_SPAN


def slot_feature(decl: str) -> str:
    """The slot feature a role column's declaration names (``ROLE_webanno.custom.Host:links_webanno.custom.Link`` ->
    ``links``)."""
    return decl[5:].partition(":")[2].partition("_")[0]


def event_layers(rec: dict[str, Any]) -> dict[str, EventLayer]:
    """event type -> its own event layer (a new ``EventLayer`` each call: the writer fills its spans); a kept record
    that is not of that shape is passed over (its events go on ``webanno.custom.Event``)."""
    kept = rec["meta"].get(SOURCE)
    given = kept.get(EVENT_LAYERS) if isinstance(kept, dict) else None
    out: dict[str, EventLayer] = {}
    by_layer: dict[
        str, EventLayer
    ] = {}  # one a layer, whichever of its types (a layer with a type feature has several)
    for etype, x in given.items() if isinstance(given, dict) else ():
        if not isinstance(x, dict) or not isinstance(x.get("layer"), str) or not isinstance(x.get("columns"), list):
            continue
        columns = [c for c in x["columns"] if isinstance(c, str)]
        if not any(c.startswith("ROLE_") for c in columns):
            continue
        slots = x.get("slots") if isinstance(x.get("slots"), dict) else {}
        unset = x.get("unset") if isinstance(x.get("unset"), list) else []
        got = by_layer.setdefault(x["layer"], EventLayer(x["layer"], columns, str(x.get("feature") or ""), {}, []))
        got.slots.update({str(k): v for k, v in slots.items() if isinstance(v, str)})
        got.unset += [r for r in unset if isinstance(r, str) and r not in got.unset]
        out[etype] = got
    return out
