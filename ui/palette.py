"""Label colours: the schema's own, or a palette people with colour-blindness tell apart (Paul Tol's "light"
and "pale" schemes, made for text on coloured backgrounds; colour is never the only cue: every span's label is
written above it)."""

from __future__ import annotations

from annotator.schema import Schema

PALETTES = ("schema", "colorblind")
# Tol "light" (9), then Tol "pale" (6) and three more light tints, in the schema's order of labels
COLORBLIND = [
    "#77aadd",
    "#ee8866",
    "#eedd88",
    "#ffaabb",
    "#99ddff",
    "#44bb99",
    "#bbcc33",
    "#aaaa00",
    "#dddddd",
    "#bbccee",
    "#cceeff",
    "#ccddaa",
    "#eeeebb",
    "#ffcccc",
    "#e0c8f0",
    "#c8b89a",
    "#a8d8c8",
    "#f2c080",
]


def label_colors(schema: Schema | None, palette: str = "schema") -> dict[str, str]:
    """Label name -> colour (#rrggbb) under ``palette``."""
    if schema is None:
        return {}
    if palette != "colorblind":
        return {e.name: e.color for e in schema.entities}
    return {e.name: COLORBLIND[i % len(COLORBLIND)] for i, e in enumerate(schema.entities)}
