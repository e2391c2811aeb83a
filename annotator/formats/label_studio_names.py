"""The names the Label Studio import and the doccano and Label Studio exports (``regions_out``) share: the document
meta's keys the import keeps and the export writes back, and the tags and task keys the export writes. The reader is
``label_studio``; the writer imports this module, never the reader."""

from __future__ import annotations

REGION_CHOICES = (
    "label_studio_choices"  # the meta key of the choices on entity regions: [{"on", "from_name", "choices"}]
)
CHOICES_TAG = "category"  # the name of the Choices tag the export writes a document's categories under by default


TASK_ID = "label_studio_id"  # the document meta's key of the task id the import kept (the export writes it back)
LEFT_AS = "status"  # the task meta's key of the status an unfinished document left with (the export writes it)
