"""Schema parsing stays linear in the number of labels (issue 9 point 20): lookups of table lines bisect an
index instead of scanning every header once per label."""

from __future__ import annotations

import annotator.schema as sch
from annotator.schema_lines import Locator


def big_schema(n: int) -> str:
    src = "[schema]\nname = 'big'\n" + "".join(f"[[entity]]\nname = 'L{i}'\n" for i in range(n))
    return src + "[[event]]\nname = 'E'\n[[event.role]]\nname = 'R'\nlabels = ['L1', 'L2']\n"


class CountingList(list):
    walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        CountingList.walks += 1
        return super().__iter__()


def test_parsing_does_not_walk_the_headers_once_per_label(monkeypatch):
    real_init = Locator.__init__

    def init(self, source):  # type: ignore[no-untyped-def]
        real_init(self, source)
        self.headers = CountingList(self.headers)

    monkeypatch.setattr(Locator, "__init__", init)
    CountingList.walks = 0
    schema = sch.parse_schema(big_schema(2000))
    assert len(schema.entities) == 2000 and schema.label("L1999").name == "L1999"
    assert CountingList.walks < 10  # not one walk per label


def test_errors_still_name_the_right_line():
    src = big_schema(50).replace("name = 'L42'", "name = 'L42'\ncolor = 'red'")
    try:
        sch.parse_schema(src, "big.toml")
    except sch.SchemaError as exc:
        line = src.splitlines().index("color = 'red'") + 1
        assert str(exc).startswith(f"big.toml:{line}: colour of 'L42'")
    else:  # pragma: no cover
        raise AssertionError("a bad colour was accepted")
    dup = big_schema(50) + "[[entity]]\nname = 'L7'\n"
    try:
        sch.parse_schema(dup, "big.toml")
    except sch.SchemaError as exc:
        assert str(exc) == f"big.toml:{len(dup.splitlines())}: entity label 'L7' is declared twice"
