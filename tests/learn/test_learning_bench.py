"""bench/learning.py without its optional plotting library: the curve's numbers are written, no traceback."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_bench():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location("learning_bench", ROOT / "bench" / "learning.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


def test_curve_written_without_matplotlib(tmp_path, monkeypatch):
    bench = load_bench()
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib raises ImportError
    rows = [{"articles": 80, "trained": {}, "untrained": {}}]
    said = bench.write_curve(rows, tmp_path / "curve")
    assert json.loads((tmp_path / "curve.json").read_text(encoding="utf-8")) == rows
    assert not (tmp_path / "curve.png").exists()
    assert "matplotlib is not installed" in said and ".[bench]" in said
