"""The wheel: it carries the shipped resources as package data and the ui package, and works when installed."""

from __future__ import annotations

import pytest

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _copy_tree(dst: Path) -> Path:
    """The files a build needs, copied so the build leaves nothing behind in the checkout."""
    src = dst / "src"
    src.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for folder in ("annotator", "ui", "resources"):
        shutil.copytree(ROOT / folder, src / folder, ignore=ignore, symlinks=True)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    return src


def test_every_resources_folder_is_a_listed_package():
    """`scripts/app`'s first run (pip install -e) printed two screenfuls of setuptools' "Package
    'annotator.resources.schemas' is absent from the `packages` configuration" (and styles), the first thing a new
    person saw: every folder under resources/ is in the list, as the resources' own package is."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {
        "annotator.resources." + ".".join(d.relative_to(ROOT / "annotator" / "resources").parts)
        for d in (ROOT / "annotator" / "resources").rglob("*")
        if d.is_dir() and d.name != "__pycache__"
    }
    assert folders and folders <= listed, sorted(folders - listed)


def test_the_shipped_files_live_in_the_top_level_resources_folder():
    """The project's layout keeps resources/ at the top (pyproject.toml, README.md, annotator/, ui/, resources/,
    tests/, seeds/); the package annotator.resources is a relative link to it, so a checkout, an editable install and
    the wheel all find the same files."""
    link = ROOT / "annotator" / "resources"
    assert (ROOT / "resources" / "schemas" / "news.toml").is_file() and not (ROOT / "resources").is_symlink()
    assert link.is_symlink() and os.readlink(link) == "../resources"


def test_every_package_lies_at_its_dotted_path():
    """`pip install -e` (scripts/bootstrap) printed setuptools' "Editable installation" warning: the resources'
    package was mapped onto the top-level resources/ folder, so setuptools installed an import finder of its own in
    place of a path entry (and warned that folders named as the packages may take precedence). The files stay in the
    top-level resources/ folder (the project's fixed layout), annotator/resources is a link to it, and the flat layout is said (``package-dir`` ``"" = "."``): every package is its dotted
    path below the checkout, which is when setuptools puts the checkout on the path as it is."""
    import tomllib

    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert setuptools.get("package-dir") == {"": "."}
    astray = [p for p in setuptools["packages"] if not ROOT.joinpath(*p.split(".")).is_dir()]
    assert astray == []


@pytest.mark.slow  # builds an editable wheel (~2 s)
def test_the_editable_install_is_a_path_entry(tmp_path):
    """What scripts/bootstrap's ``pip install -e`` installs, the editable wheel setuptools builds (its PEP 660 hook,
    run as pip runs it; nothing is installed): a .pth line naming the checkout, no finder module of setuptools'."""
    src = _copy_tree(tmp_path)
    out = tmp_path / "dist"
    out.mkdir()
    code = "import sys, setuptools.build_meta as b; print(b.build_editable(sys.argv[1]))"
    done = subprocess.run([sys.executable, "-c", code, str(out)], cwd=src, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Editable installation" not in done.stderr, done.stderr
    names = zipfile.ZipFile(out / done.stdout.strip().splitlines()[-1]).namelist()
    assert [n for n in names if n.endswith(".py")] == []  # no __editable___annotator_..._finder.py
    (pth,) = [n for n in names if n.endswith(".pth")]
    lines = zipfile.ZipFile(out / done.stdout.strip().splitlines()[-1]).read(pth).decode().split()
    assert [Path(line).resolve() for line in lines] == [src.resolve()]


@pytest.mark.slow  # builds and installs the wheel (~14 s)
def test_wheel_has_resources_and_ui_and_runs_installed(tmp_path):
    src = _copy_tree(tmp_path)
    out = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(src)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = out.glob("annotator-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "annotator/resources/schemas/news.toml" in names
    assert "annotator/resources/export.schema.json" in names
    assert "annotator/resources/styles/app.qss" in names
    assert "annotator/cli.py" in names and "annotator/formats/project_json.py" in names
    assert "ui/__init__.py" in names
    entry = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "annotator = annotator.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()

    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import annotator, annotator.schema as s\n"
        "from annotator.resources_path import resource_path\n"
        "schema = s.default_schema()\n"
        "print(annotator.__file__)\n"
        "print(resource_path('schemas/news.toml'))\n"
        "print(resource_path('export.schema.json'))\n"
        "print(len(schema.entities), len(schema.events))\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.style import STYLE_FILE, apply_style\n"
        "app = QApplication([])\n"
        "apply_style(app)\n"
        "print(resource_path(STYLE_FILE))\n"
        "from ui.style import style_sheet\n"
        "from ui.theme import current\n"
        "print(app.styleSheet() == style_sheet(current()) and '$' not in app.styleSheet())\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(target)
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    module, news, export_schema, counts, style, style_filled = done.stdout.strip().splitlines()
    for path in (module, news, export_schema, style):
        assert Path(path).resolve().is_relative_to(target.resolve()), path
    assert counts == "18 33"
    assert style_filled == "True"  # the installed sheet, its colours filled in
