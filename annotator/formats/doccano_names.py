"""The names the doccano import and the doccano exports (``regions_out``, ``doccano_tables_out``) share. The reader
is ``doccano``; the writers import this module, never the reader."""

from __future__ import annotations

DOCCANO_ID = "doccano_id"  # the document meta's key of the line id the import kept (the export writes it back)
