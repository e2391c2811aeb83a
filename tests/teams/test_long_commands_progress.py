"""``agree``, ``validate`` and ``merge`` on a big project: a progress bar on a terminal as import, export and
preannotate have (they printed nothing until the end), and Ctrl+C says how far they got."""

from __future__ import annotations

import sys

import pytest

from annotator.cli import main
from annotator.store import Project
from annotator.teams.agreement import agreement
from annotator.teams.merge import merge_projects
from cli_support import ctrl_c_at
from teams_data import make_alice, make_bob, new_project


@pytest.fixture
def team(tmp_path):
    alice, bob = make_alice(tmp_path / "alice.annotator"), make_bob(tmp_path / "bob.annotator")
    path = tmp_path / "team.annotator"
    with Project(path, annotator="rita") as p:
        merge_projects(p, [alice, bob])
    return path


def _terminal(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """stderr (the test's capture of it) as a terminal: the bars are drawn only there."""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)


def test_agreement_and_merge_say_how_far_they_are(tmp_path, team):
    seen: list[tuple[int, int]] = []
    with Project(team, create=False) as p:
        agreement(p, progress=lambda done, total: seen.append((done, total)))
    # 0 first (the work may be stopped there, before any document), then one more a document
    assert seen and seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == list(range(len(seen)))
    stages: list[tuple[str, int, int]] = []
    with Project(tmp_path / "again.annotator", annotator="rita") as p:
        merge_projects(p, [tmp_path / "alice.annotator"], progress=lambda *a: stages.append(a))
    assert [s for s, *_ in stages if s.startswith("check")] and stages[-1][0] == "merge alice.annotator"
    assert stages[-1][1] == stages[-1][2] > 0


@pytest.mark.parametrize("command", [["agree"], ["validate"]])
def test_a_long_reading_command_draws_a_bar_on_a_terminal(team, capsys, monkeypatch, command):
    _terminal(monkeypatch)
    main([command[0], str(team), *command[1:]])
    err = capsys.readouterr().err
    assert f"{command[0]}: 100%" in err, err


def test_merge_draws_a_bar_on_a_terminal_and_reports_each_source_on_stdout(tmp_path, team, capsys, monkeypatch):
    _terminal(monkeypatch)
    code = main(["merge", str(tmp_path / "t2.annotator"), str(tmp_path / "alice.annotator")])
    out, err = capsys.readouterr()
    assert code == 0 and "merge alice.annotator: 100%" in err, err
    assert "alice" in out and "100%" not in out


def test_ctrl_c_in_validate_says_how_many_documents_were_checked(team, capsys, monkeypatch):
    import annotator.validation as validation

    with Project(team, create=False) as p:
        n = len(p.document_ids())
    monkeypatch.setattr(validation, "validate", ctrl_c_at(2, validation.validate))
    assert main(["validate", str(team)]) == 130
    err = capsys.readouterr().err
    assert f"nothing was changed (it only reads the project); 1 of {n} documents checked" in err, err


def test_ctrl_c_in_agree_says_how_many_documents_were_scored(team, capsys, monkeypatch):
    import annotator.teams.agreement as agreement_module

    monkeypatch.setattr(agreement_module, "document_scores", ctrl_c_at(2, agreement_module.document_scores))
    assert main(["agree", str(team)]) == 130
    err = capsys.readouterr().err.splitlines()[-1]
    assert err.startswith("annotator: interrupted; nothing was changed (it only reads the project); 1 of "), err
    assert "no score printed" in err


def test_ctrl_c_in_agree_before_any_document_says_none_was_scored(team, capsys, monkeypatch):
    """It said '0 of 0 documents scored' when Ctrl+C came while the sets were still being read."""
    import annotator.teams.agreement as agreement_module

    monkeypatch.setattr(agreement_module, "covered_documents", ctrl_c_at(1, agreement_module.covered_documents))
    assert main(["agree", str(team)]) == 130
    err = capsys.readouterr().err.splitlines()[-1]
    assert err == (
        "annotator: interrupted; nothing was changed (it only reads the project); no document was scored yet, no "
        "score printed"
    ), err


def test_ctrl_c_in_validate_with_no_problem_found_names_none(team, capsys, monkeypatch):
    import annotator.validation as validation

    monkeypatch.setattr(validation, "validate", ctrl_c_at(2, lambda *a, **k: []))
    assert main(["validate", str(team)]) == 130
    err = capsys.readouterr().err
    assert "documents checked\n" in err and "problems above" not in err, err


def test_ctrl_c_in_merge_before_it_began_says_nothing_was_merged(tmp_path, team, capsys, monkeypatch):
    """'every finished step is saved' when Ctrl+C came while the team project was being opened."""
    import annotator.cli as cli

    monkeypatch.setattr(cli, "open_project", ctrl_c_at(1, cli.open_project))
    assert main(["merge", str(tmp_path / "t3.annotator"), str(tmp_path / "alice.annotator")]) == 130
    err = capsys.readouterr().err
    assert err == "annotator: interrupted; nothing was merged (no source file was written into the project)\n", err


def _carol(tmp_path):  # type: ignore[no-untyped-def]
    """A source with a document the team project does not have: merge reads the target's texts for it."""
    p, _ = new_project(tmp_path / "carol.annotator", "carol", [("doc4.txt", "Carol read this one alone")])
    p.close()
    return tmp_path / "carol.annotator"


def test_merge_says_how_far_it_read_the_target_before_its_first_write(tmp_path, team):
    """Every text of the target was read (to find near twins) at the first new document with no progress: a
    target of 100,000 documents stood still at its check stage until it was done."""
    stages: list[tuple[str, int, int]] = []
    with Project(team, create=False) as p:
        n = p.db.document_count()
        merge_projects(p, [_carol(tmp_path)], progress=lambda *a: stages.append(a))
    index = [(done, of) for what, done, of in stages if what == "index team.annotator"]
    assert n > 1 and index == [(done, n) for done in range(n + 1)], stages
    first_write = next(i for i, (what, *_) in enumerate(stages) if what.startswith("merge "))
    assert stages.index(("index team.annotator", n, n)) < first_write


def test_ctrl_c_while_merge_reads_the_target_says_nothing_was_merged(tmp_path, team, capsys, monkeypatch):
    import annotator.cli as cli
    import annotator.cli_common as cli_common

    carol = _carol(tmp_path)
    with Project(team, create=False) as p:
        before = (p.db.document_count(), p.annotation_sets())

    def in_stages(bar):  # type: ignore[no-untyped-def]
        shown = cli_common.in_stages(bar)

        def progress(what: str, done: int, total: int) -> None:
            if what.startswith("index ") and done == 1:
                raise KeyboardInterrupt  # a Ctrl+C after the first text read
            shown(what, done, total)

        return progress

    monkeypatch.setattr(cli, "in_stages", in_stages)
    assert main(["merge", str(team), str(carol)]) == 130
    err = capsys.readouterr().err
    assert err == "annotator: interrupted; nothing was merged (no source file was written into the project)\n", err
    with Project(team, create=False) as p:
        assert (p.db.document_count(), p.annotation_sets()) == before
