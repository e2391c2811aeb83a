"""Session 28: BioNLP-ST 2013 CG's `annotation.conf` (brat's `configurations/`) lists its abstract parents
(`!Anatomical_entity`, `!Material_anatomical_entity`) in a macro every anatomy role uses: each role was said as naming
"unknown type 'Anatomical_entity'", a declared type, and the types the conf never declares (`Organ_system`) went
unnamed behind it. An abstract type admits no annotation (brat matches a role's types exactly), so it leaves the role
without a word; the undeclared ones are named, all of them. Our own conf in its shape."""

from __future__ import annotations

from pathlib import Path

from annotator.formats.brat_conf import conf_schema

CONF = """[entities]
!Anatomical_entity
 !Material_anatomical_entity
  Organism
  Cell
Gene_or_gene_product

[relations]

[events]
<ANATOMY>=Anatomical_entity|Material_anatomical_entity|Organ_system|Cell|Embryonic_structure
!Cell_or_tissue_production_or_breakdown
\tDevelopment\tTheme:Organism|<ANATOMY>
\tCell_proliferation\tTheme:Cell|Anatomical_entity
Gene_expression\tTheme+:Gene_or_gene_product

[attributes]
"""


def test_an_abstract_type_leaves_a_role_without_a_word_and_undeclared_ones_are_named():
    schema, warnings = conf_schema(CONF, Path("annotation.conf"))
    roles = {(e.name, r.name): list(r.labels) for e in schema.events for r in e.roles}
    assert roles[("Development", "Theme")] == ["Organism", "Cell"]
    assert roles[("Cell_proliferation", "Theme")] == ["Cell"]
    assert warnings == [
        "annotation.conf:13: role Theme of Development names types the conf does not declare ('Organ_system', "
        "'Embryonic_structure'); left out"
    ]
