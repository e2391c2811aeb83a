"""Issue 9, point 11: every option value that cannot work is a one-line error, before anything runs."""

from __future__ import annotations

import pytest

from annotator.cli import main
from annotator.errors import ValidationError
from annotator.importing import IncomingDocument, import_documents
from annotator.preannotate import preannotate
from annotator.store import Project

BAD = [
    ("preannotate", "--batch-size", "-5"),
    ("preannotate", "--batch-size", "0"),
    ("preannotate", "--batch-size", "x"),
    ("preannotate", "--n-process", "0"),
    ("preannotate", "--n-process", "-2"),
    ("import", "--batch", "0"),
    ("import", "--batch", "-1"),
]


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.annotator"
    with Project(path, annotator="t") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")])
    return path


@pytest.mark.parametrize("command,option,value", BAD)
def test_bad_numbers_are_one_line_errors(project, tmp_path, capsys, command, option, value):
    extra = [str(tmp_path / "x.txt")] if command == "import" else []
    (tmp_path / "x.txt").write_text("Some text.", encoding="utf-8")
    code = main([command, str(project), *extra, option, value])
    err = capsys.readouterr().err
    lines = [x for x in err.splitlines() if x.strip()]
    assert code == 2 and len(lines) == 1 and lines[0].startswith("annotator: error:"), err
    assert option in lines[0] and value in lines[0]
    with Project(project, create=False) as p:
        assert p.document_ids() == [1] and p.tokens(1) is None


@pytest.mark.parametrize("fmt", ["label_studio", "json", "jsonl"])
def test_option_on_a_format_without_options_is_refused(project, tmp_path, capsys, fmt):
    out = tmp_path / f"out.{fmt}"
    assert main(["export", str(project), "-f", fmt, "-o", str(out), "--option", "split=train=1"]) == 2  # usage
    err = capsys.readouterr().err
    # JSON and JSONL take tokens= since session 20: split is refused as an option they do not take
    said = "takes no options" if fmt == "label_studio" else "unknown option 'split' (known: tokens)"
    assert said in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize("kwargs", [{"batch_size": 0}, {"batch_size": -5}, {"n_process": 0}])
def test_preannotate_refuses_sizes_below_one(project, kwargs):
    with Project(project, create=False) as p, pytest.raises(ValidationError, match="at least 1"):
        preannotate(p, "unused-never-loaded", **kwargs)
