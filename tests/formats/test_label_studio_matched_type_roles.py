"""Our own Label Studio export of a project whose event type is spelt as a brat file gave it (``Attack``, matched to
the news schema's ``Conflict:Attack``) read back into a new news project: the reader told every role of the config
(``Relations``: the news schema's 28) onto the file's ``Attack`` and the import said "added to the project's schema:
role Adjudicator, role Agent, ...", then "declared without a match, used by no document (not kept)": the type matched
the project's, which keeps its own roles, and none was added (session 38's Left). Now a type the project has under
another name takes no declared role and nothing is said added. Our own brat file."""

from __future__ import annotations

from annotator import api

TEXT = "Gunmen attacked the village of Kabul on Monday.\n"


def test_a_type_the_project_has_by_another_name_is_told_no_declared_role(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "a.ann").write_text(
        "T1\tPERSON 0 6\tGunmen\nT2\tGPE 31 36\tKabul\nT3\tAttack 7 15\tattacked\nE1\tAttack:T3 Attacker:T1 Place:T2\n",
        encoding="utf-8",
    )
    first = api.new_project(tmp_path / "p.annotator")
    api.import_files(first, [corpus])
    api.export(first, tmp_path / "out.json", format="label_studio")
    second = api.new_project(tmp_path / "q.annotator")
    report = api.import_files(second, [tmp_path / "out.json"])
    said = " ".join(report.notes)
    assert "role Adjudicator" not in said and "added to the project's schema" not in said, said
    assert "Attack -> Conflict:Attack" in said
    (doc,) = second.document_ids()
    assert [(v.type, [a.role for a in v.arguments]) for v in second.events(doc)] == [
        ("Conflict:Attack", ["Attacker", "Place"])
    ]
    news = api.new_project(tmp_path / "n.annotator").schema
    assert second.schema.event_type("Conflict:Attack").roles == news.event_type("Conflict:Attack").roles
