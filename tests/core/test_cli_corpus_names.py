"""A newcomer's first `import -f NAME` of a corpus the project reads through another format's reader (session 32's
new user): `-f duee`, `-f tacred` were "invalid choice" with the list of formats, none of which says it reads them,
and `import --help`'s --format text did not name UIE's, Text2Event's, TACRED's, CLUENER2020's or DuEE's files."""

from __future__ import annotations

import pytest

from annotator.cli import main
from annotator.cli_parser import build_parser
from annotator.formats.registry import FORMATS, read_by


@pytest.mark.parametrize(
    "name, told",
    [
        ("duee", "DuEE's files are read by -f json or -f jsonl"),
        ("cluener", "CLUENER2020's files are read by -f json or -f jsonl"),
        ("tacred", "TACRED's files are read by -f oneie"),
        ("Re-TACRED", "Re-TACRED's files are read by -f oneie"),
        ("uie", "UIE's files are read by -f oneie"),
        ("text2event", "Text2Event's files are read by -f oneie"),
        ("rams", "RAMS' files are read by -f oneie"),
        ("maven", "MAVEN's files are read by -f omnievent"),
    ],
)
def test_a_corpus_named_as_a_format_is_told_the_format_that_reads_it(tmp_path, capsys, monkeypatch, name, told):
    monkeypatch.chdir(tmp_path)
    assert main(["import", "p.annotator", "train.json", "-f", name]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("annotator: error:") and "\n" not in err, err
    assert f"invalid choice: {name!r} ({told})" in err, err
    assert not (tmp_path / "p.annotator").exists()


def test_a_misspelt_format_is_still_offered_the_nearest_and_nothing_else_is_a_corpus():
    assert read_by("bratt") == ("", [])
    assert read_by("") == ("", [])
    assert read_by("cluener2020") == ("CLUENER2020", ["json", "jsonl"])


def test_import_help_names_every_corpus_its_readers_read_too():
    """The --format help is what a newcomer reads: each name a reader reads too (the registry's ``reads_too``) is
    in it, so `-f duee`'s pointer and the help say the same."""
    parser = build_parser()
    help_text = " ".join(parser._subparsers._group_actions[0].choices["import"].format_help().split())
    named = {known for f in FORMATS.values() for known in f.reads_too}
    assert {"DuEE", "CLUENER2020", "TACRED", "UIE", "Text2Event"} <= named
    missing = sorted(known for known in named if known not in help_text)
    assert not missing, missing


def test_the_top_help_says_import_reads_other_tools_files(capsys):
    """`annotator --help`, a newcomer's first page, said "import .txt/.jsonl/.json files and folders" alone: the
    fifteen other tools' formats `import --format` reads were nowhere on it."""
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    start = text.index("import import")
    line = text[start : text.index("preannotate", start)]
    assert "other tools' files" in line and "brat" in line and "--format" in line, line


def test_a_misspelt_original_of_models_default_offers_it(tmp_path, capsys):
    """`annotator models P --default orignal`: "--default takes a version number or 'original', not 'orignal'", the
    one choice whose misspelling argparse's own choices offer (session 32) left without it."""
    assert main(["init", str(tmp_path / "p.annotator")]) == 0
    capsys.readouterr()
    assert main(["models", str(tmp_path / "p.annotator"), "--default", "orignal"]) == 2
    err = capsys.readouterr().err.strip()
    assert "not 'orignal' (did you mean 'original'?)" in err and "\n" not in err, err


@pytest.mark.parametrize(
    "name, told",
    [
        ("tacrd", "did you mean 'TACRED'? TACRED's files are read by -f oneie"),
        ("cluenr", "did you mean 'CLUENER2020'? CLUENER2020's files are read by -f json or -f jsonl"),
    ],
)
def test_a_misspelt_corpus_name_is_offered_the_corpus_and_its_reader(tmp_path, capsys, monkeypatch, name, told):
    """`-f tacrd` (session 32's new user, left): a corpus's name misspelt got the list of formats and no pointer,
    though `-f tacred` names its reader; a format's own near name still comes first (`-f bratt`: 'brat')."""
    monkeypatch.chdir(tmp_path)
    assert main(["import", "p.annotator", "train.json", "-f", name]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("annotator: error:") and "\n" not in err, err
    assert f"invalid choice: {name!r} ({told})" in err, err
    assert main(["import", "p.annotator", "train.json", "-f", "bratt"]) == 2
    assert "(did you mean 'brat'?)" in capsys.readouterr().err
    assert read_by("tacrd") == ("", []) and read_by("zzzz", near=True) == ("", [])
