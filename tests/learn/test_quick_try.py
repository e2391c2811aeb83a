"""A quick try (one pass of each part) is said as one: in the run's summary and in the list of versions."""

from __future__ import annotations

from annotator.learn.options import TrainOptions
from annotator.learn.report import describe_version
from annotator.learn.train import TrainReport
from annotator.learn.versions import VersionInfo


def test_a_quick_try_says_so_in_its_summary_and_in_settings_list():
    """The app's Train dialog offers a quick try; its result box said only "version 1 trained on 3 finished
    documents ... in 13 s; kept but NOT made the default (worse than the current model ...)", and Settings listed
    it as any other version: nothing told why it scored lower."""
    quick = TrainOptions().quick()
    assert quick.is_quick and not TrainOptions().is_quick
    report = TrainReport(version=1, documents=3, held_out=3, folds=3, seconds=13.0, quick=quick.is_quick)
    assert "in 13 s (a quick try: 1 pass each);" in report.summary()
    assert "quick" not in TrainReport(version=1, documents=3, held_out=3, folds=3).summary()
    settings = {"ner_epochs": quick.ner_epochs, "event_epochs": quick.event_epochs}
    v = VersionInfo(1, "2026-12-02T22:02:07.767+00:00", 3, manifest={"settings": settings})
    assert describe_version(v) == "Version 1 (2026-12-02 22:02 UTC, 3 documents, a quick try)"
    full = VersionInfo(2, "2026-12-02T22:02:07.767+00:00", 3, manifest={"settings": {"ner_epochs": 8}})
    assert describe_version(full) == "Version 2 (2026-12-02 22:02 UTC, 3 documents)"
