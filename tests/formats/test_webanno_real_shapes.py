"""WebAnno TSV files in the shapes of real exports found with the search tool (session 9). The files are our own,
with our own text, reproducing what each real one does:

- a WebAnno 3.2 export of a Finnish news corpus (kept as a test document in a public reader's repository): its
  relation layer declared before the span layers, DKPro's Lemma, POS and Dependency layers, ``NamedEntity``, a
  feature-less custom layer over whole sentences (``webanno.custom.Quote|``, cells ``*[2]``) and one-feature layers;
- INCEpTION's ``testSimpleSameRoleSlotFeature`` and ``testZeroLengthSlotFeature2``: an event-like layer whose slot links
  point at spans of a feature-less layer (``webanno.custom.SimpleSpan|``), one of them zero-width.
"""

from __future__ import annotations

from pathlib import Path

from project_support import new_project
from annotator import api
from annotator.formats.loading import import_format
from annotator.store import Project

DK = "de.tudarmstadt.ukp.dkpro.core.api."


def write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def entities(project: Project) -> list[tuple[str, str]]:
    (doc_id,) = project.document_ids()
    text = project.document(doc_id).text
    return sorted((e.label, text[e.start : e.end]) for e in project.entities(doc_id))


def test_a_feature_less_layer_s_spans_come_in_labelled_with_the_layer_s_name(tmp_path):
    """The Quote over the second sentence was left out ('no single feature to label them with'): a layer without
    features marks one kind of thing, its name."""
    lines = [
        "#FORMAT=WebAnno TSV 3.2",
        f"#T_SP={DK}segmentation.type.Lemma|value",
        f"#T_SP={DK}lexmorph.type.pos.POS|coarseValue|PosValue",
        f"#T_RL={DK}syntax.type.dependency.Dependency|DependencyType|flavor|BT_{DK}lexmorph.type.pos.POS",
        f"#T_SP={DK}ner.type.NamedEntity|value",
        "#T_SP=webanno.custom.Quote|",
        "#T_SP=webanno.custom.Hedging|hedgingType",
        "",
        "",
        "#Text=Talks resume in August",
        "1-1\t0-5\tTalks\ttalk\tNOUN\tN\tnsubj\t*\t1-2\t_\t_\t_\t",
        "1-2\t6-12\tresume\tresume\tVERB\tV\troot\t*\t1-2\t_\t_\t_\t",
        "1-3\t13-15\tin\tin\tADP\tAdp\tcase\t*\t1-4\t_\t_\t_\t",
        "1-4\t16-22\tAugust\tAugust\tPROPN\tN\tobl\t*\t1-2\tTimexTmeDat\t_\t_\t",
        "",
        "#Text=– Anna Virtanen says unions may sign .",
        "2-1\t23-24\t–\t–\tPUNCT\tPunct\tpunct\t*\t2-4\t_\t*[2]\t_\t",
        "2-2\t25-29\tAnna\tAnna\tPROPN\tN\tnsubj\t*\t2-4\tEnamexPrsHum[1]\t*[2]\t_\t",
        "2-3\t30-38\tVirtanen\tVirtanen\tPROPN\tN\tflat:name\t*\t2-2\tEnamexPrsHum[1]\t*[2]\t_\t",
        "2-4\t39-43\tsays\tsay\tVERB\tV\troot\t*\t2-4\t_\t*[2]\t_\t",
        "2-5\t44-50\tunions\tunion\tNOUN\tN\tnsubj\t*\t2-7\t_\t*[2]\t_\t",
        "2-6\t51-54\tmay\tmay\tAUX\tV\taux\t*\t2-7\t_\t*[2]\tP\t",
        "2-7\t55-59\tsign\tsign\tVERB\tV\tccomp\t*\t2-4\t_\t*[2]\t_\t",
        "2-8\t60-61\t.\t.\tPUNCT\tPunct\tpunct\t*\t2-4\t_\t*[2]\t_\t",
    ]
    project = new_project(tmp_path / "p.annotator", annotator="t")
    report = import_format(project, "webanno", [write(tmp_path, "fi.tsv", lines)])
    assert entities(project) == [
        ("EnamexPrsHum", "Anna Virtanen"),
        ("P", "may"),
        ("Quote", "– Anna Virtanen says unions may sign ."),
        ("TimexTmeDat", "August"),
    ]
    assert any(
        "layer webanno.custom.Quote, which has no features, read as entities labelled Quote" in n for n in report.notes
    )
    said = " | ".join(report.warnings)
    assert "Dependency whose ends are not entities: 12" in said and "no single feature" not in said, said


