"""brat's ``tools.conf`` beside annotation.conf: a brat server's settings for the corpus (``[options]``: its tokenizer,
sentence splitter, validation; ``[search]`` links; ``[normalization]`` databases its ``N`` lines name;
``[annotators]``). The project has no place for them: a brat import keeps its lines with the schema
(``tools_kept``, beside annotation.conf's declarations) and the brat export writes them back (``tools_text``), under a
first line that tells a former export's file from a brat server's own (``fileid.BRAT_WRITTEN``). A database the
export's ``N`` lines name that no kept line declares is declared in ``[normalization]`` (``with_databases``): brat
links a normalisation's id only through its database's ``<URL>`` and ``<URLBASE>`` there (session 38)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Mapping

from annotator.fileid import BRAT_WRITTEN

TOOLS = "tools.conf"
HEADER = (
    BRAT_WRITTEN[TOOLS].decode("utf-8")
    + ": the corpus's own, as its brat import read it, and the databases its N lines name"
)
SECTIONS = ("options", "search", "annotators", "disambiguators", "normalization")  # those brat expects, each said
# the addresses (<URL>, <URLBASE>) of the databases brat's own tools.conf gives as examples, and Wikidata's (an entity
# linker's ids: spaCy's kb_ids are Wikidata's Q-numbers in its examples); another database's are not known here
ADDRESSES = {
    "Wikipedia": ("http://en.wikipedia.org", "http://en.wikipedia.org/?curid=%s"),
    "Wikidata": ("https://www.wikidata.org/", "https://www.wikidata.org/wiki/%s"),
    "UniProt": ("http://www.uniprot.org/", "http://www.uniprot.org/uniprot/%s"),
    "GO": ("http://www.geneontology.org/", "http://amigo.geneontology.org/cgi-bin/amigo/term_details?term=GO:%s"),
}
IRI = re.compile(r"https?://[^/\s]+/")  # an entity's IRI (INCEpTION's identifier): its site
QID = re.compile(r"Q[1-9][0-9]*")  # a Wikidata item's id
PLACE_HELD = "<URL>:(its address), <URLBASE>:(an entry's address, %s for the id)"  # a database's line to fill in
SECTION = re.compile(r"^\s*\[(.*)\]\s*$")


def tools_kept(path: Path) -> dict[str, list[str]]:
    """The lines of the tools.conf at ``path`` (our own first line taken off), as ``{"tools": [...]}``; {} when there
    is none or it cannot be read."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    if lines and lines[0].startswith(BRAT_WRITTEN[TOOLS].decode("utf-8")):
        lines = lines[1:]
    return {"tools": lines} if any(x.strip() for x in lines) else {}


def tools_text(
    kept: Mapping[str, Any] | None, databases: Mapping[str, Iterable[str]] | None = None
) -> tuple[str | None, list[str]]:
    """The tools.conf to write beside the export's annotation.conf: the one a brat import kept (``tools_kept``), with
    each of ``databases`` (name -> the ids the ``N`` lines give under it) that it does not declare (``with_databases``);
    None when there is neither. With it, the databases declared without their addresses (said by the caller)."""
    lines = (kept or {}).get("tools")
    lines = [str(x) for x in lines] if isinstance(lines, list) else []
    lines, unknown = with_databases(lines, databases or {})
    if not lines:
        return None, unknown
    return "\n".join([HEADER, *lines]) + "\n", unknown


def _declared(lines: list[str]) -> tuple[set[str], set[str], int | None]:
    """The databases ``[normalization]`` declares (a line's first word; ``#`` lines are none), those a former export
    left for the user to fill in (its ``PLACE_HELD`` lines), and the place of that section's header (None without)."""
    names: set[str] = set()
    held: set[str] = set()
    section, at = None, None
    for k, line in enumerate(lines):
        if m := SECTION.match(line):
            section = m.group(1).strip()
            at = k if section == "normalization" else at
        elif section == "normalization" and line.startswith("# ") and line.endswith(PLACE_HELD):
            held.add(line[2:].split(None, 1)[0])
        elif section == "normalization" and line.strip() and not line.lstrip().startswith("#"):
            names.add(line.split(None, 1)[0])
    return names, held, at


def _database_line(name: str, ids: list[str]) -> str | None:
    """brat's declaration of a database: ``Wikidata\t<URL>:..., <URLBASE>:...%s``; ``KB`` (ids that named no
    database: an entity linker's) as Wikidata where every id is a Wikidata item's, as links of their own where every id is
    an IRI (INCEpTION's identifiers: ``<URLBASE>:%s``); None where the address is unknown."""
    known = ADDRESSES.get(name) or (
        ADDRESSES["Wikidata"] if name == "KB" and ids and all(map(QID.fullmatch, ids)) else None
    )
    if known is None and name == "KB" and ids and all(map(IRI.match, ids)):  # IRIs (INCEpTION's): each its own link
        known = (IRI.match(ids[0]).group(0), "%s")  # type: ignore[union-attr]
    return f"{name}\t<URL>:{known[0]}, <URLBASE>:{known[1]}" if known else None


def with_databases(lines: list[str], databases: Mapping[str, Iterable[str]]) -> tuple[list[str], list[str]]:
    """``lines`` (a tools.conf's, or none) with a ``[normalization]`` line for each database of ``databases`` it does
    not declare, the section made where it has none (with brat's other sections when there was no file: brat warns of
    each it misses); a database whose address is not known is a ``#`` line naming it, for the user to fill in, and is
    returned (the second item)."""
    names, held, at = _declared(lines)
    missing = [name for name in sorted(databases) if name not in names and name not in held]
    unknown = [name for name in sorted(databases) if name in held and name not in names]  # still to fill in: said
    if not missing:
        return lines, unknown
    added = []
    for name in missing:
        line = _database_line(name, list(databases[name]))
        if line is None:
            unknown.append(name)
            line = f"# {name}\t{PLACE_HELD}"
        added.append(line)
    if at is not None:
        return lines[: at + 1] + added + lines[at + 1 :], unknown
    if lines:
        return [*lines, "", "[normalization]", *added], unknown
    return [*(f"[{x}]" for x in SECTIONS[:-1]), "[normalization]", *added], unknown
