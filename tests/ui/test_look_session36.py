"""Session 36 (helper s36-look, docs/keyboard.md "The app looked at, session 36"): what the app showed under Xvfb
after this session's changes, each test failing on main."""

from __future__ import annotations

from annotator.errors import SetHeldElsewhere


def test_a_refusal_for_a_file_made_again_at_the_same_path_does_not_name_the_same_file_twice():
    """alice's file made again from the team's copy (another history at the same path) and merged: the line read
    "alice.annotator: set 'alice' already holds 8 documents of this file merged from /tmp/…/alice.annotator", the file
    it refuses named as the other file. It says an earlier file at this path, another file by its history."""
    from ui.merge_files import held_said

    exc = SetHeldElsewhere("cli words", "/tmp/x/alice.annotator", "alice", "/tmp/x/alice.annotator", ["doc1.txt"])
    said = held_said(exc)
    assert "merged from /tmp/x/alice.annotator" not in said, said
    assert "an earlier alice.annotator" in said, said
    other = SetHeldElsewhere("cli words", "/tmp/x/alice.annotator", "alice", "/tmp/y/dave.annotator", ["doc1.txt"])
    assert "merged from /tmp/y/dave.annotator" in held_said(other)