def test_slot_links_to_a_feature_less_layer_are_arguments(tmp_path):
    """The links pointed at spans of a layer without features, which were no entities: 'arguments that point at no
    entity'. Now each link is an argument (its role the link's role); a zero-width span is no entity (kept for the
    export since session 17), and its link is left out."""
    header = [
        "#FORMAT=WebAnno TSV 3.3",
        "#T_SP=webanno.custom.SimpleSpan|",
        "#T_SP=webanno.custom.SimpleLinkHost|ROLE_webanno.custom.SimpleLinkHost:links_webanno.custom.LinkType|"
        "webanno.custom.SimpleSpan",
        "",
        "",
    ]
    body = [
        "#Text=Rebels shelled the town .",
        "1-1\t0-6\tRebels\t*\t_\t_\t",
        "1-2\t7-14\tshelled\t_\tp1;p1;p2\t1-1;1-4[1];1-4.1\t",
        "1-3\t15-18\tthe\t_\t_\t_\t",
        "1-4\t19-23\ttown\t*[1]\t_\t_\t",
        "1-4.1\t23-23\t\t*\t_\t_\t",
        "1-5\t24-25\t.\t_\t_\t_\t",
    ]
    project = new_project(tmp_path / "p.annotator", annotator="t")
    report = import_format(project, "webanno", [write(tmp_path, "slots.tsv", header + body)])
    assert entities(project) == [("SimpleSpan", "Rebels"), ("SimpleSpan", "town")]
    (doc_id,) = project.document_ids()
    text = project.document(doc_id).text
    by_id = {e.id: text[e.start : e.end] for e in project.entities(doc_id)}
    (event,) = project.events(doc_id)
    assert event.type == "SimpleLinkHost" and text[event.trigger_start : event.trigger_end] == "shelled"
    assert sorted((a.role, by_id[a.entity_id]) for a in event.arguments) == [("p1", "Rebels"), ("p1", "town")]
    said = " | ".join(report.warnings)
    assert "SimpleLinkHost p2 -> 1-4.1" in said, said
    assert any("1 zero-width span (SimpleSpan) kept" in n for n in report.notes), report.notes


