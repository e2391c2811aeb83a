"""doccano's export of a project without collaborative annotation: a zip of ``USERNAME.jsonl``, one file a member,
each with every text of the project and that member's labels (doccano's ``backend/data_export/celery_tasks.py``,
``create_individual_dataset``). Told in an import by its shape, two or more doccano JSONL files of one folder holding
the same texts, so that each file's labels go into an annotation set named after it (as a Label Studio task's
several annotators' do) instead of the first file's into the import's set and the others' onto the texts it left
without labels."""

from __future__ import annotations

from pathlib import Path

from annotator.errors import ImportFileError
from annotator.import_rows import sha256_text
from annotator.formats.reading import iter_jsonl
from annotator.formats.detect import detect_format


def _texts(path: Path) -> tuple[str, ...] | None:
    """The sorted digests of a JSONL file's texts, or None when it cannot be read so (the reader will say why)."""
    try:
        return tuple(
            sorted(
                sha256_text(o["text"])
                for _, o in iter_jsonl(path)
                if isinstance(o, dict) and isinstance(o.get("text"), str)
            )
        )
    except ImportFileError:
        return None


def doccano_members(files: list[Path]) -> dict[Path, str]:
    """Each doccano JSONL file that is one member's file of such an export, with the member's name (its stem)."""
    by_folder: dict[Path, list[Path]] = {}
    for f in files:
        if f.suffix.lower() == ".jsonl" and f.is_file() and detect_format(f) == "doccano":
            by_folder.setdefault(f.parent, []).append(f)
    out: dict[Path, str] = {}
    for group in by_folder.values():
        if len(group) < 2:
            continue
        texts = [_texts(f) for f in group]
        if texts[0] and all(t == texts[0] for t in texts[1:]):
            out.update({f: f.stem for f in group})
    return out
