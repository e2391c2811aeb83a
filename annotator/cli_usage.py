"""How the ``annotator`` command line takes its values and says a usage error: the argparse types that refuse a bad
value in one line naming it (a score, a whole number, an import format's name, an encoding), the parser that says
an unknown option or choice in one line with the nearest one offered, and the help that shows every default
(``cli_parser`` builds the commands with them)."""

from __future__ import annotations

import argparse
import textwrap
from typing import Any, Callable

from annotator.closest import did_you_mean


def score(text: str) -> float:
    """An argparse type: a minimum score, a finite number (a bad value is a one-line usage error naming it)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid score: {text!r} (a number, such as 0.8)") from None
    if not 0 <= value <= 1:  # NaN and the infinities too
        raise argparse.ArgumentTypeError(f"invalid score: {text!r} (a score is from 0 to 1, such as 0.8)")
    return value


def at_least(low: int) -> Callable[[str], int]:
    """An argparse type: a whole number >= ``low`` (a bad value is a one-line usage error naming it)."""

    def whole(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"invalid int value: {text!r} (a whole number)") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, not {value}")
        return value

    whole.__name__ = f"whole number >= {low}"
    return whole


# the project's own inputs: read by their ending without --format; named (``-f json``, as export takes it), each file
# must end so (``cli_import.own_kind_only``)
OWN_FORMATS = ("json", "jsonl", "txt")


def import_format_named(names: list[str]) -> Callable[[str], str]:
    """An argparse type: an import format's name, or one of the project's own (``-f json``, which export takes: it
    was a usage error, "leave it out", and before that "invalid choice: 'json'", as for a typo)."""

    def name(text: str) -> str:
        if text in names or text in OWN_FORMATS:
            return text
        from annotator.formats.registry import read_by

        choose = ", ".join(map(repr, [*names, *OWN_FORMATS]))  # -f json is taken: a typo's list names it too
        known, readers = read_by(text)  # -f duee: a corpus read by another format's reader, which is named
        close = "" if known else did_you_mean(text, [*names, *OWN_FORMATS])
        meant = ""
        if not known and not close:  # -f tacrd: a corpus's name misspelt, when no format's name is near
            known, readers = read_by(text, near=True)
            meant = f"did you mean {known!r}? " if known else ""
        if known:
            whose = known + ("'" if known[-1:] in "sS" else "'s")
            close = f" ({meant}{whose} files are read by {' or '.join(f'-f {r}' for r in readers)})"
        raise argparse.ArgumentTypeError(f"invalid choice: {text!r}{close} (choose from {choose})")

    name.__name__ = "import format"
    return name


def encoding_named(text: str) -> str:
    """An argparse type: an encoding Python knows (``text_encoding.encoding_named``: the codec's own name)."""
    from annotator.errors import OptionError
    from annotator.text_encoding import encoding_named

    try:
        return encoding_named(text)
    except OptionError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


encoding_named.__name__ = "encoding"


class Formatter(argparse.HelpFormatter):
    """Help that shows an option's default where its text does not say it already (``--batch``: 500)."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        shown = action.option_strings and not (default is None or default is False or default == argparse.SUPPRESS)
        return text if not shown or "default" in text else f"{text} (default: %(default)s)"

    def _split_lines(self, text: str, width: int) -> list[str]:  # never at a hyphen: 'docs/command-' 'line.md'
        return textwrap.wrap(self._whitespace_matcher.sub(" ", text).strip(), width, break_on_hyphens=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        text = self._whitespace_matcher.sub(" ", text).strip()
        return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)


class Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr, like every other user error; help with every option's default."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"annotator: error: {message} (see: {self.prog} --help)\n")

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:  # type: ignore[override]
        """As argparse's, an option the command does not take named with that command's help (argparse leaves
        them to the top parser, whose line said "see: annotator --help"), the one it takes nearest a misspelt one
        offered (``--formt``: did you mean '--format'?)."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = getattr(parsed, "command", None)
            subs = [a for a in self._actions if isinstance(a, argparse._SubParsersAction)]
            owner = subs[0].choices.get(command, self) if subs and command else self
            first = next((x.split("=", 1)[0] for x in extras if x.startswith("--")), "")
            close = did_you_mean(first, owner._option_string_actions) if first else ""
            owner.error(f"unrecognized arguments: {' '.join(extras)}{close}")
        return parsed

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        """As argparse's, the choice nearest a misspelt one offered (``exprot``: did you mean 'export'?)."""
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(map(repr, action.choices))
            close = did_you_mean(str(value), map(str, action.choices))
            raise argparse.ArgumentError(action, f"invalid choice: {value!r}{close} (choose from {choices})")
