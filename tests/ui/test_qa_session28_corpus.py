"""Session 28, the engineer's corpus (helper s28-qab): the document list of a corpus imported from a folder tree."""

from __future__ import annotations

from ui.elided import elide_apart

NAME = "year2009/month01/VOA_EN_NW_2009.12.09.416313_v0.txt"
NEIGHBOUR = "year2009/month01/VOA_EN_NW_2009.12.09.416313_v3.txt"


def test_a_name_that_parts_from_its_neighbours_near_its_end_shows_as_much_of_it_as_fits():
    """Under Xvfb at 1366x768 and 1920x1080 the corpus's names read "…3_v0.txt…" in a column with room for about 30
    characters: the few characters around the difference, "…" at both ends as if the name went on after ".txt"."""
    differs = 46  # "0" of "_v0", where it parts from its neighbour
    assert NAME[:differs] == NEIGHBOUR[:differs] and NAME[differs] != NEIGHBOUR[differs]
    shown = elide_apart(NAME, differs, 30, len, shared_end=4)
    assert shown == "…" + NAME[-29:] == "…N_NW_2009.12.09.416313_v0.txt", shown
    # a difference far from the end: the room filled after it first, then before it, "…" at both ends
    long = "VOA_EN_NW_2009.12.09.416313_UNECA_Director_Says_Dangers_in_Guinea.txt"
    shown = elide_apart(long, 26, 24, len)
    assert len(shown) == 24 and shown.startswith("…") and shown.endswith("…") and shown[1:-1] in long, shown
    assert long.index(shown[1:-1]) <= 26 < long.index(shown[1:-1]) + len(shown) - 2, shown
    # room for little more than the difference
    assert elide_apart(NAME, differs, 6, len, shared_end=4) == "…3_v0…"  # the difference in sight (main: "…13_v…")
    # a name that fits is whole
    assert elide_apart(NAME, differs, len(NAME), len) == NAME
