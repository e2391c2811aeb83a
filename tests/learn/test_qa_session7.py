"""Session 7's qa pass, the command line's side of training and model versions: each test failed before its fix."""

from __future__ import annotations

from annotator.learn.report import format_versions
from annotator.learn.versions import VersionInfo


def test_models_table_shows_when_a_version_was_made_whole():
    """The created column cut the stored timestamp at 24 characters ('2026-12-02T15:02:07.767+'): now the minute."""
    info = VersionInfo(1, "2026-12-02T15:02:07.767+00:00", 8, manifest={"held_out": 8, "compared_with": "original"})
    header, row = format_versions([info], original_default=True).splitlines()[:2]
    assert "2026-12-02 15:02 " in row
    assert "+" not in row and "07.767" not in row
    assert header.index("docs") + len("docs") == row.index("    8") + len("    8")  # the columns stay in line
    assert header.split()[2:4] == ["created", "(UTC)"]


def _subcommands():  # type: ignore[no-untyped-def]
    import argparse

    from annotator.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices


def test_every_option_says_what_it_does():
    """train's --ner-epochs and --event-epochs (the quick-try settings), export's -o, the --json switches had no help
    line: `annotator train --help` showed the bare names, so a first user could not find how to train quickly."""
    bare = [
        f"{name} {action.option_strings[0]}"
        for name, parser in _subcommands().items()
        for action in parser._actions
        if action.option_strings and not action.help
    ]
    assert bare == []
    train_help = _subcommands()["train"].format_help()
    assert "default: 8" in train_help and "default: 5" in train_help


def test_export_help_names_every_format_it_writes():
    """export --help listed seven formats; doccano and label_studio were written too but not named."""
    from annotator.formats import writers

    text = next(a for a in _subcommands()["export"]._actions if "--format" in a.option_strings).help
    assert [name for name in sorted(writers()) if name not in text] == []
