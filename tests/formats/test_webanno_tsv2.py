"""A WebAnno TSV 2 file (WebAnno 2's export: no '#FORMAT' line, its first line names the layers and features) is
refused saying what it is and how to get TSV 3, with and without --format; it was "unknown kind of file '.tsv'"
without --format (session 19: INCEpTION's curation tests still hold such files; our own file in their shape)."""

from __future__ import annotations

from annotator.cli import main

TSV2 = (
    " # webanno.custom.Place | kind # webanno.custom.Near | why | AttachTo=webanno.custom.Place\n"
    "#id=1\n#text=Troops moved to Safwan near Basra .\n"
    "1-1\tTroops\t_\t_\t_\t\n1-2\tmoved\t_\t_\t_\t\n1-3\tto\t_\t_\t_\t\n1-4\tSafwan\tTown\t_\t_\t\n"
    "1-5\tnear\t_\t_\t_\t\n1-6\tBasra\tCity\tborder\t1-4\t\n1-7\t.\t_\t_\t_\t\n\n"
)


def test_tsv2_is_refused_saying_what_it_is(tmp_path, capsys):
    src = tmp_path / "doc.tsv"
    src.write_text(TSV2, encoding="utf-8")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 1
    err = capsys.readouterr().err
    assert "WebAnno TSV 2" in err and "again as 'WebAnno TSV v3'" in err and "unknown kind" not in err
    assert main(["import", str(p), str(src), "--format", "webanno"]) == 1
    assert "WebAnno TSV 2" in capsys.readouterr().err
