"""Session 40 (s39-real's Left): a DuEE line whose ``event_type`` the project's schema matches (``Conflict-Attack``,
the news schema's ``Conflict:Attack``) had its told roles said as added under the file's spelling, every one of them:
"role Conflict-Attack:Attacker, role Conflict-Attack:Place, role Conflict-Attack:Weapon-Thing", though the project's
type had Attacker and Place and took only DuEE's role-named labels there. Each is said now under the project's name:
a role the type had by the labels it now takes, a new one as added. Our own line, in DuEE 1.0's shape."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli import main
from annotator.store import Project

EN = "Gunmen attacked a police station in Mosul on Friday."
LINE = {
    "text": EN,
    "id": "en1",
    "event_list": [
        {
            "event_type": "Conflict-Attack",
            "trigger": "attacked",
            "trigger_start_index": 7,
            "arguments": [
                {"role": "Attacker", "argument": "Gunmen", "argument_start_index": 0},
                {"role": "Place", "argument": "Mosul", "argument_start_index": 36},
                {"role": "Weapon-Thing", "argument": "Friday", "argument_start_index": 45},
            ],
            "class": "Conflict",
        }
    ],
}


@pytest.mark.parametrize("how", [[], ["--add-types"]])
def test_a_matched_types_roles_are_said_under_the_projects_name(tmp_path, capsys, how):
    src = tmp_path / "train.json"
    src.write_bytes(orjson.dumps(LINE) + b"\n")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src), *how]) == 0
    out = capsys.readouterr().out
    assert (
        "label Attacker, label Place, label Weapon-Thing, role Conflict:Attack:Attacker (takes Attacker), "
        "role Conflict:Attack:Place (takes Place), role Conflict:Attack:Weapon-Thing\n"
    ) in out, out
    assert "Conflict-Attack:" not in out
    with Project(p, create=False) as project:
        attack = project.schema.event_type("Conflict:Attack")
        assert attack is not None and project.schema.event_type("Conflict-Attack") is None
        assert [r.name for r in attack.roles][-1] == "Weapon-Thing"
        assert "Attacker" in attack.role("Attacker").labels  # type: ignore[union-attr]
