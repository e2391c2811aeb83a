"""PubTator's text format (BioCreative V CDR's ``CDR_*.PubTator.txt``, the NCBI disease corpus, PubTator's export): a
document a block of ``ID|t|title``, ``ID|a|abstract``, tab-separated mention lines (ID, start, end, words, type,
concept ids) and relation lines (ID, CID, concept, concept). Session 31: such a file came in as one plain document,
the annotation lines as its words, without a word. Our own two documents, in the shape of CDR's files."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats.detect import detect_format
from annotator.formats.pubtator import read_pubtator
from annotator.store import Project

TITLE = "Naloxone reverses the antihypertensive effect of clonidine."
ABSTRACT = "In hypertensive rats the fall in blood pressure produced by clonidine was inhibited by naloxone."


def _mention(doc: str, text: str, words: str, kind: str, ids: str, nth: int = 0) -> str:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return f"{doc}\t{start}\t{start + len(words)}\t{words}\t{kind}\t{ids}"


def _file(tmp_path, name: str = "CDR_sample.PubTator.txt"):  # type: ignore[no-untyped-def]
    text = TITLE + " " + ABSTRACT  # offsets count one character between title and abstract
    first = [
        f"227508|t|{TITLE}",
        f"227508|a|{ABSTRACT}",
        _mention("227508", text, "Naloxone", "Chemical", "D009270"),
        _mention("227508", text, "clonidine", "Chemical", "D003000"),
        _mention("227508", text, "hypertensive", "Disease", "D006973", nth=1),
        _mention("227508", text, "clonidine", "Chemical", "D003000", nth=1),
        _mention("227508", text, "naloxone", "Chemical", "D009270|D009271"),
        "227508\tCID\tD003000\tD006973",
    ]
    second = ["354896|t|Lidocaine-induced asystole.", "354896|a|", "354896\t0\t9\tLidocaine\tChemical\t-1"]
    path = tmp_path / name
    path.write_text("\n".join(first) + "\n\n" + "\n".join(second) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["CDR_sample.PubTator.txt", "NCBItrainset_corpus.txt", "corpus.pubtator"])
def test_a_pubtator_file_comes_in_a_document_a_block_its_mentions_entities(tmp_path, capsys, name):
    path = _file(tmp_path, name)
    assert detect_format(path) == "pubtator"  # None: a plain text
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(path)]) == 0
    err = capsys.readouterr().err
    assert f"{path}: read as PubTator" in err
    assert "5 concept ids and 1 relation between concepts kept in each document's meta ('pubtator')" in err, err
    assert "labels the schema 'news' lacks, added to the new project's schema: Chemical, Disease" in err
    with Project(p, create=False) as project:
        first, second = [project.document(d) for d in project.document_ids()]
        assert (first.name, second.name) == ("227508", "354896")
        assert first.text == TITLE + "\n" + ABSTRACT  # title and abstract a line each
        assert second.text == "Lidocaine-induced asystole."
        got = [(first.text[e.start : e.end], e.label) for e in project.entities(first.id)]
        assert got == [
            ("Naloxone", "Chemical"),
            ("clonidine", "Chemical"),
            ("hypertensive", "Disease"),
            ("clonidine", "Chemical"),
            ("naloxone", "Chemical"),
        ]
        kept = first.meta["pubtator"]
        assert kept["relations"] == [["CID", "D003000", "D006973"]]
        assert [c[3] for c in kept["concepts"]] == ["D009270", "D003000", "D006973", "D003000", "D009270|D009271"]
    assert main(["export", str(p), "-f", "jsonl", "-o", str(tmp_path / "o.jsonl")]) == 0  # the meta goes out
    line = orjson.loads((tmp_path / "o.jsonl").read_bytes().splitlines()[0])
    assert line["meta"]["pubtator"]["relations"] == [["CID", "D003000", "D006973"]]


def test_the_news_schema_s_names_are_matched(tmp_path):
    path = tmp_path / "x.PubTator.txt"
    path.write_text(
        "7|t|Obama met Merkel in Paris.\n7\t0\t5\tObama\tPER\t-\n7\t20\t25\tParis\tGPE\t-\n", encoding="utf-8"
    )
    (doc,) = read_pubtator(path).documents
    assert [(doc.text[e.start : e.end], e.label) for e in doc.entities] == [("Obama", "PERSON"), ("Paris", "GPE")]


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("1\t0\t4\tAnne\tPER\t-", ":3: offsets 0, 4 hold 'Anna', not 'Anne'"),
        ("1\t20\t40\tBerg\tPER\t-", ":3: offsets 20, 40 are not a span of the text"),
        ("2\t0\t4\tAnna\tPER\t-", ":3: a line of document '2' inside document '1'"),
        ("1\t0\tfour\tAnna\tPER", ":3: not a PubTator line"),
    ],
)
def test_a_line_that_cannot_be_read_refuses_the_file_with_its_line(tmp_path, line, said):
    path = tmp_path / "bad.PubTator.txt"
    path.write_text(f"1|t|Anna Berg left.\n1|a|She was cold.\n{line}\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=said.replace("(", r"\(").replace(")", r"\)")):
        read_pubtator(path)
