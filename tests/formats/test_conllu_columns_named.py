"""A CoNLL-U file (UD's ten columns, no ``# global.columns`` line: the format names them) says the columns it does not
keep by CoNLL-U's names. Session 36: "5 columns besides the token and the entity tag (CoNLL-2003's part-of-speech
and chunk tags, say)" of a UD treebank's file, which has neither. Our own sentence in UD's layout (a multiword token,
an empty node, NER in MISC)."""

from __future__ import annotations

from annotator.formats.conll_read import read_conll

CONLLU = (
    "# sent_id = 1\n"
    "# text = Vamos al Prado.\n"
    "1\tVamos\tir\tVERB\tvmip1p0\tMood=Ind\t0\troot\t_\t_\n"
    "2-3\tal\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\ta\ta\tADP\tsps00\t_\t4\tcase\t_\t_\n"
    "3\tel\tel\tDET\tda0ms0\tDefinite=Def\t4\tdet\t_\t_\n"
    "4\tPrado\tPrado\tPROPN\tnp00000\t_\t1\tobl\t_\tNER=B-LOC|SpaceAfter=No\n"
    "4.1\tvamos\tir\tVERB\t_\t_\t_\t_\t1:conj\t_\n"
    "5\t.\t.\tPUNCT\tfp\t_\t1\tpunct\t_\t_\n"
    "\n"
)


def test_a_conllu_file_s_columns_are_said_by_conllu_s_names(tmp_path):
    path = tmp_path / "es_ancora-ud-dev.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    got = read_conll(path)
    (said,) = [w for w in got.warnings if "besides the token" in w]
    assert "CoNLL-2003" not in said and "as CoNLL-U names them" in said, said
    assert "LEMMA" in said and "UPOS" in said and "DEPREL" in said, said
