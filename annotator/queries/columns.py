"""The columns of an entity's and an event's row, in the order an insert binds them (``db.insert_span_values``,
``db.insert_event_values``) and a copy reads them (``queries.merging``)."""

ENTITY_COLUMNS = (
    "document_id",
    "annotation_set",
    "start",
    "end",
    "label",
    "state",
    "source",
    "annotator",
    "edited",
    "score",
    "created_at",
    "updated_at",
)
EVENT_COLUMNS = (
    "document_id",
    "annotation_set",
    "type",
    "trigger_start",
    "trigger_end",
    "attributes",
    "state",
    "source",
    "score",
    "alternatives",
    "edited",
    "annotator",
    "created_at",
    "updated_at",
)
