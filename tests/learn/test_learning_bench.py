"""bench/learning.py without its optional plotting library: the curve's numbers and a plain SVG plot are written, no traceback; its verdict."""

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


def point(n: int, untrained: tuple[float, float], trained: tuple[float, float]) -> dict:
    def side(f1s: tuple[float, float]) -> dict:
        return {part: {"all": {"f1": f}} for part, f in zip(("triggers", "arguments"), f1s)}

    return {"articles": n, "untrained": side(untrained), "trained": side(trained)}


def test_curve_plotted_as_svg_without_matplotlib(tmp_path, monkeypatch):
    bench = load_bench()
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    rows = [point(20, (0.55, 0.37), (0.55, 0.37)), point(80, (0.55, 0.36), (0.56, 0.36))]
    said = bench.write_curve(rows, tmp_path / "curve")
    svg = (tmp_path / "curve.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert svg.count("<polyline") == 4  # triggers and arguments, trained and untrained
    assert "trigger" in svg and "target (0.65)" in svg and "curve.svg" in said
    assert not (tmp_path / "curve.png").exists()


def test_verdict_says_equal_at_every_point_and_the_targets():
    bench = load_bench()
    said = bench.verdict([point(20, (0.549, 0.385), (0.549, 0.385)), point(80, (0.554, 0.362), (0.554, 0.362))])
    assert "never worse than the untrained suggestions: met, equal to them at every point" in said
    assert "targets after 80 articles: triggers 0.554 (>= 0.65: not met), arguments 0.362 (>= 0.40: not met)" in said


def test_verdict_names_a_point_where_training_lost():
    bench = load_bench()
    said = bench.verdict([point(20, (0.549, 0.385), (0.522, 0.385)), point(80, (0.613, 0.426), (0.66, 0.429))])
    assert "NOT met (triggers at 20: 0.549 -> 0.522)" in said
    assert "triggers at 80: 0.613 -> 0.660" in said and "arguments at 80: 0.426 -> 0.429" in said
    assert "triggers 0.660 (>= 0.65: met), arguments 0.429 (>= 0.40: met)" in said
