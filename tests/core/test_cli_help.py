"""Every command's --help says what the command does, what each argument is, and every option's default (a
pipeline author reads --help, not the README)."""

from __future__ import annotations

import argparse
import json
import tomllib
from importlib.metadata import Distribution, distributions
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from annotator.cli import build_parser, main


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


COMMANDS = sorted(_commands())


def _help(capsys, command: str) -> str:
    assert main([command, "--help"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_s_help_says_what_it_does(command):
    assert (_commands()[command].description or "").strip(), f"annotator {command} --help has no description"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_argument_is_explained_and_every_option_s_default_shown(command, capsys):
    parser = _commands()[command]
    formatter = parser._get_formatter()
    text = " ".join(_help(capsys, command).split())
    one_of = {id(a) for g in parser._mutually_exclusive_groups if g.required for a in g._group_actions}
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        required = action.required or id(action) in one_of  # nothing to default to
        shown = " ".join((formatter._expand_help(action) if action.help else "").split())
        name = action.option_strings[0] if action.option_strings else action.dest
        assert shown, f"annotator {command}: {name} has no help"
        assert shown in text, f"annotator {command} --help does not show {name}'s help: {shown!r}"
        if action.option_strings and not required and not isinstance(action, argparse._VersionAction):
            # a switch too (session 10: --only-new, --skip-bad, --combine, --json did not say what happens without it)
            assert "default" in shown, f"annotator {command}: {name} does not say its default: {shown!r}"
            assert "default: None" not in shown and "default: False" not in shown, shown


def test_the_main_help_gives_the_exit_codes(capsys):
    assert main(["--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    for code in ("0", "1", "2", "130", "141"):
        assert f"{code} " in text, text
    assert "annotator: error:" in text and "stderr" in text


def _installed_at(dist: Distribution) -> Path:
    """The folder an installed annotator's metadata stands for: an editable install's source tree (its
    direct_url.json), else the folder its metadata lies in (site-packages, or a checkout holding an egg-info)."""
    url = json.loads(dist.read_text("direct_url.json") or "{}").get("url", "")
    where = Path(unquote(urlparse(url).path)) if url.startswith("file:") else Path(str(dist.locate_file("")))
    return where.resolve()


def _installed_from_this_tree(root: Path) -> list[Distribution]:
    """The installed metadata of the annotator package that is this tree: an editable install of it or an installed
    copy beside it; an egg-info the tree holds counts too. Not another checkout's: a git worktree run with the shared
    venv finds only the main checkout's editable install, whose version says nothing of this tree."""
    return [d for d in distributions(name="annotator") if _installed_at(d) == root]


def test_version_is_the_package_s(capsys):
    """A pipeline records the versions of its tools: 'annotator --version' was a usage error. The version is the
    one pyproject.toml gives, and the installed metadata of this tree says the same."""
    import annotator

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"annotator {annotator.__version__}"
    root = Path(annotator.__file__).resolve().parent.parent
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():  # a checkout (an installed copy has no pyproject.toml beside it)
        assert tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"] == annotator.__version__
    installed = _installed_from_this_tree(root)
    if not installed:
        others = ", ".join(sorted({str(_installed_at(d)) for d in distributions(name="annotator")})) or "none"
        pytest.skip(f"no installed metadata for this tree ({root}); annotator's found: {others}")
    assert [d.version for d in installed] == [annotator.__version__] * len(installed)


def test_help_lines_never_break_at_a_hyphen(capsys, monkeypatch):
    """On an 80-column terminal the main help ended 'docs/command-' / 'line.md', and an option's help could be cut
    the same way ('--only-' 'new')."""
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    assert "docs/command-line.md" in text and not any(line.rstrip().endswith("-") for line in text.splitlines()), text


def test_import_help_names_every_format_it_reads(capsys):
    """Session 31, a new user: ``import --help`` listed its formats by hand and left out pubtator, which -f takes."""
    from annotator.formats.registry import import_formats

    text = " ".join(_help(capsys, "import").split())
    shown = text[text.index("read with this format (") :]
    for f in import_formats():
        assert f.name in shown.split(";")[0], f"import --help's --format does not name {f.name}"
