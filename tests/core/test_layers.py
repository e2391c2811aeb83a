"""The seams between the app and the core, read from the source (no Qt needed): ui/ uses only the core's
public names. (No Qt in annotator/ is import-linter's contract in pyproject.toml, run by scripts/lint, and
tests/core/test_store.py's import check.)"""

from __future__ import annotations

import pytest

import ast
import functools
import re
from collections import Counter
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]


@functools.cache
def parsed(source: str) -> ast.Module:
    """``ast.parse`` once a source per test process: some thirty checks below read every module of ``annotator/``
    and ``ui/`` (parsing them all is ~1.5 s CPU; read-only trees, so one parse serves every check)."""
    return ast.parse(source)


@functools.cache
def walk(node: ast.AST) -> list[ast.AST]:
    """``ast.walk`` of a parsed tree's node, once per test process: the checks walk each module again, a candidate's
    function within it again (walking them was ~75% of these tests' CPU time on a0762830). The nodes in
    ``ast.walk``'s order (breadth first, each node's fields in order), read without its generators: ``ast.walk``
    itself was the largest part of this file's CPU under cProfile (docs/performance.md, session 36)."""
    out, at = [node], 0
    while at < len(out):
        here = out[at]
        at += 1
        for name in here._fields:
            value = getattr(here, name, None)
            if isinstance(value, ast.AST):
                out.append(value)
            elif isinstance(value, list):
                out += [item for item in value if isinstance(item, ast.AST)]
    return out


def modules_whose_source(found: Callable[[str], object], folders: tuple[str, ...] = ("annotator", "ui")) -> list[str]:
    """The modules of ``folders`` (their paths in the checkout, sorted) whose source ``found`` is true of: the checks
    below that a concern's code stands in its owner alone."""
    return sorted(
        p.relative_to(ROOT).as_posix()
        for folder in folders
        for p in (ROOT / folder).rglob("*.py")
        if found(p.read_text(encoding="utf-8"))
    )


def test_walk_gives_ast_walks_nodes_in_its_order():
    """The checks' own ``walk`` is ``ast.walk``, node for node and in its order (some checks compare lists), on
    modules of every kind of node: this file, the store, the main window, the importers' fuzzing tests."""
    for p in (
        Path(__file__),
        ROOT / "annotator/store.py",
        ROOT / "ui/main_window.py",
        ROOT / "tests/reliability/test_fuzz_importers.py",
    ):
        tree = ast.parse(p.read_text(encoding="utf-8"))
        assert [id(n) for n in walk(tree)] == [id(n) for n in ast.walk(tree)], p
        fn = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))
        assert [id(n) for n in walk(fn)] == [id(n) for n in ast.walk(fn)], p


@pytest.fixture(autouse=True, scope="module")
def _parsed_once_per_module():
    """The parsed trees (~230 MB for the whole code) go when this module's tests are done: the process's later tests
    neither carry them nor pay for them in each full collection.

    The cyclic collector is off while this module's tests run: parsing the code makes ~1.5 million objects, whose
    allocations set off ~400 passes, the full ones walking every tree kept so far (parsing ``annotator/``, ``ui/``
    and ``tests/`` with the collector as tests/conftest.py leaves it: 5.0-5.4 s of CPU, off: 1.7-1.8 s; the trees hold
    no cycles, a parsed tree goes by its count when its cache is cleared). Back on (as it was) once they are gone."""
    import gc

    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
        parsed.cache_clear()
        walk.cache_clear()
    finally:
        if was_on:
            gc.enable()


def private_core_names(source: str) -> list[str]:
    """``from annotator... import _name``, ``annotator.x._name`` and ``module._name`` of a core module imported
    under its own name: every private core name a module uses."""
    tree = parsed(source)
    core_aliases: set[str] = set()
    found: list[str] = []
    for node in walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "annotator":
            for a in node.names:
                if a.name.startswith("_") and not (a.name.startswith("__") and a.name.endswith("__")):
                    found.append(f"{node.module}.{a.name}")
                else:
                    core_aliases.add(a.asname or a.name)
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] == "annotator":
                    if any(part.startswith("_") for part in a.name.split(".")):
                        found.append(a.name)
                    core_aliases.add((a.asname or a.name).split(".")[0])
    for node in walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            base = node.value
            while isinstance(base, ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name) and base.id in core_aliases:
                found.append(f"{ast.unparse(node)}")
    return found


def test_the_check_sees_private_names():
    assert private_core_names("from annotator.recorder import _row\n") == ["annotator.recorder._row"]
    assert private_core_names("from annotator import recorder\nrecorder._row(p, 't', 1)\n") == ["recorder._row"]
    assert private_core_names("import annotator.store\nannotator.store._Connection\n") == [
        "annotator.store._Connection"
    ]
    assert private_core_names("from annotator import edits\nedits.add_entity\nself._x\n") == []
    assert private_core_names("from annotator import __version__\n") == []


def test_ui_uses_only_public_core_names():
    found = {
        str(p.relative_to(ROOT)): private_core_names(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "ui").rglob("*.py"))
    }
    assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.slow
def test_core_modules_use_only_each_other_s_public_names():
    """A helper two core modules share is public where it is defined (edits_flow used six of edits' private
    helpers; the DocBin arrays records' placeholder builder; the JSON stream the chunks' record)."""
    found = {
        str(p.relative_to(ROOT)): private_core_names(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "annotator").rglob("*.py"))
    }
    assert {k: v for k, v in found.items() if v} == {}


SQL_START = re.compile(
    r"^\s*(SELECT\s|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\S+\s+SET\s|DELETE\s+FROM\s|PRAGMA\s|BEGIN\b|CREATE\s)"
)


def sql_in(source: str) -> list[str]:
    """A module's own SQL: string literals that start a statement, and uses of a connection (``.conn``)."""
    found = []
    for node in walk(parsed(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_START.match(node.value):
            found.append(node.value.strip()[:40])
        elif isinstance(node, ast.Attribute) and node.attr == "conn":
            found.append(ast.unparse(node))
    return found


def test_the_sql_check_sees_sql():
    assert sorted(sql_in('p.db.conn.execute("SELECT 1")')) == ["SELECT 1", "p.db.conn"]
    assert sql_in('label = "Select text first"; title = "Delete span"') == []
    assert sql_in('q = "DELETE FROM entities WHERE id = ?"') == ["DELETE FROM entities WHERE id = ?"]


@pytest.mark.slow
def test_ui_runs_no_sql():
    """The app reads and writes the project only through the core's named functions (annotator.db, store, edits)."""
    found = {
        str(p.relative_to(ROOT)): sql_in(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "ui").rglob("*.py"))
    }
    assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.slow
def test_command_line_and_api_run_no_sql():
    """The command line (cli*.py) and the Python API (api.py) are thin as the app is: they call the core's named
    reads and edits (store, db, edits), never a connection of their own."""
    found = {
        str(p.relative_to(ROOT)): sql_in(p.read_text(encoding="utf-8"))
        for p in sorted([*(ROOT / "annotator").glob("cli*.py"), ROOT / "annotator" / "api.py"])
    }
    assert {k: v for k, v in found.items() if v} == {}


# Where the core's SQL may stand: the data-access layer (db.py and its parts, annotator/queries/) and the file's own
# plumbing. Every other module of the core names the read or write it wants; the exports' streaming readers too
# (their chunk's reads are queries/export_chunks.py's since session 41).
DATA_ACCESS = {
    "db",
    "store",
    "project_reads",  # the open project's reads, a part of the store's Project (session 36)
    "recorder",
    "migrations",
    "new_tables",  # a new file's tables as the migrations leave them (session 27)
    "project_file",
    "schema_cache",
    "file_watch",
    "filemark",
    "opencheck",
    "upgraded_copy",
    "queries/annotations",
    "queries/lease",
    "queries/merging",
    "queries/change_log",
    "queries/suggestions",
    "queries/counts",
    "queries/decided",
    "queries/documents",
    "queries/exports",
    "queries/export_chunks",  # the exports' streaming reads of a chunk, on the connection the reader holds (session 41)
    "queries/set_names",  # an annotation set renamed or dropped in every table (session 31)
    "queries/held_pages",  # a long document's rows read a page at a time after its text is shown (session 35)
}


@pytest.mark.slow
def test_sql_stays_in_the_data_access_layer():
    """No module of the core but those runs SQL of its own: a read or write goes into the data-access layer
    (annotator/db.py's ProjectDb and its parts in annotator/queries/, or the store) as a named function."""
    with_sql = {
        p.relative_to(ROOT / "annotator").with_suffix("").as_posix()
        for p in sorted((ROOT / "annotator").rglob("*.py"))
        if sql_in(p.read_text(encoding="utf-8"))
    }
    assert sorted(with_sql - DATA_ACCESS) == []


def test_the_formats_run_no_sql():
    """No module of annotator/formats/ holds SQL or a connection's use of its own: the exports' streaming readers
    (``records``, ``json_chunks``, ``docbin_arrays``, their split and threaded parts) read a chunk through
    ``queries/export_chunks.py``, one function a read's shape, and every other read is the data-access layer's."""
    found = {
        p.relative_to(ROOT / "annotator").as_posix(): sql_in(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "annotator" / "formats").glob("*.py"))
    }
    assert {k: v for k, v in found.items() if v} == {}


