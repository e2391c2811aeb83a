"""Session 43: a CoNLL-2003 file in BIOES (``S-ORG``, ``B-PER E-PER``: the scheme of CoNLL-2003's BIOES copies and of
Flair's and NCRF++'s taggers) was read right, said "read as BIOES", and went back out in IOB2 with no way to the
scheme it came in: a tool trained on the BIOES copy read our export's ``B-``/``I-`` as broken sequences. The CoNLL
export takes ``--option scheme=bioes`` (or ``bilou``: spaCy's BILUO letters) and writes the file back line for line;
IOB2 stays the default, and the import's note names the option; the Hugging Face lines take the option too. Our own
sentences in CoNLL-2003's layout."""

from __future__ import annotations

import orjson

from annotator.cli import main

BIOES = """-DOCSTART- -X- O O

EU -X- _ S-ORG
rejects -X- _ O
German -X- _ S-MISC
call -X- _ O
to -X- _ O
boycott -X- _ O
British -X- _ S-MISC
lamb -X- _ O
. -X- _ O

Peter -X- _ B-PER
Blackburn -X- _ E-PER

-DOCSTART- -X- O O

The -X- _ O
European -X- _ B-ORG
Union -X- _ I-ORG
Commission -X- _ E-ORG
met -X- _ O
UN -X- _ S-ORG
NATO -X- _ S-ORG
. -X- _ O

"""


def _round(tmp_path, given: str, *options: str) -> str:  # type: ignore[no-untyped-def]
    path, p, out = tmp_path / "bioes.conll", tmp_path / "p.annotator", tmp_path / "out.conll"
    path.write_text(given, encoding="utf-8")
    assert main(["import", str(p), str(path)]) == 0
    args = [x for o in options for x in ("--option", o)]
    assert main(["export", str(p), "-f", "conll", "-o", str(out), *args]) == 0
    return out.read_text(encoding="utf-8")


def test_a_bioes_file_goes_back_in_bioes_line_for_line(tmp_path, capsys):
    assert _round(tmp_path, BIOES, "scheme=bioes") == BIOES
    said = capsys.readouterr()
    assert "the CoNLL export writes IOB2 unless --option scheme=bioes" in said.out + said.err


def test_bilou_writes_spacy_s_letters_and_iob2_stays_the_default(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _round(tmp_path / "a", BIOES, "scheme=bilou") == BIOES.replace(" S-", " U-").replace(" E-", " L-")
    assert _round(tmp_path / "b", BIOES) == BIOES.replace(" S-", " B-").replace(" E-", " I-")


def test_an_unknown_scheme_is_refused(tmp_path, capsys):
    path, p, out = tmp_path / "bioes.conll", tmp_path / "p.annotator", tmp_path / "o.conll"
    path.write_text(BIOES, encoding="utf-8")
    assert main(["import", str(p), str(path)]) == 0
    assert main(["export", str(p), "-f", "conll", "-o", str(out), "--option", "scheme=bioe"]) != 0
    assert "option scheme must be one of iob2, bioes, bilou, not 'bioe'" in capsys.readouterr().err
    assert not out.exists()


def test_the_hugging_face_lines_take_the_scheme_too(tmp_path):
    path, p, out, q, again = (tmp_path / x for x in ("bioes.conll", "p.annotator", "o.jsonl", "q.annotator", "a.jsonl"))
    path.write_text(BIOES, encoding="utf-8")
    assert main(["import", str(p), str(path)]) == 0
    assert main(["export", str(p), "-f", "hf", "-o", str(out), "--option", "scheme=bioes"]) == 0
    lines = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert [x["ner_tags"] for x in lines][:2] == [
        ["S-ORG", "O", "S-MISC", "O", "O", "O", "S-MISC", "O", "O"],
        ["B-PER", "E-PER"],
    ]
    assert lines[2]["ner_tags"] == ["O", "B-ORG", "I-ORG", "E-ORG", "O", "S-ORG", "S-ORG", "O"]
    assert main(["import", str(q), str(out)]) == 0  # read back as BIOES: the same lines again
    assert main(["export", str(q), "-f", "hf", "-o", str(again), "--option", "scheme=bioes"]) == 0
    assert again.read_bytes() == out.read_bytes()