def test_a_layer_of_several_features_is_labelled_by_the_one_named_as_a_label_and_its_relations_kept(tmp_path):
    """GUM's coreference corpus (WebAnno TSV 3.2, amir-zeldes/gum coref/gum/tsv): a span layer of three features
    (``Referent|entity|infstat|identity``, nested and stacked spans) and a relation layer between its spans
    (``Coref|type|BT_...Referent``: coref, ana, appos, bridge). The referents and every relation were left out ('which
    has no single feature to label them with', 'whose ends are not entities'): now ``entity`` labels them, the
    relations between them are kept, the other features are said to be left out."""
    lines = [
        "#FORMAT=WebAnno TSV 3.2",
        "#T_SP=webanno.custom.Referent|entity|infstat|identity",
        "#T_RL=webanno.custom.Coref|type|BT_webanno.custom.Referent",
        "",
        "",
        "#Text=Fishermen rescued the crew of a Thai boat",
        "1-1\t0-9\tFishermen\tperson[1]\tnew[1]\t_\tana\t2-1[4_1]\t",
        "1-2\t10-17\trescued\t_\t_\t_\t_\t_\t",
        "1-3\t18-21\tthe\tperson[2]\tnew[2]\t_\t_\t_\t",
        "1-4\t22-26\tcrew\tperson[2]\tnew[2]\t_\t_\t_\t",
        "1-5\t27-29\tof\tperson[2]\tnew[2]\t_\t_\t_\t",
        "1-6\t30-31\ta\tperson[2]|object[3]\tnew[2]|new[3]\t_\t_\t_\t",
        "1-7\t32-36\tThai\tperson[2]|object[3]|place[5]\tnew[2]|new[3]|new[5]\t_\t_\t_\t",
        "1-8\t37-41\tboat\tperson[2]|object[3]\tnew[2]|new[3]\t_\t_\t_\t",
        "",
        "#Text=They waited .",
        "2-1\t42-46\tThey\tperson[4]\tgiv:act[4]\t_\t_\t_\t",
        "2-2\t47-53\twaited\t_\t_\t_\t_\t_\t",
        "2-3\t54-55\t.\t_\t_\t_\t_\t_\t",
        "",
        "#Text=Thailand helped",
        "3-1\t56-64\tThailand\tplace[6]\tnew[6]\tThailand[6]\t_\t_\t",
        "3-2\t65-71\thelped\t_\t_\t_\t_\t_\t",
    ]
    project = new_project(tmp_path / "p.annotator", annotator="t")
    report = import_format(project, "webanno", [write(tmp_path, "gum.tsv", lines)])
    assert entities(project) == [  # person as the news schema spells it (case), the others added to it
        ("PERSON", "Fishermen"),
        ("PERSON", "They"),
        ("PERSON", "the crew of a Thai boat"),
        ("object", "a Thai boat"),
        ("place", "Thai"),
        ("place", "Thailand"),
    ]
    (doc_id,) = project.document_ids()
    (rel,) = project.document(doc_id).meta["webanno"]["relations"]
    assert (rel["layer"], rel["type"], rel["from"], rel["to"]) == (
        "webanno.custom.Coref",
        "ana",
        [42, 46, "PERSON"],  # from the row in the BT_ column, to the row the relation is on
        [0, 9, "PERSON"],
    )
    assert any("Referent's feature entity read as entity labels" in n for n in report.notes), report.notes
    said = " | ".join(report.warnings)
    assert "no single feature" not in said and "other than entity" not in said, said  # session 28: kept
    kept = project.document(doc_id).meta["webanno"]["span_features"]
    assert [0, 9, "PERSON", "webanno.custom.Referent", {"infstat": "new"}] in kept
    assert [56, 64, "place", "webanno.custom.Referent", {"infstat": "new", "identity": "Thailand"}] in kept
    assert any("6 spans with features beside their label" in n for n in report.notes), report.notes