def unhinted_public_functions(source: str) -> list[str]:
    """Public functions and methods (of public classes; not those nested in a function) whose parameters (but
    ``self``/``cls``) or return lack a type hint, as ``name(param, ...)`` or ``name -> ?``."""
    found: list[str] = []

    def visit(node: ast.AST, owner: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef) and not child.name.startswith("_"):
                visit(child, f"{owner}{child.name}.")
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) and not child.name.startswith("_"):
                a = child.args
                params = [*a.posonlyargs, *a.args, *a.kwonlyargs, *filter(None, (a.vararg, a.kwarg))]
                bare = [p.arg for p in params if p.annotation is None and p.arg not in ("self", "cls")]
                if bare:
                    found.append(f"{owner}{child.name}({', '.join(bare)})")
                if child.returns is None:
                    found.append(f"{owner}{child.name} -> ?")
            elif not isinstance(child, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(child, owner)

    visit(parsed(source), "")
    return found


def test_the_hint_check_sees_what_is_missing():
    source = (
        "def f(a, b: int) -> None: ...\n"
        "def g(x: int): ...\n"
        "def _private(a): ...\n"
        "class C:\n"
        "    def m(self, t) -> int: ...\n"
        "    @property\n"
        "    def p(self): ...\n"
        "    def _q(self, z): ...\n"
        "class _Hidden:\n"
        "    def m(self, t): ...\n"
        "if True:\n"
        "    def h(*args, **kw) -> None:\n"
        "        def inner(y): ...\n"
    )
    assert unhinted_public_functions(source) == ["f(a)", "g -> ?", "C.m(t)", "C.p -> ?", "h(args, kw)"]


@pytest.mark.slow
def test_public_functions_have_type_hints():
    """The guide: type hints on public functions (annotator/ and ui/)."""
    found = {
        str(p.relative_to(ROOT)): unhinted_public_functions(p.read_text(encoding="utf-8"))
        for folder in ("annotator", "ui")
        for p in sorted((ROOT / folder).rglob("*.py"))
    }
    assert {k: v for k, v in found.items() if v} == {}


MOST_LINES = 600  # the guide: small modules with one job; a module past this is asking to be split by what it does


def test_no_module_is_past_the_size_of_one_job():
    sizes = {
        str(p.relative_to(ROOT)): n
        for folder in ("annotator", "ui")
        for p in sorted((ROOT / folder).rglob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert sizes == {}


def test_only_the_data_access_layer_reads_a_table_s_columns():
    """What columns a table has (an older file may lack one a migration adds) is ``ProjectDb.has_column``'s to say:
    the migrations and the schema's parsed copy (schema_cache) each read ``PRAGMA table_info`` themselves."""
    found = sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "annotator").rglob("*.py")
        if re.search(r"table_(x)?info", p.read_text(encoding="utf-8"), re.IGNORECASE)
    )
    assert found == ["annotator/db.py"]


def role_rule_checks(source: str) -> list[str]:
    """A module's own check of a role's rules: whether it takes another filler (``.repeatable``), which labels it
    takes (``label in role.labels``, ``role`` a name with 'role' in it or ``r``, or ``x.role(...)``), which of an
    event's roles are missing (``.required`` in a condition); and of an attribute's values (``v in attr.values``)."""
    found: list[str] = []

    def role_like(node: ast.AST) -> bool:
        if isinstance(node, ast.Name):
            return node.id == "r" or "role" in node.id.lower()
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "role"

    for node in walk(parsed(source)):
        if isinstance(node, ast.Attribute) and node.attr == "repeatable":
            found.append(ast.unparse(node))
        elif isinstance(node, ast.Compare):
            for op, right in zip(node.ops, node.comparators):
                if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, ast.Attribute):
                    if (right.attr == "labels" and role_like(right.value)) or right.attr == "values":
                        found.append(ast.unparse(node))
        elif isinstance(node, (ast.BoolOp, ast.comprehension)):
            parts = node.values if isinstance(node, ast.BoolOp) else node.ifs
            found += [ast.unparse(p) for p in parts if isinstance(p, ast.Attribute) and p.attr == "required"]
        elif (  # an attribute's values as a set, to compare with another's (session 40)
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("set", "frozenset")
            and node.args
            and isinstance(node.args[0], ast.Attribute)
            and node.args[0].attr == "values"
        ):
            found.append(ast.unparse(node))
    return found


def test_the_role_rule_check_sees_a_rule():
    assert role_rule_checks("if filled and not role.repeatable: pass") == ["role.repeatable"]
    assert role_rule_checks("ok = e.label in r.labels") == ["e.label in r.labels"]
    assert role_rule_checks("ok = lab not in etype.role(x).labels") == ["lab not in etype.role(x).labels"]
    assert role_rule_checks("m = [r.name for r in t.roles if r.required and r.name not in f]") == ["r.required"]
    assert role_rule_checks("if v not in spec.values: pass") == ["v not in spec.values"]
    assert role_rule_checks('star = " *" if role.required else ""; ok = x in ner.labels; n = len(role.labels)') == []
    assert role_rule_checks("ok = x in d.values()") == []
    assert role_rule_checks("lacks = set(a.values) - set(mine.values)") == ["set(a.values)", "set(mine.values)"]
    assert role_rule_checks("box.addItems(list(attr.values))") == []


def test_the_role_rules_are_the_rule_module_s():
    """Which labels a role takes, whether it takes another filler, which roles an event misses and which values an
    attribute takes are ``annotator.rules``'s to say (takes, has_room, missing_roles, takes_value): the suggesters,
    the readers, the app's keys and its event list each checked them themselves. So is the multiplicity of a role
    made of two (``merged_multiplicity``, ``numbered_multiplicity``, ``unrequired_multiplicity``): brat's conf and an
    export's spellings wrote it, and the import's match of a file's schema compared attribute values by hand (until
    session 40)."""
    found = {
        str(p.relative_to(ROOT)): role_rule_checks(p.read_text(encoding="utf-8"))
        for folder in ("annotator", "ui")
        for p in sorted((ROOT / folder).rglob("*.py"))
        if p.relative_to(ROOT).as_posix()
        not in ("annotator/rules.py", "annotator/schema.py", "annotator/schema_model.py")
    }
    assert {k: v for k, v in found.items() if v} == {}


# ``in X.labels`` that asks no role: spaCy's NER component's labels, a training run's labels, an import's label match
NO_ROLE_LABELS = {
    ("annotator/learn/ner.py", "label not in ner.labels"),
    ("annotator/learn/train.py", "e.label_ in run.labels"),
    ("annotator/learn/train.py", "span[2] in run.labels"),
    ("annotator/formats/schema_match.py", "x not in got.labels"),
}


def test_whether_a_role_takes_a_label_is_asked_of_the_rule_module_whatever_the_role_is_named():
    """``rules.takes`` says whether a role takes a label; ``role_rule_checks`` sees the check by the role's name
    (``r``, a name with "role" in it), and four more stood where the role was named otherwise: the Roles box's tip
    (``theirs``), the import's match of another schema's roles (``theirs``) and its wider roles (``mine``), brat's
    merge of two types of one name (``had``; until session 39). Every ``in X.labels`` is ``takes``' or one of
    ``NO_ROLE_LABELS``."""
    found = set()
    for folder in ("annotator", "ui"):
        for p in sorted((ROOT / folder).rglob("*.py")):
            path = p.relative_to(ROOT).as_posix()
            for node in walk(parsed(p.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Compare) and any(
                    isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, ast.Attribute) and right.attr == "labels"
                    for op, right in zip(node.ops, node.comparators)
                ):
                    found.add((path, ast.unparse(node)))
    assert found - NO_ROLE_LABELS == {("annotator/rules.py", "label in role.labels")}


# the nouns of a token's own "of" phrase, as the suggester reads them
OF_OBJECTS = re.compile(r'c\.dep_ == "prep" and c\.lower_ == "of"\s+for g in c\.children\s+if g\.dep_ == "pobj"')


def test_the_nouns_of_a_token_s_of_phrase_are_read_by_one_function():
    """``shared_parts.of_objects`` gives the nouns of a token's own "of" phrase ("hundreds of migrants", "the city of
    Adana"); seven modules of ``suggest/`` wrote it out again, two of them as a private ``_of_phrase`` of the same
    body (``trigger_clues``, ``pastimes``; until session 39)."""
    assert OF_OBJECTS.search(
        '[g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]'
    )
    assert modules_whose_source(OF_OBJECTS.search) == ["annotator/suggest/shared_parts.py"]


def counts_of_phrase(source: str) -> bool:
    """Whether a function of ``source`` tells what a count names: it asks whether a token is a number
    (``.like_num``) and reads the nouns of its "of" phrase (``of_objects``)."""
    if "like_num" not in source or "of_objects" not in source:  # neither can be in a function's code: no parse,
        return False  # no ``ast.unparse`` of every function of the code (~1 s of CPU a run)
    return any(
        isinstance(node, ast.FunctionDef) and "like_num" in (body := ast.unparse(node)) and "of_objects(" in body
        for node in walk(parsed(source))
    )


def test_what_a_count_names_is_told_by_one_function():
    """``noun_classes.counted`` gives what a count names ("hundreds of cattle": the cattle), a count being a number or
    one of the words it is given; ``trigger_sides._counted`` and ``gifts._counted`` were two copies of it, each with
    its word set (until session 40)."""
    assert counts_of_phrase("def f(t):\n    if t.like_num:\n        return of_objects(t)[0]\n    return t\n")
    assert modules_whose_source(counts_of_phrase) == ["annotator/suggest/noun_classes.py"]


def names_a_repeatable_required_role(source: str) -> bool:
    """Whether ``source`` spells the multiplicity ``one_or_more`` (a role required and repeatable) in its code."""
    return any(isinstance(node, ast.Constant) and node.value == "one_or_more" for node in walk(parsed(source)))


def test_a_role_s_multiplicity_is_read_as_required_and_repeatable_by_one_module():
    """``schema_model.multiplicity_of`` names the multiplicity of a role that is (or is not) required and repeatable,
    ``Role.required`` and ``Role.repeatable`` read it back; ``schema`` lists the four names and ``brat_conf`` maps them
    to brat's marks. brat's merge of two spellings (a ranking that made ``optional`` and ``one_or_more`` required),
    its numbered roles, ``schema_names.spelt_schema`` and ``told_types.EventUses.tables`` wrote them out again (until
    session 40)."""
    assert names_a_repeatable_required_role('m = "any" if a else "one_or_more"')
    assert modules_whose_source(names_a_repeatable_required_role) == [
        "annotator/formats/brat_conf.py",
        "annotator/schema.py",
        "annotator/schema_model.py",
    ]


def spells_a_relations_meta_key(source: str) -> bool:
    """Whether ``source`` spells the meta key under which the doccano or the Label Studio import keeps relations
    between entities (``"doccano"``, ``"label_studio"``) as a key: in a tuple of keys, as a module's name for it, or as
    a reader's ``keep_as``. (The format's name, the same word, is the registry's and the writers'.)"""
    keys = ("doccano", "label_studio")
    tree = parsed(source)
    named = [n.value for n in tree.body if isinstance(n, ast.Assign)]
    for node in walk(tree):
        if isinstance(node, ast.Tuple) and any(isinstance(e, ast.Constant) and e.value in keys for e in node.elts):
            return True
        if isinstance(node, ast.keyword) and node.arg == "keep_as" and isinstance(node.value, ast.Constant):
            return True
    return any(isinstance(v, ast.Constant) and v.value in keys for v in named)


