"""Our own text in the shape of brat's news tutorial ``090-event_structures`` (nlplab/brat example-data): a
``Merge-org`` event that is the ``Event-Arg`` of a ``Report``, with its annotation.conf; the nested-event and
event-attribute tests through Label Studio, doccano, Prodigy and WebAnno TSV share it."""

from __future__ import annotations

from pathlib import Path

from annotator import api
from annotator.store import Project

TEXT = "Wikinews reported that Google and YouTube merged.\n"
ANN = (
    "T1\tOrganization 23 29\tGoogle\n"
    "T2\tOrganization 34 41\tYouTube\n"
    "T3\tMerge-org 42 48\tmerged\n"
    "E1\tMerge-org:T3 Org-Arg:T1 Org-Arg2:T2\n"
    "T4\tOrganization 0 8\tWikinews\n"
    "T5\tReport 9 17\treported\n"
    "E2\tReport:T5 Reporter-Arg:T4 Event-Arg:E1\n"
)
CONF = (
    "[entities]\nOrganization\n[relations]\n[events]\nMerge-org\tOrg-Arg+:Organization\n"
    "Report\tReporter-Arg:Organization, Event-Arg:<EVENT>\n[attributes]\n"
)


def imported(tmp_path: Path, ann: str = ANN, conf: str = CONF) -> Project:
    """A new project (``a.annotator``) holding the text with ``ann`` and ``conf`` imported from a brat folder."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "doc.txt").write_text(TEXT)
    (src / "doc.ann").write_text(ann)
    (src / "annotation.conf").write_text(conf)
    project = api.new_project(tmp_path / "a.annotator")
    api.import_files(project, [src])
    return project


def assert_attributes_back(project: Project, folder: Path) -> None:
    """The brat export of ``project`` into ``folder`` holds Negation on the Merge-org event and Confidence Low on the
    Report, as ``ANN`` with the attribute lines of the attribute tests gave them."""
    api.export(project, folder, "brat")
    lines = (folder / "doc.ann").read_text().splitlines()
    merge = next(x.split("\t")[0] for x in lines if x.startswith("E") and "Merge-org:" in x)
    report_id = next(x.split("\t")[0] for x in lines if x.startswith("E") and "Report:" in x)
    attrs = sorted(x.split("\t")[1] for x in lines if x.startswith("A") and x.split("\t")[1].split()[0][0].isupper())
    assert attrs == sorted([f"Negation {merge}", f"Confidence {report_id} Low"]), lines