def test_a_letters_project_s_file_value_labels_and_a_span_ends_where_its_last_row_ends(tmp_path):
    """A letters edition's WebAnno TSV 3.3 file (kept as a test input by neuged/webanno_tsv, a Python reader): a layer
    ``LetterEntity|entity_id|value`` (two features: ``value`` labels), rows without the trailing tab, a sentence of
    two ``#Text=`` lines, and an annotation on a token row and then on that token's sub-token row
    (``per-mentioned[3]`` on ``2-3`` and ``2-3.1``): INCEpTION's reader ends it where its last row ends, the
    sub-token ("Bernhard"); ours took the widest extent ("Bernhardischen")."""
    lines = [
        "#FORMAT=WebAnno TSV 3.3",
        "#T_SP=webanno.custom.LetterEntity|entity_id|value",
        "#T_SP=webanno.custom.Tex|LayoutElement",
        "",
        "",
        "#Text=Braun an Gerhard, 10.",
        "1-1\t0-5\tBraun\t*\tPERauthor\t_",
        "1-2\t6-8\tan\t_\t_\t_",
        "1-3\t9-16\tGerhard\t*\tPERaddressee\t_",
        "1-4\t16-17\t,\t_\t_\t_",
        "1-5\t18-20\t10\t*[1]\tDATEletter[1]\t_",
        "1-6\t20-21\t.\t*[1]\tDATEletter[1]\t_",
        "",
        "#Text=März 1832 (Zettel)",
        "#Text=Den Bernhardischen Suidas.",
        "2-1\t22-26\tMärz\t*[1]\tDATEletter[1]\t_",
        "2-2\t27-31\t1832\t*[1]\tDATEletter[1]\t_",
        "2-3\t32-33\t(\t_\t_\tANN[6]",
        "2-4\t33-39\tZettel\t_\t_\tANN[6]",
        "2-5\t39-40\t)\t_\t_\tANN[6]",
        "2-6\t41-44\tDen\t_\t_\t_",
        "2-7\t45-59\tBernhardischen\t*[2]|*[3]\tLIT[2]|per-mentioned[3]\t_\t",
        "2-7.1\t45-53\tBernhard\t*[3]\tper-mentioned[3]\t_\t",
        "2-8\t60-66\tSuidas\t*[2]\tLIT[2]\t_\t",
        "2-9\t66-67\t.\t_\t_\t_",
    ]
    project = new_project(tmp_path / "p.annotator", annotator="t")
    report = import_format(project, "webanno", [write(tmp_path, "letter.tsv", lines)])
    assert entities(project) == [
        ("ANN", "(Zettel)"),
        ("DATEletter", "10.\nMärz 1832"),
        ("LIT", "Bernhardischen Suidas"),
        ("PERaddressee", "Gerhard"),
        ("PERauthor", "Braun"),
        ("per-mentioned", "Bernhard"),
    ]
    assert any("LetterEntity's feature value read as entity labels" in n for n in report.notes), report.notes


def test_an_event_layer_named_as_a_label_of_the_schema_gives_its_event_type(tmp_path):
    """Session 26: a clinical corpus annotated in INCEpTION with TimeML's layers (E3C's shape, read in a public converter
    with the search tool: ``webanno.custom.EVENT`` with ``ALINK`` and ``TLINK`` slots and ``docTimeRel``, ``eventType``,
    ``polarity``; ``webanno.custom.TIMEX3`` with a ``timexLink`` slot). Its events' type, ``EVENT`` (the layer's name),
    is also a label of the news schema (spaCy's ``EVENT``), so it was taken as known and never told: the whole file
    refused in a new project ("event type 'EVENT' is not in the schema"). Our own sentence in that shape."""
    slots = (
        "ROLE_webanno.custom.EVENT:ALINK_webanno.custom.EVENTALINKLink|uima.tcas.Annotation|"
        "ROLE_webanno.custom.EVENT:TLINK_webanno.custom.EVENTTLINKLink|uima.tcas.Annotation"
    )
    none = ["_"] * 11
    lines = [
        "#FORMAT=WebAnno TSV 3.3",
        f"#T_SP=webanno.custom.EVENT|{slots}|docTimeRel|eventType|polarity",
        "#T_SP=webanno.custom.TIMEX3|ROLE_webanno.custom.TIMEX3:timexLink_webanno.custom.TIMEX3TimexLinkLink|"
        "uima.tcas.Annotation|timex3Class|value",
        "",
        "",
        "#Text=She was admitted with fever .",
        "\t".join(["1-1", "0-3", "She", *none, ""]),
        "\t".join(["1-2", "4-7", "was", *none, ""]),
        "\t".join(["1-3", "8-16", "admitted", "_", "_", "_", "_", "BEFORE", "N/A", "POS", "_", "_", "_", "_", ""]),
        "\t".join(["1-4", "17-21", "with", *none, ""]),
        "\t".join(["1-5", "22-27", "fever", "_", "_", "_", "_", "OVERLAP", "N/A", "POS", "_", "_", "_", "_", ""]),
        "\t".join(["1-6", "28-29", ".", *none, ""]),
    ]
    project = new_project(tmp_path / "p.annotator")
    import_format(project, "webanno", [write(tmp_path, "e3c.tsv", lines)])
    (doc_id,) = project.document_ids()
    assert sorted(v.type for v in project.events(doc_id)) == ["EVENT", "EVENT"]
    assert project.schema.event_type("EVENT") is not None and project.schema.label("EVENT") is not None


