"""Pre-annotation in a project that adopted a conf in the shape of brat's news tutorial (``Organization``, roles marked
apart as ``Person-Arg``, ``Org-Arg``): the pipeline's ``ORG`` had no name there (skipped), and the suggested events
filled no role (``Org`` has no match in ``Org-Arg``). The conf's names are matched as an import into a news project
matches them (``SchemaNames.declared_label``, ``declared_role``). The conf is our own, in the tutorial's shape."""

from __future__ import annotations

from pathlib import Path

from annotator.formats.brat_files import read_annotation_conf
from annotator.pipeline_names import AdoptedNames
from annotator.schema import default_schema
from tests.formats.test_brat_news_tutorial_conf import CONF


def _adopted(tmp_path: Path) -> AdoptedNames:
    conf = tmp_path / "annotation.conf"
    conf.write_text(CONF, encoding="utf-8")
    schema = read_annotation_conf(conf, tmp_path / "visual.conf", "news").schema
    return AdoptedNames(schema, default_schema())


def test_the_pipelines_labels_get_the_confs_full_names(tmp_path):
    names = _adopted(tmp_path)
    assert names.label("ORG") == "Organization" and names.label("PERSON") == "Person"
    assert names.label("MONEY") == "Money" and names.label("GPE") == "GPE"


def test_the_suggesters_roles_get_the_confs_marked_roles(tmp_path):
    names = _adopted(tmp_path)
    assert names.types["Business:Merge-Org"] == "Merge-org"
    assert names.roles[("Business:Merge-Org", "Org")] == "Org-Arg"
    assert names.roles[("Life:Be-Born", "Person")] == "Person-Arg"
    assert names.roles[("Transaction:Transfer-Money", "Giver")] == "Giver-Arg"
    assert ("Life:Die", "Victim") not in names.roles  # the tutorial's Die has Person-Arg: no role of the news schema's