def test_the_meta_keys_of_the_relations_doccano_and_label_studio_keep_are_spelt_once():
    """``meta_keys.DOCCANO`` and ``LABEL_STUDIO`` name where the two imports keep relations between entities; the
    doccano and Label Studio readers (``keep_as``), ``regions_out.KEPT``, ``kept_relations.SHARED``,
    ``doccano_tables_out.OWN`` and ``set_meta_kept.RELATIONS`` each spelt them (until session 40)."""
    assert spells_a_relations_meta_key('KEPT = ("doccano", "label_studio")')
    assert spells_a_relations_meta_key('read(x, keep_as="doccano")')
    assert spells_a_relations_meta_key('RELATIONS = "label_studio"')
    assert not spells_a_relations_meta_key('write_documents(p, out, r, "label_studio", task)')
    assert modules_whose_source(spells_a_relations_meta_key) == ["annotator/formats/meta_keys.py"]


def keys_a_phrase(source: str) -> bool:
    """Whether a function of ``source`` makes a phrase's key: the stems of the words it finds (``tuple(stem(w) for w
    in ....findall(...))``)."""
    return any(
        isinstance(node, ast.GeneratorExp | ast.ListComp)
        and isinstance(node.elt, ast.Call)
        and isinstance(node.elt.func, ast.Name)
        and node.elt.func.id == "stem"
        and any(isinstance(c, ast.Call) and getattr(c.func, "attr", "") == "findall" for c in walk(node.generators[0]))
        for node in walk(parsed(source))
    )


def test_a_phrase_s_key_is_made_by_one_function():
    """``keyflow.phrase_key`` gives the stems of a phrase's words, by which the schema's trigger words and the text are
    matched; ``trigger_phrase._key`` (Shift+Enter's trigger phrase) was the same body (until session 40)."""
    assert keys_a_phrase("def k(x):\n    return tuple(stem(w) for w in WORD.findall(x))\n")
    assert not keys_a_phrase("words = [(m.end(), stem(m.group())) for m in WORD.finditer(text)]")
    assert modules_whose_source(keys_a_phrase) == ["annotator/keyflow.py"]


def passes_a_format_s_title(source: str) -> bool:
    """Whether ``source`` passes the title of a format of the registry (``DyGIE++``, ``OneIE``, ``CoNLL``) as a
    call's argument or a parameter's default: a reader naming its format in its messages by the title written again,
    where the registry's name gives it (``FORMATS[name].shown``). The registry's own ``title=`` is its record; a title
    that is the format's name (brat, doccano) is not told from it."""
    from annotator.formats.registry import FORMATS

    titles = {f.title for f in FORMATS.values() if f.title not in ("", f.name)}  # brat's and doccano's are names
    for node in walk(parsed(source)):
        if isinstance(node, ast.Call):
            given = [*node.args, *(k.value for k in node.keywords if k.arg != "title")]
        elif isinstance(node, ast.arguments):
            given = [*node.defaults, *(d for d in node.kw_defaults if d is not None)]
        else:
            continue
        if any(isinstance(v, ast.Constant) and v.value in titles for v in given):
            return True
    return False


def test_a_reader_names_its_format_by_the_registry_s_title():
    """The readers name their format in their messages by the registry's title: ``reading.reader_options`` and
    ``dygiepp.read_token_lines`` take the format's name; the CoNLL, Hugging Face and OmniEvent readers gave
    ``reader_options`` the title, the DyGIE++, OneIE and OmniEvent readers ``read_token_lines`` (until session 40)."""
    assert passes_a_format_s_title('opts = reader_options(options, "CoNLL")')
    assert passes_a_format_s_title('def told(lines, what: str = "DyGIE++"): ...')
    assert not passes_a_format_s_title('opts = reader_options(options, "conll")')
    assert not passes_a_format_s_title('Format("oneie", title="OneIE")')
    assert modules_whose_source(passes_a_format_s_title) == []


def lists_a_reader_s_options(source: str) -> bool:
    """Whether ``source`` spells, as a tuple or list of strings, the option keys a reader takes (its registry record's
    ``import_options``, more than one key, or one key bound to a name with ``OPTIONS`` in it)."""
    from annotator.formats.registry import FORMATS

    lists = {frozenset(f.import_options): len(f.import_options) for f in FORMATS.values() if f.import_options}
    for node in walk(parsed(source)):
        value, names = node, ()
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            value = node.value
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = tuple(t.id for t in targets if isinstance(t, ast.Name))
        if not isinstance(value, (ast.Tuple, ast.List)) or not value.elts:
            continue
        if not all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts):
            continue
        keys = frozenset(e.value for e in value.elts)
        if keys in lists and (lists[keys] > 1 or any("OPTIONS" in n for n in names)):
            return True
    return False


def test_a_reader_s_options_are_listed_once_in_its_registry_record():
    """The option keys a reader takes (``import --format conll --option scheme=bioes``) are its registry record's
    ``import_options``, which ``reading.reader_options`` reads by the format's name: the CoNLL, Hugging Face and
    OmniEvent readers kept their own ``OPTIONS`` beside it, two lists of one thing (until session 41)."""
    assert lists_a_reader_s_options('OPTIONS = ("scheme", "column", "documents")')
    assert lists_a_reader_s_options('OPTIONS = ("documents",)')
    assert not lists_a_reader_s_options('DOCUMENTS = ("documents",)')
    assert not lists_a_reader_s_options('opts = reader_options(options, "conll")')
    assert modules_whose_source(lists_a_reader_s_options) == ["annotator/formats/registry.py"]


# an id or a name a file gives: a string or a whole number, a bool being none
KEY_CHECK = re.compile(r"isinstance\((\w+), \(str, int\)\) and not isinstance\(\1, bool\)")


def test_an_id_a_file_gives_is_told_by_one_function():
    """``formats.reading.is_key`` says whether a value a file gives can be an id (a string or a whole number, not a
    bool): ``label_studio_task.is_key``, ``label_studio_told._key`` and ``oneie._is_key`` were three copies of it, and
    the Label Studio predictions, the OmniEvent, OneIE and DyGIE++ readers' names wrote it inline (until session 39)."""
    assert KEY_CHECK.search("ok = isinstance(x, (str, int)) and not isinstance(x, bool)")
    assert modules_whose_source(KEY_CHECK.search) == ["annotator/formats/reading.py"]


def test_the_target_texts_doccano_s_export_writes_back_are_read_by_one_function():
    """``doccano_names.kept_targets`` reads the target texts a document kept of doccano's sequence-to-sequence export;
    ``doccano_out._targets`` and ``doccano_tables_out._targets`` were two copies of it (until session 39)."""
    assert modules_whose_source(lambda source: "meta.get(TARGETS)" in source) == ["annotator/formats/doccano_names.py"]


def test_the_benches_time_a_call_by_one_module():
    """``bench/cpu_timing`` times a call for the benches: the least CPU seconds of several runs (``least_cpu``:
    ``told_types.cpu`` and ``whole_characters.cpu`` were two copies) and a call's result with its wall and CPU
    seconds (``timed``: ``webanno_read.timed`` and ``dygiepp_import.timed`` were two copies), until session 39."""
    least = modules_whose_source(lambda source: "min(best, time.process_time() - t)" in source, ("bench",))
    assert least == ["bench/cpu_timing.py"]
    both = "return got, time.perf_counter() - t0, time.process_time() - c0"
    assert modules_whose_source(lambda source: both in source, ("bench",)) == ["bench/cpu_timing.py"]


def test_the_benches_read_a_json_object_a_line_by_one_function():
    """``bench/events.read_articles`` reads a JSONL file of articles or sentences for the benches:
    ``news_sentences.read_sentences`` and ``heldout_articles.main`` read theirs by the same line (until session 39)."""
    found = modules_whose_source(lambda source: "json.loads(line) for line in" in source, ("bench",))
    assert found == ["bench/events.py"]


def test_utf16_is_counted_in_offsets_alone():
    """The one offset conversion: code points and UTF-16 units are converted, and UTF-16 lengths counted, by
    annotator/offsets.py (Utf16Map, utf16_length); the WebAnno reader encoded each sentence to count its units."""
    found = modules_whose_source(lambda source: re.search(r"(en|de)code\(\s*[\"']utf[-_]?16", source, re.IGNORECASE))
    assert found == []


def test_the_token_fallback_is_chosen_in_two_places():
    """Stored tokens or the one fallback (``annotator.tokens.word_tokens``): the app's and agreement's choice is
    ``navigation.Tokens.of``, the token exports' ``formats.tokens.tokens_for`` (which completes them with the gaps);
    agreement made the choice a third time."""
    found = sorted(
        p.relative_to(ROOT).as_posix()
        for folder in ("annotator", "ui")
        for p in (ROOT / folder).rglob("*.py")
        if p.name != "tokens.py" or p.parent.name != "annotator"
        if re.search(r"\bword_tokens\(", p.read_text(encoding="utf-8"))
    )
    assert found == ["annotator/formats/tokens.py", "annotator/navigation.py"]


def test_the_token_at_an_offset_is_found_by_one_function():
    """The token holding an offset, or the last one before it, is ``offsets.token_index_at``: the sentence of a
    caret (``keyflow.sentence_bounds``, ``navigation._sentence_in``) bisected the token starts by hand again, and so
    did three formats' readers and writers (``webanno_rows.Rows.point``, ``onto_stored``'s runs,
    ``label_studio_kinds_out``'s paragraphs and HTML nodes; until session 37), and the sentence holding a token
    (``formats/tokens.DocTokens.sentence_of``, ``keyflow.sentence_bounds``) and the token holding a code point
    (``navigation.Tokens.at``, by the ends; until session 38). What is left bisects
    starts that are no tokens' nor sentences' (a grapheme's, a merged span's, a text block's)."""
    found = modules_whose_source(lambda source: re.search(r"bisect_right\([\w.]*starts, [^()]*\) - 1", source))
    assert found == [
        "annotator/graphemes.py",
        "annotator/offsets.py",
        "annotator/trigger_reach.py",
        "ui/highlighter.py",
    ]
    # the same search from the other side, the first token ending after the offset (``navigation.Tokens.at``, the
    # stored tokens' word under a caret; until session 38)
    assert modules_whose_source(lambda source: re.search(r"bisect_left\([\w.]*ends, \w+ \+ 1\)", source)) == []