E3C_SLOTS = (
    "ROLE_webanno.custom.EVENT:ALINK_webanno.custom.EVENTALINKLink|uima.tcas.Annotation|"
    "ROLE_webanno.custom.EVENT:TLINK_webanno.custom.EVENTTLINKLink|uima.tcas.Annotation"
)
E3C_TIMEX = (
    "#T_SP=webanno.custom.TIMEX3|ROLE_webanno.custom.TIMEX3:timexLink_webanno.custom.TIMEX3TimexLinkLink|"
    "uima.tcas.Annotation|timex3Class|value"
)


def _e3c_lines(roles: str = "BEFORE", targets: str = "1-4") -> list[str]:
    """E3C's layers (the row above) with a TIMEX3 span, 'yesterday' (DATE), that the TLINK of 'admitted' points at."""
    none = ["_"] * 11

    def row(*cells: str) -> str:
        return "\t".join([*cells, ""])

    return [
        "#FORMAT=WebAnno TSV 3.3",
        f"#T_SP=webanno.custom.EVENT|{E3C_SLOTS}|docTimeRel|eventType|polarity",
        E3C_TIMEX,
        "",
        "",
        "#Text=She was admitted yesterday with fever .",
        row("1-1", "0-3", "She", *none),
        row("1-2", "4-7", "was", *none),
        row("1-3", "8-16", "admitted", "_", "_", roles, targets, "BEFORE", "OCCURRENCE", "POS", "_", "_", "_", "_"),
        row("1-4", "17-26", "yesterday", *["_"] * 9, "DATE", "2020-01-01"),
        row("1-5", "27-31", "with", *none),
        row("1-6", "32-37", "fever", "_", "_", "_", "_", "OVERLAP", "N/A", "POS", "_", "_", "_", "_"),
        row("1-7", "38-39", ".", *none),
    ]


def _e3c_annotations(project: Project) -> tuple[list[tuple[str, str]], list[tuple]]:
    (doc_id,) = project.document_ids()
    text = project.document(doc_id).text
    by_id = {e.id: text[e.start : e.end] for e in project.entities(doc_id)}
    events = sorted(
        (v.type, text[v.trigger_start : v.trigger_end], sorted((a.role, by_id[a.entity_id]) for a in v.arguments))
        for v in project.events(doc_id)
    )
    return entities(project), events


def test_e3c_s_timex3_spans_a_tlink_points_at_are_entities_labelled_by_their_class(tmp_path):
    """Session 27: E3C's TIMEX3 layer has a slot of its own (``timexLink``), so its spans came in as events of a type
    ``TIMEX3`` (with the news schema's default attributes), the EVENT's ``TLINK`` to one said as "arguments that point
    at no entity" and lost, and ``timex3Class`` said as not kept. A slot layer whose spans another layer's slot links
    point at is read as entities, labelled by the feature that names the layer's own class (``timex3Class``: ``DATE``,
    the news schema's label); the TLINK is the event's argument, and the WebAnno TSV export writes both back."""
    project = new_project(tmp_path / "p.annotator")
    report = import_format(project, "webanno", [write(tmp_path, "e3c.tsv", _e3c_lines())])
    want = (
        [("DATE", "yesterday")],
        [("EVENT", "admitted", [("BEFORE", "yesterday")]), ("EVENT", "fever", [])],
    )
    assert _e3c_annotations(project) == want
    assert project.schema.event_type("TIMEX3") is None
    said = " | ".join(report.warnings)
    assert "point at no entity" not in said and "TIMEX3 timex3Class" not in said, said
    assert "value=2020-01-01" not in said, said  # kept since session 28 (test_e3c_s_timex3_value_is_kept)
    out = tmp_path / "out"
    api.export(project, out, "webanno")
    again = new_project(tmp_path / "again.annotator")
    import_format(again, "webanno", sorted(out.glob("*.tsv")))
    assert _e3c_annotations(again) == want
    assert any(
        line.startswith("#T_SP=webanno.custom.TIMEX3|") for line in next(out.glob("*.tsv")).read_text().split("\n")
    )


