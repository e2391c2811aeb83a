"""Session 27, the engineer's corpus (helper s27-qab): 1,498 documents, two of 1 MB, exported from the app."""

from __future__ import annotations

from ui.dialogs.export import undecided_note


def test_the_export_dialog_s_note_writes_thousands_as_the_export_s_summary_does():
    """The Export dialog's note said "49393 entity and 6407 event suggestions nobody decided go in as annotations"
    where the export's line said "49,393 entities"."""
    note = undecided_note((49_393, 6_407), written=True, apart=False)
    assert note.startswith("49,393 entity and 6,407 event suggestions nobody decided go in as annotations"), note


def test_the_export_dialog_s_note_for_an_entity_only_format_counts_no_event():
    """Session 33 (s33-eng): for CoNLL and Hugging Face the note said "3,099 entity and 368 event suggestions nobody
    decided go in as annotations": those files hold no event, and the export says it leaves them out."""
    note = undecided_note((3_099, 368), written=True, apart=False, entities_only=True)
    assert note == "3,099 entity suggestions nobody decided go in as annotations: untick “suggested” to leave them out."
    assert undecided_note((0, 368), written=True, apart=False, entities_only=True) == ""  # nothing undecided in it
