"""The main window is one class split over files (its parts: menus, files and work, flow, panels), and the parts see
it as ``ui.window_parts.WindowParts`` so that none imports the window made of them (the acyclic contract in
pyproject.toml). Read from the source: the type says what the window has, and everything a part takes from it."""

from __future__ import annotations

import ast
from pathlib import Path

from ui.main_window import MainWindow
from ui.window_face import WindowFace
from ui.window_parts import WindowParts

ROOT = Path(__file__).resolve().parents[2]
PARTS = (
    "ui/menus.py",
    "ui/window_files.py",
    "ui/window_preannotation.py",
    "ui/window_flow.py",
    "ui/window_status.py",
    "ui/window_panels.py",
)
WINDOW = (*PARTS, "ui/main_window.py")


def _window_names(fn: ast.FunctionDef | ast.AsyncFunctionDef, in_part: bool) -> set[str]:
    """The names in ``fn`` that stand for the window: ``self`` in a part's class, a parameter typed WindowParts."""
    names = set()
    args = [*fn.args.posonlyargs, *fn.args.args]
    if in_part and args and args[0].arg == "self":
        names.add("self")
    for a in args:
        hint = a.annotation
        if hint is not None and "WindowParts" in (hint.value if isinstance(hint, ast.Constant) else ast.unparse(hint)):
            names.add(a.arg)
    return names


def taken_and_made(source: str) -> tuple[set[str], set[str]]:
    """(what the code takes from the window that it does not define itself, what it sets on the window). A part's
    class is one that derives from ``_Window`` (WindowParts to a type checker)."""
    tree = ast.parse(source)
    used: set[str] = set()
    made: set[str] = set()
    own: set[str] = set()
    parts = [c for c in ast.walk(tree) if isinstance(c, ast.ClassDef) and "_Window" in map(ast.unparse, c.bases)]
    for cls in parts:
        for node in cls.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                own.add(node.name)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                own.add(node.target.id)
            elif isinstance(node, ast.Assign):
                own |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    in_part = {id(f) for c in parts for f in c.body}
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        window = _window_names(fn, id(fn) in in_part)
        for node in ast.walk(fn):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in window:
                (made if isinstance(node.ctx, ast.Store) else used).add(node.attr)
    return used - own - made, made | own


def test_the_check_sees_what_a_part_takes():
    part = (
        "class WindowFlow(_Window):\n"
        "    x = 1\n"
        "    def go(self):\n"
        "        self.y = self.controller.doc\n"
        "        self.go(); self.y; self.x; lambda: self.view\n"
        "def build(w: 'WindowParts', n: int):\n"
        "    w.menu = w.menuBar(); w.menu; n.real\n"
        "class Other:\n"
        "    def f(self):\n"
        "        self.z\n"
    )
    assert taken_and_made(part) == ({"controller", "view", "menuBar"}, {"x", "go", "y", "menu"})


def declared(cls: type) -> set[str]:
    """The names a Protocol and the protocols it extends declare."""
    names: set[str] = set()
    for c in cls.__mro__:
        if getattr(c, "_is_protocol", False) and c.__module__.startswith("ui."):
            names |= set(c.__dict__.get("__annotations__", {}))
            names |= {
                n for n, v in vars(c).items() if not n.startswith("_") and (callable(v) or isinstance(v, property))
            }
    return names


def test_every_name_the_window_s_type_declares_the_window_has():
    made = set().union(*(taken_and_made((ROOT / p).read_text(encoding="utf-8"))[1] for p in WINDOW))
    main = ast.parse((ROOT / "ui/main_window.py").read_text(encoding="utf-8"))
    made |= {
        n.attr
        for n in ast.walk(main)
        if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store) and ast.unparse(n.value) == "self"
    }
    unknown = sorted(n for n in declared(WindowParts) if not hasattr(MainWindow, n) and n not in made)
    assert unknown == [], f"ui/window_parts.py declares what the window does not have: {unknown}"


def test_the_window_s_type_declares_what_its_parts_take_and_no_more():
    """Every name a part takes from the rest of the window is declared; nothing is declared that no part takes
    (what the dialogs take is WindowFace's, which WindowParts extends)."""
    names = declared(WindowParts)
    taken = {p: taken_and_made((ROOT / p).read_text(encoding="utf-8"))[0] for p in PARTS}
    missing = {p: sorted(t - names) for p, t in taken.items() if t - names}
    assert missing == {}, f"declare them in ui/window_parts.py (typed as the window has them): {missing}"
    unused = sorted(declared(WindowParts) - declared(WindowFace) - set().union(*taken.values()))
    assert unused == [], f"no part takes them any more: off ui/window_parts.py: {unused}"