def test_e3c_s_tlink_from_one_event_to_another_is_a_nested_event_argument(tmp_path):
    """Session 27: E3C's TLINK from one EVENT to another (TimeML's event-event link, 'admitted' AFTER 'fever') was said
    as "arguments that point at no entity (a EVENT span)" and lost. It is an argument filled by the span that stands
    for the other event, as brat's ``Event-Arg:E2`` (``brat_conf.PROXY_SOURCE``): the brat export writes ``AFTER:E…``,
    and the WebAnno TSV export and its import keep it."""
    project = new_project(tmp_path / "p.annotator")
    report = import_format(project, "webanno", [write(tmp_path, "e3c.tsv", _e3c_lines("BEFORE;AFTER", "1-4;1-6"))])
    want = [("EVENT", "admitted", [("AFTER", "fever"), ("BEFORE", "yesterday")]), ("EVENT", "fever", [])]
    assert _e3c_annotations(project)[1] == want
    assert "point at no entity" not in " | ".join(report.warnings), report.warnings
    brat = tmp_path / "brat"
    api.export(project, brat, "brat")
    ann = next(brat.glob("*.ann")).read_text()
    e_lines = sorted(line.split("\t")[1] for line in ann.split("\n") if line.startswith("E"))
    assert [x.split()[1:] for x in e_lines if len(x.split()) > 1] == [["BEFORE:T1", "AFTER:E2"]], ann
    out = tmp_path / "out"
    api.export(project, out, "webanno")
    again = new_project(tmp_path / "again.annotator")
    import_format(again, "webanno", sorted(out.glob("*.tsv")))
    assert _e3c_annotations(again)[1] == want


def test_e3c_s_event_features_are_event_attributes(tmp_path):
    """Session 27: E3C's EVENT layer gives the type by its name, and its features ``docTimeRel`` and ``eventType`` were
    said as "features of layer webanno.custom.EVENT other than its type" and lost (``polarity`` came in: the news
    schema has it). A layer whose name is its events' type has no type feature: its features are the events'
    attributes, told as those of our own export's layer are, and the WebAnno TSV export writes them back."""

    def attributes(project: Project) -> list[dict[str, str]]:
        (doc_id,) = project.document_ids()
        return sorted((v.attributes for v in project.events(doc_id)), key=lambda x: x.get("docTimeRel", ""))

    project = new_project(tmp_path / "p.annotator")
    report = import_format(project, "webanno", [write(tmp_path, "e3c.tsv", _e3c_lines())])
    want = [
        {"docTimeRel": "BEFORE", "eventType": "OCCURRENCE", "polarity": "POS"},
        {"docTimeRel": "OVERLAP", "eventType": "N/A", "polarity": "POS"},
    ]
    assert attributes(project) == want
    assert not any("other than its type" in w for w in report.warnings), report.warnings
    assert project.schema.attribute("eventType").values == ("OCCURRENCE", "N/A")
    out = tmp_path / "out"
    api.export(project, out, "webanno")
    again = new_project(tmp_path / "again.annotator")
    import_format(again, "webanno", sorted(out.glob("*.tsv")))
    assert attributes(again) == want


E3C_RML = (
    "#T_SP=webanno.custom.RML|ROLE_webanno.custom.RML:PERTAINSTO_webanno.custom.RMLPERTAINSTOLink|uima.tcas.Annotation"
)


