"""A project's JSON of version 5 imported onto the documents an older one (version 4, which did not say) brought
records their byte order mark: the documents were matched by text and skipped as duplicates, their ``bom`` left 0,
so the brat export wrote their ``.txt`` without the mark and every ``.ann`` offset one less than the file's. A mark
already recorded is never taken away (an input that does not say one is no evidence against it)."""

from __future__ import annotations

import orjson
from test_export_bom import WITH_BOM, boms, corpus

from annotator.cli import main
from annotator.formats.brat import write_brat
from annotator.formats.loading import import_paths
from annotator.formats.project_json import write_json
from annotator.store import Project


def version_4(path, out) -> None:  # type: ignore[no-untyped-def]
    """The JSON export at ``path`` as version 4 wrote it: no ``bom`` key."""
    data = orjson.loads(path.read_bytes())
    data["version"] = 4
    for doc in data["documents"]:
        doc.pop("bom", None)
    out.write_bytes(orjson.dumps(data))


def test_a_version_5_json_onto_an_older_ones_documents_records_the_mark(project, tmp_path, capsys):
    corpus(project, tmp_path)
    write_json(project, tmp_path / "new.json")
    version_4(tmp_path / "new.json", tmp_path / "old.json")
    second = tmp_path / "second.annotator"
    with Project(second) as p:
        import_paths(p, [tmp_path / "old.json"])
        assert boms(p) == {"bom.txt": 0, "plain.txt": 0}
    assert main(["import", str(second), str(tmp_path / "new.json")]) == 0
    assert "a byte order mark recorded on 1 document already in the project" in capsys.readouterr().out
    with Project(second, create=False) as p:
        assert boms(p) == {"bom.txt": 1, "plain.txt": 0}
        write_brat(p, tmp_path / "brat")
    assert (tmp_path / "brat" / "bom.txt").read_bytes() == WITH_BOM
    # again: nothing more to record, and the older file onto it takes nothing away
    with Project(second, create=False) as p:
        for f in ("new.json", "old.json"):
            assert import_paths(p, [tmp_path / f]).boms_recorded == 0
        assert boms(p) == {"bom.txt": 1, "plain.txt": 0}
