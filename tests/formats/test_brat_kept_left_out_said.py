"""Session 28: what a brat import keeps beside the annotations (its `N` normalisations, `*` equivalences and
attributes on entities, ``meta["brat"]``) went out in brat, doccano, Prodigy, Label Studio, the DocBin and the
project's JSON, and was dropped without a word by the exports with no place for it (WebAnno TSV, DyGIE++, OneIE,
OmniEvent, CoNLL, Hugging Face). Each says it now, as each says the document categories it leaves out. Our own
folder in the shape of brat's example data (a GENIA-like Binding, a Wikipedia normalisation, an `Equiv`)."""

from __future__ import annotations

import pytest

from annotator import api
from format_helpers import brat_project

TEXT = "Protein p50 binds p65 and NF-kappaB (p50) in cells, said Obama.\n"
ANN = (
    "T1\tProtein 8 11\tp50\nT2\tProtein 18 21\tp65\nT3\tBinding 12 17\tbinds\nT4\tProtein 26 35\tNF-kappaB\n"
    "T5\tProtein 37 40\tp50\nT6\tProtein 57 62\tObama\nE1\tBinding:T3 Theme:T1 Theme2:T2\n*\tEquiv T4 T5\n"
    "A1\tFamily T4 NFKB\nN1\tReference T6 Wikipedia:534366\tBarack Obama\n"
)


@pytest.fixture
def project(tmp_path):  # type: ignore[no-untyped-def]
    return brat_project(tmp_path, TEXT, ANN)


def _said(report) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    out: dict[str, list[str]] = {}
    for kind, example in getattr(report, "problems", []):  # the project's JSON leaves nothing out
        if kind.startswith("brat "):
            out.setdefault(kind.split(" left out")[0], []).append(example)
    return out


@pytest.mark.parametrize("fmt", ["webanno", "dygiepp", "oneie", "wikievents", "omnievent", "conll", "hf"])
def test_the_exports_without_a_place_say_what_they_leave_out(project, tmp_path, fmt):
    report = api.export(project, tmp_path / f"out.{fmt}", fmt)
    said = {
        "brat normalisations (N lines)": ["d.txt: Wikipedia:534366"],
        "brat equivalences (* lines)": ["d.txt: Equiv"],
        "brat attributes on entities (A lines)": ["d.txt: Family"],
    }
    if fmt in ("dygiepp", "webanno"):  # its clusters, its chains hold the equivalence (session 31)
        del said["brat equivalences (* lines)"]
    if fmt == "webanno":  # NamedEntity's identifier holds an entity's normalisation (session 38)
        del said["brat normalisations (N lines)"]
    assert _said(report) == said, report.problems


@pytest.mark.parametrize("fmt", ["brat", "json", "doccano", "prodigy"])
def test_the_exports_that_carry_them_say_nothing(project, tmp_path, fmt):
    report = api.export(project, tmp_path / f"out.{fmt}", fmt)
    assert _said(report) == {}, report.problems