def _e3c_file(tmp_path: Path, name: str, text: str, marks: dict[str, list[str]]) -> Path:
    """A file of E3C's three layers with slots (EVENT: ALINK, TLINK, docTimeRel, eventType, polarity; TIMEX3:
    timexLink, timex3Class, value; RML: PERTAINSTO) over ``text``'s words, ``marks`` giving a word's 13 cells."""
    words, rows, at = text.split(" "), [], 0
    for k, word in enumerate(words, start=1):
        cells = marks.get(word, ["_"] * 13)
        rows.append("\t".join([f"1-{k}", f"{at}-{at + len(word)}", word, *cells, ""]))
        at += len(word) + 1
    header = ["#FORMAT=WebAnno TSV 3.3", f"#T_SP=webanno.custom.EVENT|{E3C_SLOTS}|docTimeRel|eventType|polarity"]
    return write(tmp_path, name, [*header, E3C_TIMEX, E3C_RML, "", "", f"#Text={text}", *rows])


def _event(tlink: str = "_", target: str = "_") -> list[str]:
    return ["_", "_", tlink, target, "BEFORE", "OCCURRENCE", "POS", "_", "_", "_", "_", "_", "_"]


def _timex(link: str = "_", target: str = "_") -> list[str]:
    return ["_"] * 7 + [link, target, "DATE", "2020-01-01", "_", "_"]


def test_e3c_s_timex3_layer_is_read_one_way_across_a_folder_and_beside_links_back(tmp_path):
    """Session 27: the TIMEX3 spans were read as entities only where a TLINK pointed at one in the same file: a
    document whose TIMEX3 spans no TLINK points at read them as events of a type TIMEX3 again, and one whose TIMEX3
    links back to an event (E3C's timexLink, TIMEX3 to EVENT) as well, so a corpus came in both ways; a layer that
    points at EVENT (E3C's RML, PERTAINSTO) made EVENT's spans entities. The layers' links are weighed over the
    folder's files: a layer another points at more often than it points back, whose own links are fewer, is read as
    entities, in every file."""
    folder = tmp_path / "e3c"
    folder.mkdir()
    _e3c_file(
        folder, "a.tsv", "She was admitted yesterday .", {"admitted": _event("BEFORE", "1-4"), "yesterday": _timex()}
    )
    _e3c_file(folder, "b.tsv", "He left today .", {"left": _event(), "today": _timex()})
    _e3c_file(
        folder,
        "c.tsv",
        "Fever rose today to 39 and fell .",
        {
            "rose": _event("OVERLAP", "1-3"),
            "fell": _event("AFTER", "1-3"),
            "today": _timex("BEGINS", "1-2"),
            "39": ["_"] * 11 + ["PERTAINSTO", "1-2"],
        },
    )
    project = new_project(tmp_path / "p.annotator")
    report = import_format(project, "webanno", [folder])
    got = {}
    for doc_id in project.document_ids():
        text = project.document(doc_id).text
        by_id = {e.id: text[e.start : e.end] for e in project.entities(doc_id)}
        got[project.document(doc_id).name] = (
            sorted((e.label, text[e.start : e.end]) for e in project.entities(doc_id)),
            sorted(
                (
                    v.type,
                    text[v.trigger_start : v.trigger_end],
                    sorted((a.role, by_id[a.entity_id]) for a in v.arguments),
                )
                for v in project.events(doc_id)
            ),
        )
    assert got["a"] == ([("DATE", "yesterday")], [("EVENT", "admitted", [("BEFORE", "yesterday")])])
    assert got["b"] == ([("DATE", "today")], [("EVENT", "left", [])])
    assert got["c"][0] == [("DATE", "today"), ("EVENT", "rose")]  # the event RML's link points at, as an argument
    assert [(t, w) for t, w, _ in got["c"][1]] == [("EVENT", "fell"), ("EVENT", "rose"), ("RML", "39")]
    assert project.schema.event_type("TIMEX3") is None
    assert any("slot links of layer webanno.custom.TIMEX3" in w for w in report.warnings), report.warnings
