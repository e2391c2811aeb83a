"""Start-up: from launching ``annotator gui PROJECT`` to the first document shown with its highlights.

The project holds the seed documents, pre-annotated with en_core_web_sm (built once, cached under /tmp). Each run
is a fresh process running the app's own ``main()`` and event loop; the figure is the time (wall, and the CPU of
the process) until the document view has painted the first document with its highlights, beside the limit
measured the same way in the same run: a bare PySide6 window shown (interpreter start, importing Qt, a
QApplication and a QMainWindow painted). The runs alternate, so both see the same load. Also printed: the time
until the side panels are filled (they fill just after the first paint), and the heaviest imports made before
the document is shown (``python -X importtime``).

Python modules are read from compiled bytecode, as in an installed app (pip compiles them; a checkout writes
``__pycache__`` on its first run): the bytecode goes to a temporary folder (``PYTHONPYCACHEPREFIX``), filled by one
discarded run of each. ``--compile`` measures instead with every module of the tree compiled on each start
(``PYTHONDONTWRITEBYTECODE`` without a cache, as this bench measured before).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [--runs 5] [--compile]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The app as `annotator gui PROJECT` runs it (ui.app.main: settings, window, open, event loop). The view's paint
# is watched: the first one showing the document with its highlights is the figure; then, once the side panels
# hold their rows, a second line; then the process ends (os._exit: nothing of the shutdown is measured).
APP = """
import time; T0 = time.perf_counter()
import os, sys, importlib.machinery
sys.argv = ["annotator", {project!r}]
EXIT_AT_SHOWN = {exit_at_shown!r}

def report(what, count):
    print(what, time.perf_counter() - T0, time.process_time(), count, flush=True)

def panels_filled():
    from PySide6.QtWidgets import QApplication
    from ui.main_window import MainWindow
    w = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if w is None or w.documents.model.rowCount() == 0 or w.entities.model.rowCount() == 0:
        from PySide6.QtCore import QTimer
        QTimer.singleShot(1, panels_filled)
        return
    w.repaint()
    report("PANELS", w.entities.model.rowCount())
    os._exit(0)

def watch(dv):
    real_paint = dv.DocumentView.paintEvent
    def paint(self, event):
        real_paint(self, event)
        items = len(self.highlighter.items)
        if self.controller.doc is not None and items and not getattr(dv, "_shown", False):
            dv._shown = True
            report("SHOWN", items)
            if EXIT_AT_SHOWN:
                sys.stderr.flush()
                os._exit(0)
            from PySide6.QtCore import QTimer
            QTimer.singleShot(0, panels_filled)
    dv.DocumentView.paintEvent = paint

class Watch:  # patches the view's paint when the app imports it: the app's own import order is kept
    def find_spec(self, name, path, target=None):
        if name != "ui.document_view":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            watch(module)
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, Watch())
if {slow!r}:  # under valgrind (~50x slower) the panels' backstop timer must not fire before the paint
    try:
        import ui.after_paint
        ui.after_paint.BACKSTOP_MS = 10**7
    except ImportError:  # a tree before it
        pass
