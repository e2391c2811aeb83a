"""brat's ``tools.conf`` beside annotation.conf: a brat server's settings for the corpus (``[options]``: its tokenizer,
sentence splitter, validation; ``[search]`` links; ``[normalization]`` databases its ``N`` lines name;
``[annotators]``). The project has no place for them: a brat import keeps its lines with the schema
(``tools_kept``, beside annotation.conf's declarations) and the brat export writes them back (``tools_text``), under a
first line that tells a former export's file from a brat server's own (``fileid.BRAT_WRITTEN``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from annotator.fileid import BRAT_WRITTEN

TOOLS = "tools.conf"
HEADER = BRAT_WRITTEN[TOOLS].decode("utf-8") + ": the corpus's own, as its brat import read it"


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


def tools_text(kept: Mapping[str, Any] | None) -> str | None:
    """The tools.conf a brat import kept (``tools_kept``), to write beside the export's annotation.conf; None without."""
    lines = (kept or {}).get("tools")
    if not isinstance(lines, list) or not lines:
        return None
    return "\n".join([HEADER, *(str(x) for x in lines)]) + "\n"
