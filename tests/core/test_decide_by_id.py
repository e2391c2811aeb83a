"""``accept`` and ``reject`` with ``--ids`` (entity suggestions) and ``--event-ids`` (event suggestions): exactly the
suggestions a script chose, by the ids of the export's records, each document one edit; an id not in the set refused
before anything changes, one already decided left as it is; the ids not with --docs, --all, --labels, --types or
--min-score (a usage error). Session 35: reject had only --docs/--all with labels and types, accept only --min-score."""

from __future__ import annotations

import json

from core_helpers import two_suggested_documents

from annotator.cli import main
from annotator.store import Project


def _states(path):
    with Project(path, annotator="t") as p:
        return {
            p.document(d).name: (
                {e.id: e.state for e in p.entities(d)},
                {v.id: (v.state, len(v.arguments)) for v in p.events(d)},
            )
            for d in p.document_ids()
        }


def _ids(path):
    """(entity ids, event ids) of each document, by name, in order."""
    return {name: (list(ents), list(evs)) for name, (ents, evs) in _states(path).items()}


def test_reject_exactly_the_suggestions_chosen(project, capsys):
    path = two_suggested_documents(project)
    ids = _ids(path)
    ent_d0, ev_d1 = ids["d0.txt"][0][1], ids["d1.txt"][1][0]  # GPE of d0; the event of d1
    assert main(["reject", path, "--ids", str(ent_d0), "--event-ids", str(ev_d1), "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["documents"] == 2 and said["entities"] == 1 and said["events"] == 1
    assert said["ids"] == [ent_d0] and said["event_ids"] == [ev_d1]
    states = _states(path)
    assert states["d0.txt"][0][ent_d0] == "rejected"
    assert [s for i, s in states["d0.txt"][0].items() if i != ent_d0] == ["suggested"]
    assert list(states["d0.txt"][1].values()) == [("suggested", 1)]  # d0's event untouched
    assert list(states["d1.txt"][1].values()) == [("rejected", 0)]  # d1's event rejected, its argument gone
    assert list(states["d1.txt"][0].values()) == ["suggested"]  # its Attacker, made for it alone, went with it (as X)


def test_accept_exactly_the_suggestions_chosen_and_an_event_takes_its_fillers(project, capsys):
    path = two_suggested_documents(project)
    ids = _ids(path)
    ev_d0 = ids["d0.txt"][1][0]
    ent_d1 = ids["d1.txt"][0][1]
    assert main(["accept", path, "--event-ids", str(ev_d0), "--ids", str(ent_d1), "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["documents"] == 2 and said["events"] == 1
    states = _states(path)
    assert list(states["d0.txt"][1].values()) == [("accepted", 1)]
    assert sorted(states["d0.txt"][0].values()) == ["accepted", "suggested"]  # its Attacker with it, the GPE not
    assert states["d1.txt"][0][ent_d1] == "accepted" and list(states["d1.txt"][1].values()) == [("suggested", 1)]


def test_an_id_not_in_the_set_is_refused_before_anything_changes(project, capsys):
    path = two_suggested_documents(project)
    before = _states(path)
    some = before["d0.txt"][0]
    assert main(["reject", path, "--ids", str(next(iter(some))), "999"]) == 1
    err = capsys.readouterr().err
    assert "entity 999" in err and "nothing was changed" in err and err.count("\n") == 1
    assert _states(path) == before


def test_an_id_decided_already_is_left_as_it_is(project, capsys):
    path = two_suggested_documents(project)
    entity = _ids(path)["d0.txt"][0][0]
    assert main(["accept", path, "--ids", str(entity)]) == 0
    assert main(["reject", path, "--ids", str(entity), "--json"]) == 0
    said = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert said["entities"] == 0 and _states(path)["d0.txt"][0][entity] == "accepted"


def test_ids_do_not_go_with_the_other_ways_of_choosing(project, capsys):
    path = two_suggested_documents(project)
    before = _states(path)
    for extra in (["--all"], ["--docs", "d0.txt"], ["--labels", "GPE"], ["--types", "Conflict:Attack"]):
        assert main(["reject", path, "--ids", "1", *extra]) == 2, extra
        assert "(see: annotator reject --help)" in capsys.readouterr().err
    assert main(["accept", path, "--ids", "1", "--min-score", "0.5"]) == 2
    assert main(["accept", path]) == 2 and "one of --docs, --all, or --ids" in capsys.readouterr().err
    assert _states(path) == before
