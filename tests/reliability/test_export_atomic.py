"""A failed export never leaves half a file in place of a good one, nor temporary files behind."""

from __future__ import annotations

import builtins
import shutil
import errno
import io
import os
from pathlib import Path

import pytest

from annotator import edits
from annotator.errors import AnnotatorError
from annotator.formats import writers
from annotator.formats.loading import import_paths
from annotator.store import Project
from reliability_support import ROOT

WRITERS = sorted(writers())


@pytest.fixture(scope="module")
def _template(tmp_path_factory) -> Path:
    """The seeds with an entity, an event and its argument in each, made once (a copy per test: 46 tests)."""
    path = tmp_path_factory.mktemp("export-template") / "export.annotator"
    with Project(path, annotator="tester") as p:
        import_paths(p, [ROOT / "seeds"])
        for doc in p.document_ids():
            ent = edits.add_entity(p, doc, 0, 5, "ORG").result_id
            ev = edits.add_event(p, doc, "Contact:Meet", 6, 9).result_id
            edits.add_argument(p, ev, "Entity", ent)
    return path


@pytest.fixture
def project(tmp_path, _template):
    path = tmp_path / "export.annotator"
    shutil.copyfile(_template, path)
    p = Project(path, annotator="tester")
    yield p
    p.close()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (temporary files included) with its bytes."""
    return {str(f.relative_to(folder)): f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file()}


class _FailingFile:
    """A file object that raises ENOSPC once more than ``budget`` bytes were written through it."""

    def __init__(self, real, budget: list[int]) -> None:
        self._real = real
        self._budget = budget

    def write(self, data):  # type: ignore[no-untyped-def]
        n = len(data)
        if n > self._budget[0]:
            raise OSError(errno.ENOSPC, "No space left on device")
        self._budget[0] -= n
        return self._real.write(data)

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self

    def __exit__(self, *exc):  # type: ignore[no-untyped-def]
        self._real.close()

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._real)

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        return getattr(self._real, name)


@pytest.fixture
def disk_full_after(monkeypatch, tmp_path):
    """Make files opened for writing under the export folder fail after a number of bytes."""
    folder = tmp_path / "out"

    def arm(limit: int) -> None:
        budget = [limit]
        real_open, real_fdopen = io.open, os.fdopen

        def fake_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
            f = real_open(file, mode, *args, **kwargs)
            if any(m in mode for m in "wax+") and str(file).startswith(str(folder)):
                return _FailingFile(f, budget)
            return f

        def fake_fdopen(fd, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
            f = real_fdopen(fd, mode, *args, **kwargs)
            return _FailingFile(f, budget) if any(m in mode for m in "wax+") else f

        monkeypatch.setattr(io, "open", fake_open)
        monkeypatch.setattr(builtins, "open", fake_open)
        monkeypatch.setattr(os, "fdopen", fake_fdopen)

    return arm


def _first_export(project: Project, name: str, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    target = folder / f"good.{name}"
    writers()[name](project, target)
    assert target.exists()
    return target


# brat writes a folder of two files per document: ~12 s a case
WRITER_CASES = [pytest.param(w, marks=pytest.mark.slow) if w == "brat" else w for w in WRITERS]


@pytest.mark.parametrize("name", WRITER_CASES)
@pytest.mark.parametrize("limit", [0, 200, 5000])
def test_disk_full_during_export_keeps_the_old_file(project, name, limit, tmp_path, disk_full_after, figures):
    target = _first_export(project, name, tmp_path / "out")
    before = snapshot(tmp_path / "out")
    edits.set_status(project, project.document_ids()[0], "reviewed")  # the new export would differ
    disk_full_after(limit)
    with pytest.raises(AnnotatorError) as info:
        writers()[name](project, target)
    assert "No space left" in str(info.value) or "space" in str(info.value), str(info.value)
    assert snapshot(tmp_path / "out") == before  # old export intact, no .part files left
    if limit == 200:
        figures.update(writer=name, message=str(info.value).split(": ", 1)[-1][:80])


class Boom(Exception):
    pass


@pytest.mark.parametrize("name", WRITER_CASES)
def test_exception_half_way_keeps_the_old_file(project, name, tmp_path):
    target = _first_export(project, name, tmp_path / "out")
    before = snapshot(tmp_path / "out")
    seen = []

    def progress(*args):  # type: ignore[no-untyped-def]
        seen.append(args)
        if len(seen) == 3:
            raise Boom("stopped half-way")

    with pytest.raises(Boom):
        writers()[name](project, target, progress=progress)
    assert len(seen) == 3, "the writer never reported progress, so the failure was not half-way"
    assert snapshot(tmp_path / "out") == before


@pytest.mark.parametrize("name", WRITERS)
def test_export_into_a_new_name_leaves_nothing_on_failure(project, name, tmp_path):
    folder = tmp_path / "fresh"
    folder.mkdir()

    def progress(*args):  # type: ignore[no-untyped-def]
        raise Boom("at the first document")

    with pytest.raises(Boom):
        writers()[name](project, folder / f"new.{name}", progress=progress)
    assert snapshot(folder) == {} and list(folder.iterdir()) == []


def test_folder_export_failing_at_the_final_rename_keeps_the_old_folder(tmp_path, monkeypatch):
    from annotator import exporting

    target = tmp_path / "out"
    target.mkdir()
    (target / "a.txt").write_text("old export")
    (target / "a.ann").write_text("")
    real = os.replace
    calls = []

    def replace(src, dst):  # type: ignore[no-untyped-def]
        calls.append((src, dst))
        if len(calls) == 2:  # the new folder into place
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real(src, dst)

    monkeypatch.setattr(exporting.os, "replace", replace)
    monkeypatch.setattr(exporting, "exchange", lambda a, b: False)  # the two-rename fallback (no renameat2)
    with pytest.raises(AnnotatorError, match="export failed, nothing was replaced"):
        with exporting.atomic_folder(target) as tmp:
            (tmp / "a.txt").write_text("new export")
    assert snapshot(tmp_path) == {"out/a.txt": b"old export", "out/a.ann": b""}


def test_a_big_old_export_is_swapped_out_and_freed_behind(tmp_path, monkeypatch):
    """Re-exporting over a big file: the new file takes the name in one step and the old one is unlinked by a
    thread afterwards (freeing 100 MB inside the rename took 6-70 ms); a small one is simply replaced."""
    import threading

    from annotator import exporting
    from annotator.exchange import exchange

    (tmp_path / "a").write_bytes(b"a")
    (tmp_path / "b").write_bytes(b"b")
    if not exchange(tmp_path / "a", tmp_path / "b"):
        pytest.skip("no atomic exchange of two names here")
    (tmp_path / "a").unlink()
    (tmp_path / "b").unlink()
    monkeypatch.setattr(exporting, "RELEASE_BEHIND", 1000)
    released: list[bytes] = []
    real_discard = exporting._discard

    def discard(path: str) -> None:
        released.append(Path(path).read_bytes())
        real_discard(path)

    monkeypatch.setattr(exporting, "_discard", discard)
    out = tmp_path / "out.json"
    out.write_bytes(b"old " * 1000)
    with exporting.atomic_output(out) as fh:
        fh.write(b"new")
    for t in threading.enumerate():
        if t.name == "old-export-release":
            t.join()
    assert out.read_bytes() == b"new"
    assert released == [b"old " * 1000]  # the old file, freed by the thread
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    with exporting.atomic_output(out) as fh:  # 3 bytes: under RELEASE_BEHIND, replaced in the rename
        fh.write(b"newer")
    assert out.read_bytes() == b"newer" and len(released) == 1
