"""INCEpTION's "UIMA CAS JSON" export (``%TYPES``, ``%FEATURE_STRUCTURES``, ``%VIEWS``: a ``uima.cas.Sofa`` whose
``sofaString`` is the text, spans with ``begin`` and ``end``; the GraSCCO PHI corpus is given in it) was skipped as
"not an annotator JSON export (no "format": "annotator-json" marker), nor a list of documents", which names neither
the file's kind nor a way in. It is refused naming it and the export INCEpTION offers that annotator reads (WebAnno TSV
3.3). Our own CAS, in its shape."""

from __future__ import annotations

import orjson
from annotator import api

CAS = {
    "%TYPES": {},
    "%FEATURE_STRUCTURES": [
        {"%ID": 1, "%TYPE": "uima.cas.Sofa", "sofaNum": 1, "sofaID": "_InitialView", "mimeType": "text",
         "sofaString": "Ada met Bob in Paris."},
        {"%ID": 2, "%TYPE": "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity", "@sofa": 1, "begin": 0, "end": 3,
         "value": "PER"},
        {"%ID": 3, "%TYPE": "webanno.custom.PHI", "@sofa": 1, "begin": 15, "end": 20, "kind": "LOCATION_CITY"},
    ],
    "%VIEWS": {"_InitialView": {"%SOFA": 1, "%MEMBERS": [2, 3]}},
}  # fmt: skip


def test_a_uima_cas_json_file_is_named_with_the_way_in(tmp_path):
    src = tmp_path / "doc.json"
    src.write_bytes(orjson.dumps(CAS, option=orjson.OPT_INDENT_2))
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [src])
    ((_, why),) = report.skipped
    assert "a UIMA CAS JSON file (INCEpTION's 'UIMA CAS JSON' export" in why and "WebAnno TSV v3.3" in why, why
    assert "\n" not in why and project.document_ids() == []
