"""Session 27, the engineer's corpus (helper s27-qab): 1,498 documents, two of 1 MB, exported from the app."""

from __future__ import annotations

from ui.dialogs.export import undecided_note


def test_the_export_dialog_s_note_writes_thousands_as_the_export_s_summary_does():
    """The Export dialog's note said "49393 entity and 6407 event suggestions nobody decided go in as annotations"
    where the export's line said "49,393 entities"."""
    note = undecided_note((49_393, 6_407), written=True, apart=False)
    assert note.startswith("49,393 entity and 6,407 event suggestions nobody decided go in as annotations"), note
