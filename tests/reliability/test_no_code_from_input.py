"""Nothing from an imported file can run code or reach the network."""

from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest

from annotator.formats.project_json import write_json
from annotator.formats.loading import import_paths
from spacy_support import ruler_pipeline
from annotator.preannotate import preannotate
from annotator.store import Project
from reliability_support import ROOT

FORBIDDEN_MODULES = {
    "pickle",
    "cPickle",
    "dill",
    "cloudpickle",
    "marshal",
    "shelve",
    "joblib",
    "socket",
    "urllib",
    "http",
    "requests",
    "ftplib",
    "xmlrpc",
    "ctypes",
    "yaml",
}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
# the exceptions, with their reasons: renameat2(RENAME_EXCHANGE) has no Python binding (two paths, no input);
# the two-process DocBin export hands its arguments and result between its own parent and child in a folder
# mkdtemp made (mode 0700, removed after), never from input
ALLOWED = {("annotator/exchange.py", "ctypes"), ("annotator/formats/docbin_split.py", "pickle")}


def _sources() -> list[Path]:
    return sorted(p for d in ("annotator", "ui") for p in (ROOT / d).rglob("*.py"))


@pytest.mark.slow
def test_no_pickle_eval_or_network_code_anywhere(figures):
    problems = []
    files = _sources()
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: calls {node.func.id}()")
                continue
            else:
                continue
            for n in names:
                if n.split(".")[0] in FORBIDDEN_MODULES and (path.relative_to(ROOT).as_posix(), n) not in ALLOWED:
                    problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: imports {n}")
    assert not problems, "\n".join(problems)
    figures.update(files_checked=len(files))


HOSTILE = [
    "<img src='http://127.0.0.1:9/track.png'> <script>fetch('http://127.0.0.1:9')</script>",
    "__import__('os').system('touch PWNED')",
    "{{7*7}} ${{7*7}} %(x)s {0.__class__}",
    "cos\nsystem\n(S'touch PWNED'\ntR.",  # a pickle program as text
    "<a href='file:///etc/passwd'>x</a> <style>@import url(http://127.0.0.1:9/x.css)</style>",
    "\u202eevil\u202c and \x1b[31mansi\x1b[0m",
]


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(self, address, *args):  # type: ignore[no-untyped-def]
        attempts.append(address)
        raise OSError("network use is not allowed in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))
    return attempts


def test_hostile_text_is_only_data(tmp_path, monkeypatch, no_network):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    for k, text in enumerate(HOSTILE):
        (folder / f"evil{k}.txt").write_text(text)
        (folder / f"evil{k}.jsonl").write_text(
            '{"text": %s, "meta": {"__class__": "os.system", "py/object": "subprocess.Popen"}}\n'
            % __import__("json").dumps(text + " (jsonl)")
        )
    with Project(tmp_path / "p.annotator", annotator="<b>me</b>") as p:
        report = import_paths(p, [folder])
        assert len(report.imported) == 2 * len(HOSTILE)
        preannotate(p, ruler_pipeline([{"label": "ORG", "pattern": "evil"}]))
        write_json(p, tmp_path / "out.json")
        texts = {p.document(i).text for i in p.document_ids()}
    assert set(HOSTILE) <= texts  # stored exactly, not interpreted
    assert not (tmp_path / "PWNED").exists() and not (ROOT / "PWNED").exists()
    assert no_network == []