from ui.app import main
main()
"""

BARE = """
import time; T0 = time.perf_counter()
import os, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1200, 800); w.show()
app.processEvents(); w.repaint()
print("SHOWN", time.perf_counter() - T0, time.process_time(), 0, flush=True)
os._exit(0)
"""


def build(path: Path) -> None:
    from annotator.formats.loading import import_paths
    from annotator.nlp import load_pipeline
    from annotator.preannotate import preannotate
    from annotator.store import Project

    with Project(path, annotator="bench") as p:
        import_paths(p, [ROOT / "seeds"])
        preannotate(p, load_pipeline())


def run(code: str, env: dict[str, str], importtime: bool = False) -> dict[str, tuple[float, float, float]]:
    """Start one process; what it reported: {"SHOWN"/"PANELS": (wall from launch, its CPU, count)} and stderr."""
    args = [sys.executable] + (["-X", "importtime"] if importtime else []) + ["-c", code]
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    seen: dict = {}
    for line in proc.stdout:
        what, _, cpu, count = line.split()
        seen[what] = (time.perf_counter() - t0, float(cpu), int(count))
    _, err = proc.communicate(timeout=60)
    if "SHOWN" not in seen:
        raise SystemExit(f"the app did not show the document: {err[-2000:]}")
    seen["stderr"] = err
    return seen


def instructions(code: str, env: dict[str, str]) -> int:
    """Instructions the process runs (valgrind's count: the same from run to run, whatever the machine's load)."""
    args = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", sys.executable]
    done = subprocess.run(
        args + ["-c", code], env=dict(env, PYTHONHASHSEED="0"), cwd=ROOT, capture_output=True, text=True, timeout=900
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if not found or "SHOWN" not in done.stdout:
        raise SystemExit(f"valgrind run failed: {done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def heaviest(importtime: str, n: int = 25) -> list[tuple[int, str]]:
    rows = []
    for line in importtime.splitlines():
        if line.startswith("import time:") and "|" in line:
            parts = line[len("import time:") :].split("|")
            if parts[1].strip().isdigit():
                rows.append((int(parts[1]), parts[2].rstrip()[1:]))  # the name keeps its nesting indent
    return sorted(rows, reverse=True)[:n]


def ms(values: list[float]) -> str:
    return f"best {min(values) * 1000:.0f} ms, median {statistics.median(values) * 1000:.0f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--compile", action="store_true", help="compile the tree's modules on every start (no cache)")
    ap.add_argument(
        "--instructions", action="store_true", help="also count instructions with valgrind (~1 min; steady under load)"
    )
    args = ap.parse_args()
    from annotator.migrations import LATEST

    # one cached project per file format: a tree at another format never upgrades (or refuses) another's copy
    cached = Path(tempfile.gettempdir()) / f"annotator-bench-startup-v{LATEST}.annotator"
    if not cached.exists():
        build(cached)
    # each run of the bench opens its own copy: the app stores what it reads on the first open (the parsed schema
    # in this tree's format), and another tree's copy would have it parsed again on every start
    cfg = tempfile.mkdtemp(prefix="startup-cfg-")
    project = Path(cfg) / cached.name
    source = sqlite3.connect(cached)
    source.execute("VACUUM INTO ?", (str(project),))  # the copy whole, WAL included
    source.close()
    env = dict(os.environ, ANNOTATOR_CONFIG_DIR=cfg, PYTHONPATH=str(ROOT))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.compile:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="startup-pyc-")
    app_code = APP.format(project=str(project), exit_at_shown=False, slow=False)
    for code in (app_code, BARE):  # fills the bytecode cache (and the file cache) for both; not counted
        run(code, env)
    apps: list[dict] = []
    bares: list[dict] = []
    for _ in range(args.runs):  # alternating, so both see the same load
        apps.append(run(app_code, env))
        bares.append(run(BARE, env))
    imports = run(APP.format(project=str(project), exit_at_shown=True, slow=False), env, importtime=True)["stderr"]
    shown = [a["SHOWN"] for a in apps]
    panels = [a["PANELS"] for a in apps if "PANELS" in a]
    bare = [b["SHOWN"] for b in bares]
    wall, cpu = [s[0] for s in shown], [s[1] for s in shown]
    bare_wall, bare_cpu = [s[0] for s in bare], [s[1] for s in bare]
    mode = "every module compiled at start" if args.compile else "bytecode cached, as installed"
    print(f"start to the seed document shown ({shown[0][2]} highlights; {args.runs} runs, {mode}; target <= 400 ms):")
    print(f"  wall {ms(wall)}; CPU {ms(cpu)}")
    print(f"  limit, same run: a bare PySide6 window shown: wall {ms(bare_wall)}; CPU {ms(bare_cpu)}")
    print(
        f"  ratio to the limit: wall {min(wall) / min(bare_wall):.2f}x (best to best), "
        f"CPU {min(cpu) / min(bare_cpu):.2f}x"
    )
    if panels:
        pw, pc = [p[0] for p in panels], [p[1] for p in panels]
        print(f"  side panels filled ({panels[0][2]} entity rows) after: wall {ms(pw)}; CPU {ms(pc)}")
    print("  heaviest imports before the document is shown (cumulative µs, python -X importtime):")
    for us, name in heaviest(imports):
        print(f"    {us:>9,}  {name}")
    spacy = [
        name.strip()
        for _, name in heaviest(imports, 10_000)
        if name.strip().split(".")[0] in {"spacy", "thinc", "torch"}
    ]
    print(f"  spaCy imported at start: {'yes: ' + ', '.join(spacy) if spacy else 'no'}")
    if args.instructions and shutil.which("valgrind"):
        app_ir = instructions(APP.format(project=str(project), exit_at_shown=True, slow=True), env)
        bare_ir = instructions(BARE, env)
        print(
            f"  instructions to the document shown (valgrind): {app_ir / 1e6:,.0f} M; limit, a bare window: "
            f"{bare_ir / 1e6:,.0f} M; ratio {app_ir / bare_ir:.2f}x"
        )


if __name__ == "__main__":
    main()
