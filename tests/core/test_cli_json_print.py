"""The command line prints every ``--json`` result one way (``cli_common.print_json``): characters beyond ASCII as
they are, as ``status``, ``accept``, ``export``, ``sets`` and ``train`` did; ``preannotate --json`` and ``models
--json`` escaped them (``\\u00fc``) until session 38."""

from __future__ import annotations

import json

from annotator.cli import main


def test_preannotate_json_keeps_a_type_s_name_beyond_ascii_as_it_is(project, capsys, monkeypatch):
    """A schema's event type named "Überfall" (any text is a name) that pre-annotation left out is printed as it is
    named, on one line, as every other command's ``--json`` prints its names."""
    from annotator import api
    from annotator.preannotate_report import PreannotateReport

    path = project.path
    project.close()
    ran = PreannotateReport(pipeline="trained:news@2", documents=1, words=4, model_version=2, seconds=0.5)
    ran.event_source, ran.types_left_out = "trained:news@2", ("Überfall",)
    monkeypatch.setattr(api, "preannotate", lambda project, **kwargs: ran)
    assert main(["preannotate", str(path), "--model-version", "2", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"types_left_out": ["Überfall"]' in out, out
    assert out.count("\n") == 1 and json.loads(out)["types_left_out"] == ["Überfall"]


def test_models_json_keeps_a_manifest_s_words_beyond_ascii_as_they_are(project, capsys, monkeypatch):
    """``models --json``: a version's manifest (the schema it was trained on, named "Événements") as it is."""
    from annotator.learn import versions

    path = project.path
    project.close()
    listed = [
        versions.VersionInfo(
            version=1,
            default=True,
            present=True,
            created="2026-12-07T09:00:00",
            documents=80,
            manifest={"schema": "Événements"},
        )
    ]
    monkeypatch.setattr(versions, "list_versions", lambda project: listed)
    assert main(["models", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    assert '"schema": "Événements"' in out, out
    assert json.loads(out)[0]["manifest"] == {"schema": "Événements"}
