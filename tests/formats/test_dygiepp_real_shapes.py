"""DyGIE++ files of other datasets than ACE and SciERC, in shapes seen in public data (our own lines, in the shape of
dwadden/dygiepp's ``data/sentivent/preproc_multi/dev.jsonl``, SENTiVENT's economic events): triggers given as token
spans, event types with a slash, arguments on spans that no ``ner`` entity covers, and ``clusters`` written as one
empty list a sentence."""

from __future__ import annotations

import orjson

from annotator.cli import main
from annotator.store import Project

LINE = {
    "doc_key": "aal10",
    "dataset": "sentivent",
    "sentences": [
        ["American", "Airlines", "Marks", "Down", "Third", "Quarter", "Guidance"],
        ["American", "Airlines", "said", "flights", "canceled", "will", "weigh", "on", "earnings", "."],
    ],
    "events": [
        [[[2, 6, "FinancialReport"], [4, 5, "TIME"], [0, 1, "MainCompany"]]],
        [[[15, 15, "Profit/Loss"], [7, 8, "MainCompany"]]],
    ],
    "ner": [[], [[7, 8, "ORG"]]],
    "clusters": [[], []],
    "relations": [[], [[13, 13, 7, 8, "SentiPol.negative"]]],
}


def test_a_sentivent_shaped_line_comes_in_says_what_it_lost_and_goes_back_out(tmp_path, capsys):
    src = tmp_path / "dev.jsonl"
    src.write_bytes(orjson.dumps(LINE) + b"\n")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    err = capsys.readouterr().err
    # the arguments no ner entity covers become entities, said one by one (our arguments point at entities): no
    # argument of FinancialReport's roles is on an entity, so the schema told from the file gives MainCompany the
    # label it takes in Profit/Loss (ORG) and TIME a label of its name (session 12: both were left out)
    assert (
        "argument TIME of FinancialReport on tokens 4-5 ('Third Quarter'): no entity of 'ner' there; kept as a new TIME entity"
        in err
    )
    assert (
        "argument MainCompany of FinancialReport on tokens 0-1 ('American Airlines'): no entity of 'ner' there; kept as a new ORG entity"
        in err
    )
    # the relation is kept; the empty clusters are no coreference clusters to speak of
    assert f"note: {src}: 1 relation kept for the export to DyGIE++ (the app does not show them)" in err
    with Project(p, create=False) as project:
        (doc,) = project.document_ids()
        text = project.document(doc).text
        got = sorted((text[v.trigger_start : v.trigger_end], v.type, len(v.arguments)) for v in project.events(doc))
        assert got == [("Marks Down Third Quarter Guidance", "FinancialReport", 2), ("earnings", "Profit/Loss", 1)]
    out = tmp_path / "out.jsonl"
    assert main(["export", str(p), "-f", "dygiepp", "-o", str(out)]) == 0
    (back,) = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert back["clusters"] == [[], []] and back["relations"] == LINE["relations"]
    assert back["ner"] == [[[0, 1, "ORG"], [4, 5, "TIME"]], [[7, 8, "ORG"]]]  # the arguments' new entities
    # every argument back (the trigger reduced to its last token, as the export says)
    assert back["events"] == [
        [[[6, "FinancialReport"], [4, 5, "TIME"], [0, 1, "MainCompany"]]],
        [[[15, "Profit/Loss"], [7, 8, "MainCompany"]]],
    ]


def test_a_predictions_probability_is_its_score_and_a_logit_is_none(tmp_path):
    from annotator.formats.dygiepp import read_dygiepp

    line = {
        "doc_key": "p",
        "sentences": [["Rebels", "attacked", "Mosul", "near", "Basra", "."]],
        # dygie predict's order (logit, probability); the other order; a logit alone; no numbers (its older script)
        "predicted_ner": [[[0, 0, "PER", 9.1, 0.99], [2, 2, "GPE", 0.87, 4.2], [4, 4, "GPE", 3.3], [5, 5, "GPE"]]],
        "predicted_events": [[[[1, "Conflict.Attack", 15.93, 1.0]]]],
    }
    path = tmp_path / "p.jsonl"
    path.write_bytes(orjson.dumps(line) + b"\n")
    (doc,) = read_dygiepp(path).documents
    assert [e.score for e in doc.entities] == [0.99, 0.87, None, None]  # 4.2, a logit, was stored as a score
    assert [v.score for v in doc.events] == [1.0]