def test_the_tokens_a_span_touches_are_found_by_one_function():
    """The tokens [first, last] a span touches (the first ending after its start, the last starting before its end)
    are ``offsets.tokens_touched``, which ``snap_to_tokens`` snaps by: the token formats' ``DocTokens.cover`` and
    WebAnno TSV's ``Rows.units`` wrote its pair of bisections again (until session 38)."""
    pair = re.compile(r"bisect_right\([\w.]*\bends, \w+\)[^\n]*\n[^\n]*bisect_left\([\w.]*\bstarts, \w+\) - 1")
    assert pair.search("    i = bisect_right(self.ends, start)\n    j = bisect_left(self.starts, end) - 1\n")
    assert modules_whose_source(pair.search) == ["annotator/offsets.py"]


def test_the_word_under_the_caret_is_found_by_one_function():
    """The word a caret is on (the token holding it, else the word ending there, never the full stop after a word)
    is ``navigation.word_at``, asked through ``Controller.word_at``: E's new event and the caret note took the
    token at the caret, else the one before it, written out twice in ui/ (at "workers|." E made a "." event)."""
    found = modules_whose_source(lambda source: re.search(r"tokens\(\)\.at\(|\bdef token_at\b", source), ("ui",))
    assert found == []


def test_what_changed_in_the_open_document_is_told_by_one_path():
    """The spans and events a change touched reach the views by ``Controller._tell`` alone (with the status, the
    comments, the categories and the selection, in one order): an edit, a commit read again and an edit kept while
    another program writes each emitted them by hand, in three orders, the mark of a kept edit that landed twice."""
    told = [
        (path, line.strip())
        for path in modules_whose_source(
            lambda source: ".entitiesChanged.emit(" in source or ".eventsChanged.emit(" in source
        )
        for line in (ROOT / path).read_text(encoding="utf-8").splitlines()
        if ".entitiesChanged.emit(" in line or ".eventsChanged.emit(" in line
    ]
    assert told == [
        ("ui/controller.py", "self.entitiesChanged.emit(applied.entities)"),
        ("ui/controller.py", "self.eventsChanged.emit(applied.events)"),
    ]


ATTRIBUTE_EVENTS = re.compile(r"\.[\s\\]*events\b")  # ``x.events``, however spaced or continued


def spelt_event_type_names(source: str) -> list[str]:
    """The event types' names spelt out (``{t.name for t in schema.events}``, ``[et.name for et in s.events]``,
    ``(t.name for t in schema.events)``, one whose condition reads only ``t.name``): ``Schema.event_type_names``.
    A source that spells no attribute ``events`` has none and is not parsed (~500 of the ~680 modules read)."""
    found: list[str] = []
    if not ATTRIBUTE_EVENTS.search(source):
        return found
    for node in walk(parsed(source)):
        if not isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)) or len(node.generators) != 1:
            continue
        gen = node.generators[0]
        if not (isinstance(gen.target, ast.Name) and isinstance(gen.iter, ast.Attribute) and gen.iter.attr == "events"):
            continue
        name = gen.target.id

        def its_name(n: ast.AST) -> bool:
            return isinstance(n, ast.Attribute) and n.attr == "name" and isinstance(n.value, ast.Name)

        uses = [n for c in gen.ifs for n in walk(c) if isinstance(n, ast.Name) and n.id == name]
        names = [n for c in gen.ifs for n in walk(c) if its_name(n) and n.value.id == name]
        if its_name(node.elt) and node.elt.value.id == name and len(uses) == len(names):
            found.append(ast.unparse(node))
    return found


def test_the_event_type_names_check_sees_them_spelt():
    assert spelt_event_type_names("x = {t.name for t in schema.events}") == ["{t.name for t in schema.events}"]
    assert spelt_event_type_names("x = [et.name for et in run.schema.events]") == [
        "[et.name for et in run.schema.events]"
    ]
    assert spelt_event_type_names("f(*(t.name for t in s.events))") == ["(t.name for t in s.events)"]
    assert spelt_event_type_names("x = [t.name for t in s.events if t.name not in top]") == [
        "[t.name for t in s.events if t.name not in top]"
    ]
    # a condition on the type itself, a dict of the types, other names: not the names alone
    assert spelt_event_type_names("x = [t.name for t in s.events if any(w in t.triggers for w in ws)]") == []
    assert spelt_event_type_names("x = {t.name: t for t in s.events}; y = [e.name for e in s.entities]") == []
    # the names spelt over lines (the source is read past its test for ``.events``)
    assert spelt_event_type_names("x = [\n    t.name\n    for t in s\n    .events\n]") == ["[t.name for t in s.events]"]


@pytest.mark.slow  # 1.2-1.6 s of its own (session 25): it alone parses the modules of tests/, bench/ and scripts/
def test_the_event_type_names_are_the_schema_s():
    """``Schema.event_type_names`` names them; ``{t.name for t in schema.events}`` and its variants were written out
    19 times in the code on main (a55bdde: the brat and WebAnno readers and writers, the event model and its tuning,
    training, a migration, the event editor's and the event type dialog's lists, two benches) and 14 in the tests."""
    found = {
        p.relative_to(ROOT).as_posix(): spelt_event_type_names(p.read_text(encoding="utf-8"))
        for folder in ("annotator", "ui", "bench", "scripts", "tests")
        for p in sorted((ROOT / folder).rglob("*.py"))
        if p.relative_to(ROOT).as_posix() != "annotator/schema_model.py"
    }
    assert {k: v for k, v in found.items() if v} == {}


def _a_kind_of_label(node: ast.expr) -> bool:
    """A constant (``PLACE_LABELS``) or one of the pipeline's kinds of label in the project's names (``kinds.places``)."""
    if isinstance(node, ast.Attribute):
        return isinstance(node.value, ast.Name) and node.value.id == "kinds"
    return isinstance(node, ast.Name) and node.id.isupper()


def candidate_rules(source: str) -> list[str]:
    """A candidates function's own test of whether an entity can fill a role (``e.state != "rejected"``:
    ``rules.can_fill``'s to say) or whether the role takes its label (``e.label in labels``: ``rules.takes``'; a kind of label, a constant such as
    ``PLACE_LABELS`` or the project's ``kinds.places`` (``pipeline_names.LabelKinds``), is the order's, not a rule)."""
    found: list[str] = []
    for fn in walk(parsed(source)):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and "candidate" in fn.name:
            for node in walk(fn):
                if not (isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute)):
                    continue
                if (
                    node.left.attr == "state"
                    and any(isinstance(c, ast.Constant) and c.value == "rejected" for c in node.comparators)
                ) or (
                    node.left.attr == "label"
                    and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops)
                    and not all(_a_kind_of_label(c) for c in node.comparators)
                ):
                    found.append(f"{fn.name}: {ast.unparse(node)}")
    return found


def test_the_candidate_check_sees_a_state_test():
    src = 'def role_candidates(es):\n    return [e for e in es if e.state != "rejected"]\n'
    assert candidate_rules(src) == ["role_candidates: e.state != 'rejected'"]
    assert candidate_rules('def shown(es):\n    return [e for e in es if e.state != "rejected"]\n') == []
    assert candidate_rules("def role_candidates(es):\n    return [e for e in es if can_fill(e.state)]\n") == []
    src = "def role_candidates(es, labels):\n    return [e for e in es if e.label in labels]\n"
    assert candidate_rules(src) == ["role_candidates: e.label in labels"]
    assert candidate_rules("def role_candidates(es, role):\n    return [e for e in es if takes(role, e.label)]\n") == []
    assert candidate_rules("def _candidate_rank(e):\n    return e.label in PLACE_LABELS\n") == []
    assert candidate_rules("def _candidate_rank(e, kinds):\n    return e.label in kinds.places\n") == []
    assert candidate_rules("def role_candidates(e, role):\n    return e.label in role.labels\n") != []


def test_a_rejected_entity_fills_no_role_by_the_rule_module_s_word():
    """The candidates a role key and a fill list offer (``keyflow.role_candidates``) left out a rejected suggestion
    by their own test, the rule that refuses one as a filler being ``filler_breaches``' (rejected_argument): both ask
    ``rules.can_fill`` now. Which labels the role takes they tested on a bare tuple (``e.label in labels``, the
    same test as ``rules.takes``): they take the ``Role`` and ask ``takes`` (session 17)."""
    found = {
        p.relative_to(ROOT).as_posix(): candidate_rules(p.read_text(encoding="utf-8"))
        for folder in ("annotator", "ui")
        for p in sorted((ROOT / folder).rglob("*.py"))
    }
    assert {k: v for k, v in found.items() if v} == {}


def liveness_tests(source: str) -> list[str]:
    """A module's own test of whether a process lives: ``os.kill(pid, 0)``."""
    if "kill" not in source:  # no call of os.kill: no ``ast.unparse`` of each call of the code
        return []
    return [
        ast.unparse(node)
        for node in walk(parsed(source))
        if isinstance(node, ast.Call)
        and ast.unparse(node.func) == "os.kill"
        and len(node.args) == 2
        and isinstance(node.args[1], ast.Constant)
        and node.args[1].value == 0
    ]


def test_the_liveness_check_sees_os_kill_0():
    assert liveness_tests("try:\n    os.kill(pid, 0)\nexcept OSError:\n    pass\n") == ["os.kill(pid, 0)"]
    assert liveness_tests("os.kill(pid, signal.SIGKILL)") == []


def test_whether_a_process_lives_is_asked_of_one_function():
    """``child_process.process_alive`` says whether a process lives (another user's too); the file's identity
    (``fileid``: a killed run's log) and the per-user index (``whereabouts``: pruning) each tested it themselves."""
    found = modules_whose_source(liveness_tests)
    assert found == ["annotator/child_process.py"]


def test_an_incoming_event_s_row_is_made_in_one_place():
    """An incoming event's row (its attributes over the schema's defaults when it asks for them, ``fill_defaults``)
    is ``import_rows.incoming_event_row``'s: a new document's rows and the events an import adds to a stored
    document (``importing._insert_event``) each merged the defaults themselves."""
    found = sorted(
        p.relative_to(ROOT).as_posix()
        for folder in ("annotator", "ui")
        for p in (ROOT / folder).rglob("*.py")
        if any(
            isinstance(node, ast.Attribute) and node.attr == "fill_defaults"
            for node in walk(parsed(p.read_text(encoding="utf-8")))
        )
    )
    assert found == ["annotator/import_rows.py"]


