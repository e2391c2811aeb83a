"""An annotation set's name in every table that keeps it (entities, events, the model's original suggestions merge
carried, the record of the files a set was merged from): counted, renamed, or the set's rows deleted (``teams.
set_names``, inside its caller's transaction)."""

from __future__ import annotations

import sqlite3

SET_TABLES = ("entities", "events", "merged_suggestions", "merge_sources")  # every table with an annotation_set


class SetNameRows:
    conn: sqlite3.Connection

    def set_row_counts(self) -> dict[str, tuple[int, int, int]]:
        """Each set of entities or events -> (documents it has rows in, entities, events)."""
        out: dict[str, list[int]] = {}
        for name, n in self.conn.execute("SELECT annotation_set, count(*) FROM entities GROUP BY annotation_set"):
            out.setdefault(name, [0, 0, 0])[1] = n
        for name, n in self.conn.execute("SELECT annotation_set, count(*) FROM events GROUP BY annotation_set"):
            out.setdefault(name, [0, 0, 0])[2] = n
        for name, n in self.conn.execute(
            "SELECT annotation_set, count(DISTINCT document_id) FROM (SELECT annotation_set, document_id FROM entities "
            "UNION SELECT annotation_set, document_id FROM events) GROUP BY annotation_set"
        ):
            out[name][0] = n
        return {k: (v[0], v[1], v[2]) for k, v in sorted(out.items())}

    def rename_set_rows(self, old: str, new: str) -> tuple[int, int]:
        """Every row of set ``old`` named ``new`` (in the open transaction); (entities, events) renamed."""
        moved = {}
        for table in SET_TABLES:
            sql = f"UPDATE {table} SET annotation_set = ? WHERE annotation_set = ?"
            moved[table] = self.conn.execute(sql, (new, old)).rowcount
        return moved["entities"], moved["events"]

    def delete_set(self, name: str) -> tuple[int, int]:
        """Delete set ``name``'s entities, events, their arguments and its other records (in the open transaction);
        (entities, events) deleted."""
        self.conn.execute(
            "DELETE FROM arguments WHERE event_id IN (SELECT id FROM events WHERE annotation_set = ?)", (name,)
        )
        events = self.conn.execute("DELETE FROM events WHERE annotation_set = ?", (name,)).rowcount
        entities = self.conn.execute("DELETE FROM entities WHERE annotation_set = ?", (name,)).rowcount
        for table in ("merged_suggestions", "merge_sources"):
            self.conn.execute(f"DELETE FROM {table} WHERE annotation_set = ?", (name,))
        return entities, events