def breach_kinds() -> set[str]:
    """The kinds of breach the rule module names (``Breach("missing_role", ...)``)."""
    return {
        node.args[0].value
        for node in walk(parsed((ROOT / "annotator" / "rules.py").read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and ast.unparse(node.func) == "Breach"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }


def test_the_breach_kinds_are_seen():
    assert {"missing_role", "wrong_label", "unknown_label", "already_fills"} <= breach_kinds()


def test_the_app_picks_no_problem_by_its_kind():
    """Which problems matter to a question is the core's to say (``validation``): Ctrl+Enter's question kept the
    ``missing_role`` problems of suggested events itself (``validation.lacking_roles_on_accepting`` now)."""
    kinds = breach_kinds()
    found = {
        p.relative_to(ROOT).as_posix(): sorted(
            node.value
            for node in walk(parsed(p.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and node.value in kinds
        )
        for p in sorted((ROOT / "ui").rglob("*.py"))
    }
    assert {k: v for k, v in found.items() if v} == {}


STATUS_GROUPS = ({"annotated", "reviewed"}, {"new", "in_progress"})


def spelt_status_groups(source: str) -> list[str]:
    """The finished statuses (or the unfinished ones) written out: a tuple, list or set of exactly those two."""
    return [
        ast.unparse(node)
        for node in walk(parsed(source))
        if isinstance(node, (ast.Tuple, ast.List, ast.Set))
        and all(isinstance(x, ast.Constant) for x in node.elts)
        and len(node.elts) == 2
        and {x.value for x in node.elts} in STATUS_GROUPS
    ]


def test_the_status_group_check_sees_them():
    assert spelt_status_groups('done = s in ("reviewed", "annotated")') == ["('reviewed', 'annotated')"]
    assert spelt_status_groups('ids = p.document_ids(["new", "in_progress"])') == ["['new', 'in_progress']"]
    assert spelt_status_groups('x = ("new", "in_progress", "annotated")') == []


def test_the_finished_statuses_are_the_model_s():
    """Which statuses mean a document is done is ``model.FINISHED`` (and ``UNFINISHED``): the command line's
    ``status`` and ``train``, training, the Prodigy and Label Studio exports and reader, the app's next document and
    its status line each wrote them out. ``ui/menus.py`` names actions alike (``annotated``, ``reviewed``)."""
    found = {
        p.relative_to(ROOT).as_posix(): spelt_status_groups(p.read_text(encoding="utf-8"))
        for folder in ("annotator", "ui")
        for p in sorted((ROOT / folder).rglob("*.py"))
        if p.relative_to(ROOT).as_posix() not in ("annotator/model.py", "ui/menus.py")
    }
    assert {k: v for k, v in found.items() if v} == {}


def status_refusals(source: str) -> list[str]:
    """A function's own refusal of a status: ``... not in STATUSES`` (the functions named)."""
    found = []
    if "STATUSES" not in source:  # no such comparison to find: each function's comparisons not unparsed (~0.4 s)
        return found
    for fn in walk(parsed(source)):
        if isinstance(fn, ast.FunctionDef):
            for node in walk(fn):
                if isinstance(node, ast.Compare) and any(
                    isinstance(op, ast.NotIn) and ast.unparse(c) == "STATUSES"
                    for op, c in zip(node.ops, node.comparators)
                ):
                    found.append(fn.name)
    return found


def test_a_status_is_refused_by_one_function():
    """An edit's refusal of a status none of ``STATUSES`` is ``edit_checks.check_status``'s: ``set_status``,
    ``set_statuses`` and ``edits_flow.accept_rest`` each wrote it out. An import's refusal names the file and line
    (``importing.check_incoming``)."""
    found = {
        p.relative_to(ROOT).as_posix(): status_refusals(p.read_text(encoding="utf-8"))
        for folder in ("annotator", "ui")
        for p in sorted((ROOT / folder).rglob("*.py"))
    }
    assert {k: v for k, v in found.items() if v} == {
        "annotator/edit_checks.py": ["check_status"],
        "annotator/importing.py": ["check_incoming"],
    }


def test_a_file_a_reader_cannot_read_is_refused_in_one_place():
    """A reader's file that cannot be read (``OSError``) is refused in one wording, ``formats.reading.read_file_bytes``:
    the text files' reader, the .txt and .json readers, the DocBin reader, the JSON export's and brat's
    annotation.conf each wrote out the same try and message. brat's document of several files (its text and its
    parts, read together) is refused by its name (``brat_read``)."""
    found = modules_whose_source(lambda source: re.search(r"cannot read: \{exc\.strerror", source))
    assert found == ["annotator/formats/brat_read.py", "annotator/formats/reading.py"]


def metas_read_leniently(source: str) -> list[str]:
    """The functions of a module that pass over the documents' metas (a loop over ``document_metas(...)`` or its
    rows) and catch a meta no JSON reader can read themselves (``orjson.JSONDecodeError``)."""
    found = []
    if "document_metas" not in source:  # no such loop to find: each function not unparsed (~0.7 s for the code)
        return found
    for fn in walk(parsed(source)):
        if not isinstance(fn, ast.FunctionDef) or "document_metas" not in ast.unparse(fn):
            continue
        for node in walk(fn):
            if (
                isinstance(node, ast.ExceptHandler)
                and node.type is not None
                and "JSONDecodeError" in ast.unparse(node.type)
            ):
                found.append(fn.name)
                break
    return found


def test_the_meta_check_sees_a_lenient_read():
    source = (
        "def f(p):\n    for i, raw in p.db.document_metas():\n        try:\n            m = orjson.loads(raw)\n"
        "        except orjson.JSONDecodeError:\n            continue\n"
    )
    assert metas_read_leniently(source) == ["f"]
    assert (
        metas_read_leniently("def f(p):\n    for i, raw in p.db.document_metas():\n        m = meta_object(raw)\n")
        == []
    )


def test_a_stored_meta_is_read_by_one_function():
    """A document's stored meta, passed over when no JSON reader can read it or it is no object, is
    ``model.meta_object``'s: the categories' three passes over the documents (``carriers``, ``project_categories``,
    ``category_counts``) and the statuses of an annotator's set (``stats.set_statuses``) each caught it themselves."""
    found = {
        p.relative_to(ROOT).as_posix(): metas_read_leniently(p.read_text(encoding="utf-8"))
        for folder in ("annotator", "ui")
        for p in sorted((ROOT / folder).rglob("*.py"))
    }
    assert {k: v for k, v in found.items() if v} == {}


def test_the_app_asks_an_event_s_missing_roles_of_the_rule_module():
    """Which required roles an event leaves empty, and that a rejected one leaves none, is
    ``rules.event_missing_roles``' answer: the event list worked it out from ``rules.missing_roles`` with its own
    type look-up and state test (``ui/panels/events.py``), and the Roles box and the editor imported it from there."""
    found = sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "ui").rglob("*.py")
        if re.search(r"\brules\.missing_roles\b|import[^\n]*\bmissing_roles\b", p.read_text(encoding="utf-8"))
    )
    assert found == []


def test_a_binary_attribute_is_told_by_one_function():
    """Whether brat writes an attribute present or absent, without a value (its values ``false`` and ``true``), is
    ``brat_conf.is_binary``'s: the annotation.conf writer, the .ann writer and the reader (twice) each compared the
    values with ``BINARY`` themselves."""
    found = sorted(
        f"{p.relative_to(ROOT).as_posix()}:{fn.name}"
        for p in (ROOT / "annotator").rglob("*.py")
        if "BINARY" in (source := p.read_text(encoding="utf-8"))  # a comparison with it spells it: others not parsed
        for fn in walk(parsed(source))
        if isinstance(fn, ast.FunctionDef)
        and any(
            isinstance(node, ast.Compare)
            and any(isinstance(op, ast.Eq) for op in node.ops)
            and "BINARY" in {ast.unparse(x) for x in [node.left, *node.comparators]}
            for node in walk(fn)
        )
    )
    assert found == ["annotator/formats/brat_conf.py:is_binary"]


def project_suffix_spellings(source: str) -> list[str]:
    """A module's own spelling of the project file's endings: a string naming ``.sqlite`` (the rarest of the three,
    alone or in a file dialog's filter) or exactly ``.db`` / ``*.db``."""
    return [
        node.value
        for node in walk(parsed(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and (".sqlite" in node.value or node.value in (".db", "*.db"))
    ]


def test_the_project_suffix_check_sees_them():
    assert project_suffix_spellings('ok = Path(p).suffix in (".annotator", ".db", ".sqlite")') == [".db", ".sqlite"]
    assert project_suffix_spellings('F = "Annotator projects (*.annotator *.db *.sqlite)"') == [
        "Annotator projects (*.annotator *.db *.sqlite)"
    ]
    assert project_suffix_spellings('uri = fileid.sqlite_uri(p)\nname = "project.annotator"') == []


def test_the_project_file_s_endings_are_written_once_in_the_app():
    """The project file's endings were written twice in the app: the file dialogs' filter
    (``window_files.PROJECT_FILTER``) and a drop on the window (``main_window.dropEvent``). ``project_files``'
    ``PROJECT_SUFFIXES`` is their one spelling (its own module since session 18: a dialog asks it too); the filter is made from it and a drop asks ``is_project_file``."""
    found = {
        p.relative_to(ROOT).as_posix(): project_suffix_spellings(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "ui").rglob("*.py"))
    }
    assert {k: v for k, v in found.items() if v} == {"ui/project_files.py": [".db", ".sqlite"]}


def event_line_writers(source: str) -> list[str]:
    """The functions of a module that read a writer's ``names`` option (``option_names``) and write lines per part
    (``write_lines_per_part``) themselves: ``writing.write_event_lines``' job."""
    found: list[str] = []
    if "option_names" not in source or "write_lines_per_part" not in source:  # no function can call both: no walk
        return found  # of each function of the code (~0.3 s of CPU a run)
    for fn in walk(parsed(source)):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            called = {n.func.id for n in walk(fn) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
            if {"option_names", "write_lines_per_part"} <= called:
                found.append(fn.name)
    return found


def test_the_event_line_writer_check_sees_one():
    src = "def write_x(p, o, r):\n    names = option_names(p.schema, {})\n    return write_lines_per_part(p, o, r, 'x', f)\n"
    assert event_line_writers(src) == ["write_x"]
    assert event_line_writers("def write_x(p, o, r):\n    return write_event_lines(p, o, r, 'x', f)\n") == []


def test_the_event_corpora_s_sentence_lines_are_written_by_one_function():
    """The OneIE and OmniEvent writers each read the ``misaligned`` and ``names`` options, wrote the lines per part
    and reported the names written as the first of several aliases (11 lines alike): ``writing.write_event_lines``
    does it for both, each giving its record's lines."""
    found = {
        p.relative_to(ROOT).as_posix(): event_line_writers(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "annotator").rglob("*.py"))
    }
    assert {k: v for k, v in found.items() if v} == {"annotator/formats/writing.py": ["write_event_lines"]}


def resource_paths_spelt(source: str) -> list[str]:
    """Strings of a module's code (not its docstrings) that name the shipped resources' folder as a path: the
    folder alone (``ROOT / "resources" / ...``) or a path through it (``"resources/schemas/news.toml"``)."""
    tree = parsed(source)
    docstrings = {
        id(node.value)
        for node in walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    }
    return [
        node.value
        for node in walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        if not re.search(r"\s", node.value) and re.search(r"(^|/)resources($|/)", node.value)
    ]


def test_the_resource_path_check_sees_a_path():
    assert resource_paths_spelt('NEWS = ROOT / "resources" / "schemas" / "news.toml"') == ["resources"]
    assert resource_paths_spelt('p = root / "resources/schemas/news.toml"') == ["resources/schemas/news.toml"]
    assert resource_paths_spelt('"""The schema (resources/schemas/news.toml)."""\nx = "resources: said"') == []
    assert resource_paths_spelt('s = resource_path("schemas/news.toml")') == []


@pytest.mark.slow
def test_a_shipped_file_is_found_by_resource_path_alone():
    """Where the shipped files are (resources/ through the annotator/resources link, installed alike) is
    ``resources_path.resource_path``'s to say: six tests and two bench scripts built the checkout's
    ``ROOT / "resources" / "schemas" / "news.toml"`` themselves, which named a folder the wheel does not have.
    ``test_packaging.py`` is left out: it checks the wheel's and the checkout's layout itself."""
    found = {
        p.relative_to(ROOT).as_posix(): resource_paths_spelt(p.read_text(encoding="utf-8"))
        for folder in ("annotator", "ui", "tests", "bench", "scripts")
        for p in sorted((ROOT / folder).rglob("*.py"))
        if p.name not in ("resources_path.py", "test_packaging.py", "test_layers.py")
    }
    assert {k: v for k, v in found.items() if v} == {}


def bound_to(source: str, value: str) -> list[str]:
    """The module-level names a module binds to ``value`` itself or to a tuple holding it."""
    found = []
    for node in parsed(source).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            parts = node.value.elts if isinstance(node.value, ast.Tuple) else [node.value]
            if any(isinstance(p, ast.Constant) and p.value == value for p in parts):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                found += [ast.unparse(t) for t in targets]
    return found


def test_the_binding_check_sees_a_spelt_key():
    assert bound_to('KEPT = "webanno"\nALSO = ("doccano", "webanno")\nx: str = "webanno"', "webanno") == [
        "KEPT",
        "ALSO",
        "x",
    ]
    assert bound_to('KEPT = SOURCE\nFORMAT = "webanno_tsv"\ndef f():\n    k = "webanno"\n', "webanno") == []


@pytest.mark.slow
def test_the_webanno_meta_key_is_spelt_once():
    """Where a WebAnno TSV import keeps what the exports write back (``meta["webanno"]``) is ``webanno_tsv.SOURCE``:
    the reader defined it (so the writer, its own layers and DyGIE++'s chains imported the reader for it), and the
    CoNLL-U chains and the doccano and Label Studio writers spelt it again (and ``schema_names.SPELLING_KEYS``, the
    list of every reader's key, now ``meta_keys``' names)."""
    found = {
        p.relative_to(ROOT).as_posix(): bound_to(p.read_text(encoding="utf-8"), "webanno")
        for p in sorted((ROOT / "annotator").rglob("*.py"))
        if p.name != "webanno_tsv.py"
    }
    assert {k: v for k, v in found.items() if v} == {}


TEXT_DIGEST = re.compile(
    r"sha256\((?:(?!\)\)).)*\.encode\(\s*[\"']utf-?8[\"']\s*,\s*[\"']surrogatepass[\"']\s*\)\s*\)\.hexdigest"
)


def test_the_digest_check_sees_one():
    assert TEXT_DIGEST.search('d = hashlib.sha256(o["text"].encode("utf-8", "surrogatepass")).hexdigest()')
    assert TEXT_DIGEST.search('hashlib.sha256(squeezed(text).encode("utf-8", "surrogatepass")).hexdigest()')
    # Prodigy's input hash: four bytes of another digest, not a text's as the project keeps it
    assert not TEXT_DIGEST.search('hashlib.sha256("\\x00".join(parts).encode("utf-8", "surrogatepass")).digest()[:4]')
    assert not TEXT_DIGEST.search("sha256_text(squeezed(text))")


def test_a_text_s_digest_is_made_by_one_function():
    """A document's digest as the project keeps it (``documents.sha256``) is ``import_rows.sha256_text``: doccano's
    members' files (``formats/members.py``) and the token exports' texts found again (``formats/onto_stored.py``, of
    the text without its whitespace) wrote it out again."""
    found = modules_whose_source(lambda source: TEXT_DIGEST.search(source))
    assert found == ["annotator/import_rows.py"]


BUSY_WAIT_NUMBER = re.compile(r"busy_timeout[\s\\]*=[\s\\]*\d")  # a wait on a busy file spelt as a number


def test_how_long_a_connection_waits_on_a_busy_file_is_the_store_s():
    """How long a connection to a project's file waits while another program writes it is ``store.BUSY_TIMEOUT_MS``
    (the project's own connection, the app's closing and kept edits): the JSON export's reader threads
    (``formats/json_stream.py``) and its second process (``formats/json_split.py``) spelt it again as 10000."""
    found = modules_whose_source(lambda source: BUSY_WAIT_NUMBER.search(source))
    assert found == []


def test_the_busy_wait_check_sees_a_number():
    assert BUSY_WAIT_NUMBER.search('conn.execute("PRAGMA busy_timeout = 10000")')
    assert not BUSY_WAIT_NUMBER.search('conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")')


def fill_rules(source: str) -> list[str]:
    """A module's own test of whether an entity can fill a role, by function: one condition testing both its label
    against a collection (``e.label in labels``: ``rules.takes``) and its state against "rejected" (``rules.can_fill``)."""
    found: list[str] = []
    if "rejected" not in source:  # no state compared with "rejected": no walk of each function of the code
        return found
    for fn in walk(parsed(source)):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in walk(fn):
            if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
                tests = [v for v in node.values if isinstance(v, ast.Compare) and isinstance(v.left, ast.Attribute)]
                label = any(t.left.attr == "label" and isinstance(t.ops[0], (ast.In, ast.NotIn)) for t in tests)
                state = any(
                    t.left.attr == "state"
                    and any(isinstance(c, ast.Constant) and c.value == "rejected" for c in t.comparators)
                    for t in tests
                )
                if label and state:
                    found.append(fn.name)
    return found


def test_the_fill_rule_check_sees_one():
    src = 'def within(m, labels):\n    return [e for i in m if (e := m.get(i)) and e.label in labels and e.state != "rejected"]'
    assert fill_rules(src) == ["within"]
    assert fill_rules('def f(e):\n    return e.state != "rejected" and e.start < 3') == []
    assert fill_rules("def f(role, e):\n    return takes(role, e.label) and can_fill(e.state)") == []


# a label's evidence, not a filler: the label the words of a new span carry most often elsewhere (label_for_span), of
# the role's labels, a rejected suggestion giving none
NOT_A_FILL_RULE = {"annotator/span_label.py": ["label_elsewhere"]}


def test_whether_an_entity_can_fill_a_role_is_the_rule_module_s_word():
    """The span index behind Alt+N and the fill lists (``navigation.SpanIndex.within`` and ``nearest``) kept the
    spans of a role's labels that are not rejected by its own test (session 16's and 17's note): it takes the
    caller's ``fits`` now, ``keyflow.role_fits`` (``rules.takes`` and ``rules.can_fill``), the candidates' test too."""
    found = {
        p.relative_to(ROOT).as_posix(): fill_rules(p.read_text(encoding="utf-8"))
        for folder in ("annotator", "ui")
        for p in sorted((ROOT / folder).rglob("*.py"))
        if p.name != "rules.py"
    }
    assert {k: v for k, v in found.items() if v} == NOT_A_FILL_RULE


AND_MORE = re.compile(r"\band \{len\([^}]*\} more[\"']")  # the rest of a list of names counted


def test_the_and_more_check_sees_one():
    assert AND_MORE.search('named = ", ".join(xs[:3]) + (f" and {len(xs) - 3} more" if len(xs) > 3 else "")')
    assert AND_MORE.search('said += f" and {len(new) - 5:,} more" if len(new) > 5 else ""')
    assert not AND_MORE.search('shown = first_named(xs, 3); s = f"{n} more documents"')
    assert not AND_MORE.search("f\"... and {len(lines) - len(shown):,} more '{kind}' lines\"")  # lines, not names


def test_the_first_few_names_and_how_many_more_are_worded_by_one_function():
    """ "a, b, c and 4 more" is ``wording.first_named``'s: eight modules joined the first few names and counted the rest
    themselves (the formats' loading, WebAnno TSV reader, schema growth and onto-stored notes, the model's and the
    export target's refusals, the agreement and categories dialogs; one grouped the count's digits, the others did
    not), then ``schema_match`` and the role keys' message (``ui/role_keys.py``)."""
    found = sorted(
        p.relative_to(ROOT).as_posix()
        for folder in ("annotator", "ui")
        for p in (ROOT / folder).rglob("*.py")
        if p.name != "wording.py" and AND_MORE.search(p.read_text(encoding="utf-8"))
    )
    assert found == []


def meta_keys_spelt(source: str, keys: tuple[str, ...], names_too: tuple[str, ...]) -> list[str]:
    """Where a module spells a document meta's key itself: a module-level name bound to it, the key of a subscript or
    of ``.get``, ``.setdefault`` or ``.pop`` (``meta["prodigy"]``, ``meta.get("oneie")``); a key that is no format's
    name (``names_too``: "doccano_form", ...) anywhere in the code but a docstring."""
    found = []
    tree = parsed(source)
    docstrings = {
        id(n.value)
        for n in walk(tree)
        if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
    }
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and node.value.value in keys:
            found += [f"{ast.unparse(t)} = {node.value.value!r}" for t in node.targets]
    for node in walk(tree):
        key = None
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            key = node.slice.value
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("get", "setdefault", "pop")
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            key = node.args[0].value
        if key in keys:
            found.append(f"line {node.lineno}: {ast.unparse(node)[:60]}")
        elif isinstance(node, ast.Constant) and node.value in names_too and id(node) not in docstrings:
            found.append(f"line {node.lineno}: {node.value!r}")
    return sorted(set(found))


def test_the_meta_key_check_sees_a_spelt_key():
    keys, names_too = ("prodigy", "doccano_form"), ("doccano_form",)
    source = 'KEPT = "prodigy"\nx = meta["prodigy"]\nmeta.setdefault("prodigy", {})\nOWN = (ID, "doccano_form")\n'
    assert meta_keys_spelt(source, keys, names_too) == [
        "KEPT = 'prodigy'",
        "line 2: meta['prodigy']",
        "line 3: meta.setdefault('prodigy', {})",
        "line 4: 'doccano_form'",
    ]
    fine = 'KEPT = PRODIGY\nx = meta[PRODIGY]\n@export_writer("prodigy")\ndef f():\n    """meta["doccano_form"]"""\n'
    assert meta_keys_spelt(fine, keys, names_too) == []


def test_each_reader_s_meta_key_is_spelt_once():
    """The document meta's keys in which the readers keep a document's shape with its spellings were spelt at each
    reader (Label Studio's, doccano's, Prodigy's, the spaCy DocBin's, CoNLL's, DyGIE++'s, OneIE's, OmniEvent's, the
    matched schema's), again at the writers that read them back (``regions_out``, ``doccano_tables_out``,
    ``prodigy_out``, ``oneie_out``'s DyGIE++ relations), and again in ``schema_names.SPELLING_KEYS``: they are
    ``meta_keys``' names now (WebAnno TSV's is ``webanno_tsv.SOURCE``, which ``meta_keys`` names too). The formats'
    modules only: ``categories`` (the core, below the formats) reads Prodigy's options by the key's spelling."""
    from annotator.formats.meta_keys import SPELLING_KEYS

    format_names = ("prodigy", "webanno", "dygiepp", "oneie", "omnievent")
    assert set(format_names) < set(SPELLING_KEYS)
    names_too = tuple(k for k in SPELLING_KEYS if k not in format_names)
    found = {
        p.relative_to(ROOT).as_posix(): meta_keys_spelt(p.read_text(encoding="utf-8"), SPELLING_KEYS, names_too)
        for p in sorted((ROOT / "annotator" / "formats").glob("*.py"))
        if p.name not in ("meta_keys.py", "webanno_tsv.py")
    }
    assert {k: v for k, v in found.items() if v} == {}


QTBOT_WAIT = re.compile(r"\bqtbot[\s\\]*\.[\s\\]*wait[\s\\]*\(")


def fixed_waits(source: str) -> list[int]:
    """The lines of ``qtbot.wait(...)`` calls in a test module's source (a wait of a fixed time; ``waitUntil``,
    ``waitSignal`` and the like are other names). Tests' modules are read by this check alone: parsed here, not kept;
    one that spells no ``qtbot.wait(`` (however spaced or continued) has no such call and is not parsed."""
    if not QTBOT_WAIT.search(source):
        return []
    return [node.lineno for node in ast.walk(ast.parse(source)) if calls_method(node, ("wait",), on="qtbot")]


def calls_method(node: ast.AST, names: tuple[str, ...], on: str | None = None) -> bool:
    """``node`` is a call of a method named in ``names`` (of the name ``on``, when given: ``qtbot.wait(...)``)."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in names
        and (on is None or (isinstance(node.func.value, ast.Name) and node.func.value.id == on))
    )


def test_the_gui_tests_wait_on_a_condition_never_a_fixed_time():
    """A GUI test waits for what it reads: ``qtbot.waitUntil`` on the condition, ``ui_support.window_settled`` (the
    window's deferred work done) or ``ui_support.laid_out`` (the layouts posted done). A fixed ``qtbot.wait(N)``
    guessed how long the event loop takes: too short under load (a flaky test), too long otherwise (a slow suite).
    31 stood in ``tests/ui`` until session 19."""
    found = {
        p.relative_to(ROOT).as_posix(): lines
        for p in sorted((ROOT / "tests").rglob("*.py"))
        if (lines := fixed_waits(p.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_fixed_wait_check_sees_a_fixed_wait():
    assert fixed_waits("def t(qtbot):\n    qtbot.waitUntil(lambda: True)\n    qtbot.wait(20)\n") == [3]
    assert fixed_waits("def t(qtbot):\n    qtbot.wait(\n        20\n    )\n") == [2]  # spread over lines
    assert fixed_waits("def t(qtbot):\n    qtbot \\\n        .wait(20)\n") == [2]  # a line continued
    assert fixed_waits('"""qtbot.wait(50) stood here."""\nqtbot.waitSignal(s)\n') == []


# pytest-qt's waits that are context managers: called bare, they wait nothing
WAIT_CONTEXTS = ("waitExposed", "waitActive", "waitSignal", "waitSignals", "waitCallback", "assertNotEmitted")


def bare_waits(source: str) -> list[int]:
    """The lines of a ``qtbot.waitExposed(...)`` (or another of pytest-qt's waits that are context managers) called as
    a statement of its own: it makes the context manager and waits for nothing."""
    if not any(f".{name}(" in source for name in WAIT_CONTEXTS):
        return []
    tree = ast.parse(source)
    return [
        node.lineno for node in ast.walk(tree) if isinstance(node, ast.Expr) and calls_method(node.value, WAIT_CONTEXTS)
    ]


def test_no_gui_test_waits_on_a_context_manager_called_bare():
    """``qtbot.waitExposed(w)`` after ``w.show()`` waited for nothing: pytest-qt's ``waitExposed`` is a context manager
    (``with qtbot.waitExposed(w): w.show()``); eight stood in ``tests/ui`` (``ui_support.show_widget`` and the window
    pool's ``shown_window`` among them) until session 36."""
    assert bare_waits("def t(qtbot, w):\n    w.show()\n    qtbot.waitExposed(w)\n") == [3]
    assert bare_waits("def t(qtbot, w):\n    with qtbot.waitExposed(w):\n        w.show()\n") == []
    found = {
        p.relative_to(ROOT).as_posix(): lines
        for p in sorted((ROOT / "tests").rglob("*.py"))
        if (lines := bare_waits(p.read_text(encoding="utf-8")))
    }
    assert found == {}


# pytest-qt's waits that take a time-out: the condition, the signal, the window waited for
TIMED_WAITS = ("waitUntil", "waitSignal", "waitSignals", "waitExposed", "waitActive", "waitCallback")
# a short time-out that decides nothing: the window pool's wait for its kept window to become active (TimeoutError
# caught: a new window is made)
SHORT_WAIT_ALLOWED = ("tests/ui/window_pool.py",)


def short_wait_guards(source: str, least_ms: int) -> list[int]:
    """The lines of a ``qtbot`` wait (``TIMED_WAITS``) given a time-out below ``least_ms`` as a number."""
    if "timeout" not in source or not any(f".{name}(" in source for name in TIMED_WAITS):
        return []
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if calls_method(node, TIMED_WAITS, on="qtbot")
        and any(
            k.arg == "timeout" and isinstance(k.value, ast.Constant) and k.value.value < least_ms
            for k in node.keywords  # type: ignore[attr-defined]
        )
    ]


def test_no_gui_test_waits_less_than_the_hang_guard():
    """A wait's time-out is a guard against a hang, no bound on speed (a pass costs no more): 53 waits in ``tests/ui``
    kept pytest-qt's old 5 s (or 10-15 s) where the default became 20 s (``prompt_wait.WAIT_MS``, session 36), each a
    failure for a loaded machine whose worker, poll or paint took longer (session 42)."""
    from prompt_wait import WAIT_MS

    assert short_wait_guards("def t(qtbot):\n    qtbot.waitUntil(lambda: x, timeout=5000)\n", WAIT_MS) == [2]
    assert short_wait_guards(
        "def t(qtbot):\n    qtbot.waitUntil(\n        f,\n        timeout=10_000,\n    )\n", WAIT_MS
    ) == [2]
    assert (
        short_wait_guards("def t(qtbot):\n    with qtbot.waitSignal(s, timeout=60_000):\n        go()\n", WAIT_MS) == []
    )
    assert short_wait_guards("def t(qtbot):\n    qtbot.waitUntil(lambda: x)\n    w.wait(5000)\n", WAIT_MS) == []
    found = {
        name: lines
        for p in sorted((ROOT / "tests").rglob("*.py"))
        if (name := p.relative_to(ROOT).as_posix()) not in SHORT_WAIT_ALLOWED
        and (lines := short_wait_guards(p.read_text(encoding="utf-8"), WAIT_MS))
    }
    assert found == {}


# a noun's kind written out: its entity label, else the word classes' guess (``noun_classes.noun_kind``)
NOUN_KIND_SPELT = re.compile(
    r"\.ent_type_\s+or\s+guess_label\(|not\s+(\w+)\.ent_type_\s+and\s+guess_label\(\1\)\s+is\s+None"
)


def test_the_noun_kind_check_sees_one():
    assert NOUN_KIND_SPELT.search("label = tok.ent_type_ or guess_label(tok)")
    assert NOUN_KIND_SPELT.search("and (noun.ent_type_ or guess_label(noun)) in BODY_LABELS")
    assert NOUN_KIND_SPELT.search("and not g.ent_type_\n        and guess_label(g) is None")
    assert not NOUN_KIND_SPELT.search("and noun_kind(g) is None")
    # a guess of a noun of no entity, not the noun's kind: an entity PRODUCT is no guessed one
    assert not NOUN_KIND_SPELT.search('not tok.ent_type_ and guess_label(tok) == "PRODUCT"')


def test_a_noun_s_kind_is_told_by_one_function():
    """A noun's kind, its entity label or the word classes' guess, is ``noun_classes.noun_kind``: the rule suggester
    wrote it out in eleven places of six modules (``trigger_clues`` and ``arg_spans`` each with a private copy of
    the function), so a change of what a noun's kind is (a name's label the NER got wrong) would have reached
    some of its readers and not the others."""
    found = modules_whose_source(lambda source: NOUN_KIND_SPELT.search(source))
    assert found == ["annotator/suggest/noun_classes.py"]


def test_the_label_a_guessed_noun_fills_a_role_with_is_told_by_one_function():
    """Which label a guessed noun fills a role with (its kind, else the first of ``alternative_labels`` the role
    takes, a place's other kinds in a role of places alone) is ``noun_classes.label_taken``: the rule suggester wrote
    it twice (``event_args``, once with the rule on places), the DyGIE++ reader once and the role heads' offer once
    more as a test on label sets (``role_heads._fits``)."""
    found = modules_whose_source(lambda source: "alternative_labels(" in source)
    assert found == ["annotator/suggest/noun_classes.py"]


def test_a_damaged_project_file_is_worded_by_its_error_alone():
    """ "PATH: the project file is damaged (WHY); ..." is ``errors.DamagedProjectError``'s wording: the open's check
    (``store``), the header's (``project_file``), SQLite's damage met at a read or a save and the file with a stray
    log (``opencheck``) wrote it five ways; they raise the typed error with what they found."""
    found = modules_whose_source(lambda source: re.search(r"project file[^\n]* is damaged \(", source))
    assert found == ["annotator/errors.py"]


def test_a_row_deleted_elsewhere_and_a_step_out_of_the_undo_history_are_worded_once():
    """ "… was deleted elsewhere (another window or process); nothing was changed" is ``errors.DeletedElsewhereError``'s
    (``shown.check_as_shown`` and ``decisions.edit_event`` wrote it), and "… — “STEP” was removed from the undo
    history" ``ui.plain.out_of_history_said`` (the edits' steps and the annotation sets' wrote it)."""
    assert modules_whose_source(lambda source: "was deleted elsewhere (" in source) == ["annotator/errors.py"]
    assert modules_whose_source(lambda source: "was removed from the undo history" in source) == ["ui/plain.py"]


# a whole number as a file gives it: an int that is no bool, spelt out
WHOLE_NUMBER_SPELT = re.compile(r"isinstance\((\w+), int\) and not isinstance\(\1, bool\)")


def test_a_reader_asks_whether_a_value_is_a_whole_number_of_one_function():
    """Whether a value a file gives is a whole number (an int, not a bool) is ``formats.reading.whole_number`` for
    the readers: MAVEN's, OneIE's, OmniEvent's and DyGIE++'s readers each had their own ``_int``, five more wrote it
    inline. The export's records (``formats/records.py``, the writers' side, which knows nothing of the readers')
    and the core's ``stand_ins`` keep their own."""
    assert WHOLE_NUMBER_SPELT.search("return isinstance(x, int) and not isinstance(x, bool)")
    assert not WHOLE_NUMBER_SPELT.search("isinstance(x, int) and not isinstance(y, bool)")
    found = modules_whose_source(lambda source: WHOLE_NUMBER_SPELT.search(source), ("annotator/formats",))
    assert found == ["annotator/formats/reading.py", "annotator/formats/records.py"]


# an error's message read to tell what it is or to take a part of it: ``str(exc)`` tested or cut
ERROR_WORDS_READ = re.compile(
    r"str\((?:exc|err|error|e)\)\.(?:startswith|endswith|removeprefix|removesuffix|split|partition|find|index)\("
    r"|\bin str\((?:exc|err|error|e)\)"
)


def test_no_error_is_told_by_its_words():
    """What an error is, or a part of what it says, is its type or an attribute, never its message read (typed errors,
    not message matching): the upgraded copy cut "project: " off a failed migration's message to name the original
    instead (its ``why`` is ``UpgradeFailedError.why`` since session 36). SQLite's report of a stored text that is not
    UTF-8 is told by its words in their owner alone (``DamagedTextError.is_one``: SQLite gives no other sign)."""
    assert ERROR_WORDS_READ.search('why = str(exc).removeprefix("project: ")')
    assert ERROR_WORDS_READ.search('if "locked" in str(err):')
    assert not ERROR_WORDS_READ.search("said = str(exc)")
    assert modules_whose_source(ERROR_WORDS_READ.search) == ["annotator/errors.py"]


# a role looked for by its name in an event type's roles, written out
ROLE_BY_NAME_SPELT = re.compile(r"for (\w+) in [\w.]*roles if \1\.name == ")


def test_an_event_type_s_role_by_its_name_is_looked_up_by_one_function():
    """``EventType.role(name)`` (``schema_model``) finds a type's role by its name; the role keys' Alt+N wrote the look-up
    out again (``ui/role_filling.py``, until session 36)."""
    assert ROLE_BY_NAME_SPELT.search("next((r for r in etype.roles if r.name == role), None)")
    assert not ROLE_BY_NAME_SPELT.search("[r.name for r in etype.roles if r.name in WHERE_ROLES]")
    assert modules_whose_source(ROLE_BY_NAME_SPELT.search) == ["annotator/schema_model.py"]


# a function that gives its token's lemma in lower case and nothing else
LEMMA_FUNCTION = re.compile(
    r"def \w+\((\w+)[^)]*\) -> str:\n(?:    \"\"\".*\"\"\"\n)?    return \1\.lemma_\.lower\(\)\n"
)


def test_a_token_s_lemma_in_lower_case_is_given_by_one_function():
    """``noun_classes.lemma_of`` is a token's lemma in lower case, as the word lists hold their words; four rules
    modules of ``suggest/`` each defined their own (``_lemma`` in ``turns_of_phrase``, ``abstract_goings`` and
    ``markets``, ``_word`` in ``pastimes``; until session 37)."""
    assert LEMMA_FUNCTION.search("def _lemma(tok: Any) -> str:\n    return tok.lemma_.lower()\n")
    assert LEMMA_FUNCTION.search(
        'def lemma_of(token: Token) -> str:\n    """A lemma."""\n    return token.lemma_.lower()\n'
    )
    assert not LEMMA_FUNCTION.search("def low(tok: Any) -> str:\n    return tok.lower_\n")
    assert modules_whose_source(LEMMA_FUNCTION.search) == ["annotator/suggest/noun_classes.py"]


def test_the_suggester_and_the_learner_take_a_token_s_lemma_in_lower_case_from_its_one_function():
    """``suggest/`` and ``learn/`` ask ``noun_classes.lemma_of`` for a token's lemma in lower case: after its four
    private copies went (session 37), 117 places in 22 modules of ``suggest/`` still wrote ``tok.lemma_.lower()`` out
    inline (until session 38), and 11 in the learner's features (``event_model``, ``event_features``; until session
    39)."""
    written = {
        path: (ROOT / path).read_text(encoding="utf-8").count(".lemma_.lower()")
        for path in modules_whose_source(lambda source: ".lemma_.lower()" in source, ("annotator", "ui"))
    }
    assert written == {"annotator/suggest/noun_classes.py": 1}


def test_the_command_line_prints_json_by_one_function():
    """A command's ``--json`` result is printed by ``cli_common.print_json`` (UTF-8 kept, one line or indented by
    two): sixteen places in six ``cli`` modules wrote ``print(json.dumps(...))`` each, two of them escaping what is
    beyond ASCII (``preannotate``, ``models``; until session 38)."""
    found = modules_whose_source(lambda source: "json.dumps(" in source, ("annotator",))
    assert [path for path in found if path.startswith("annotator/cli")] == ["annotator/cli_common.py"]


def test_a_person_s_decision_on_entity_suggestions_is_written_by_one_function():
    """Accepting or rejecting entity suggestions, many at once (the fillers an accepted event takes, Accept/Reject
    all, the rest, a script's chosen ids, a suggestion put in a role), is ``decisions.decide_entities``: who and when
    on each row, and a rejected one out of the roles of suggested events. ``edits._decide_all``, three edits of
    ``edits_flow`` and two of ``decisions`` wrote the row and the rule again (until session 38); an import's answers
    (``answers_onto``, with the import's time) are the file's decisions, not the person's."""
    decided = re.compile(r'rec\.update\(\s*"entities", [\w.]+, \{"state": (state|"accepted"|"rejected")')
    assert modules_whose_source(decided.search) == ["annotator/answers_onto.py", "annotator/decisions.py"]
    source = (ROOT / "annotator/decisions.py").read_text(encoding="utf-8")
    assert len(decided.findall(source)) == 1


def test_this_process_s_descriptors_of_a_file_are_read_by_one_function():
    """Which descriptors this process holds open on a file (``/proc/self/fd``) is ``own_descriptors.descriptors_of``:
    ``fileid.where_now``, ``fileid.deleted_while_open``, ``walindex``'s and ``shm_holders``' SQLite descriptor on the
    ``-shm`` each listed and ``fstat``-ed them by hand (until session 38)."""
    assert modules_whose_source(lambda source: '"/proc/self/fd"' in source) == ["annotator/own_descriptors.py"]


PUBLIC_API = "annotator/api.py"  # the functions a user's own script calls (docs/api.md): their users are not here


def test_every_public_function_of_the_core_has_a_user_besides_the_tests():
    """A core function only the tests call is code no user runs, kept working for its tests alone (session 41 left
    ``copy_models_beside``, the models' copy in one call, once File > Save a copy… had moved to its worker): each public
    function and class of ``annotator/`` is named again by the app, the core, the command line or a bench."""
    texts = {
        p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
        for folder in ("annotator", "ui", "bench")
        for p in sorted((ROOT / folder).rglob("*.py"))
    }
    named = Counter(word for text in texts.values() for word in re.findall(r"\w+", text))
    unused = [
        f"{path}: {name}"
        for path, text in texts.items()
        if path.startswith("annotator/") and path != PUBLIC_API
        for name in re.findall(r"^(?:def|class) ([A-Za-z]\w*)", text, re.MULTILINE)
        if named[name] < 2
    ]
    assert unused == []
