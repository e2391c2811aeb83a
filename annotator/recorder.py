"""Record the rows an edit touches, write them in one transaction with a change-log row, and undo/redo."""

from __future__ import annotations

import sqlite3
from typing import Any, Callable

import orjson

from annotator.categories import CATEGORY_LIST, list_step_again
from annotator.db import insert_sql
from annotator.errors import AnnotatorError, StaleChangeError
from annotator.model import Change, RowChange
from annotator.stale_steps import stale_said
from annotator.store import Project, now

# parents before children: inserts run in this order, deletes in the reverse
TABLE_ORDER = ("project", "documents", "entities", "events", "arguments", "comments")
# the project's values (key, value: its list of categories, say): a row is named by its rowid, which an edit keeps
# (``ProjectDb.set_project_value`` updates a key in place), so undo and redo find it again
VALUES = "project"


def _id_column(table: str) -> str:
    return "rowid" if table == VALUES else "id"


def _row(project: Project, table: str, id: int) -> dict[str, Any] | None:
    """A row as the change log records it; a document's text is left out (edits never change it)."""
    if table == VALUES:
        r = project.db.conn.execute("SELECT key, value FROM project WHERE rowid = ?", (id,)).fetchone()
        return {"key": r[0], "value": r[1]} if r is not None else None
    if table != "documents":
        return project.row(table, id)
    cols = getattr(project, "_recorded_document_columns", None)
    if cols is None:
        cur = project.db.conn.execute("SELECT * FROM documents LIMIT 0")
        cols = [c[0] for c in cur.description if c[0] != "text"]
        project._recorded_document_columns = cols  # type: ignore[attr-defined]
    r = project.db.conn.execute(
        f"SELECT {', '.join(f'[{c}]' for c in cols)} FROM documents WHERE id = ?", (id,)
    ).fetchone()
    return dict(zip(cols, r)) if r is not None else None


class EditRecorder:
    """Collects row changes inside one open transaction of ``project``."""

    def __init__(self, project: Project, action: str, document_id: int) -> None:
        self.project = project
        self.action = action
        self.document_id = document_id
        self.rows: dict[tuple[str, int], RowChange] = {}
        self.result_id: int | None = None

    def _note(self, table: str, id: int, before: dict[str, Any] | None, after: dict[str, Any] | None) -> None:
        key = (table, id)
        if key in self.rows:  # keep the first "before" and the last "after"
            before = self.rows[key].before
        self.rows[key] = RowChange(table, id, before, after)

    def insert(self, table: str, values: dict[str, Any]) -> int:
        cols = list(values)
        cur = self.project.db.conn.execute(insert_sql(table, cols), [values[c] for c in cols])
        new_id = int(cur.lastrowid)
        self._note(table, new_id, None, _row(self.project, table, new_id))
        return new_id

    def update(self, table: str, id: int, values: dict[str, Any]) -> None:
        before = _row(self.project, table, id)
        if before is None:
            raise AnnotatorError(f"no {table[:-1]} with id {id}")
        if all(before.get(k) == v for k, v in values.items()):
            return
        sets = ", ".join(f"[{c}] = ?" for c in values)
        self.project.db.conn.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", [*values.values(), id])
        self._note(table, id, before, _row(self.project, table, id))

    def delete(self, table: str, id: int) -> None:
        before = _row(self.project, table, id)
        if before is None:
            raise AnnotatorError(f"no {table[:-1]} with id {id}")
        self.project.db.conn.execute(f"DELETE FROM [{table}] WHERE id = ?", (id,))
        self._note(table, id, before, None)

    def set_value(self, key: str, value: str) -> None:
        """Set the project's value ``key`` (the one edit of the project itself: its list of categories), recorded."""
        conn = self.project.db.conn
        found = conn.execute("SELECT rowid, value FROM project WHERE key = ?", (key,)).fetchone()
        if found is None:
            rowid = int(conn.execute("INSERT INTO project (key, value) VALUES (?, ?)", (key, value)).lastrowid)
            self._note(VALUES, rowid, None, {"key": key, "value": value})
        elif found[1] != value:
            conn.execute("UPDATE project SET value = ? WHERE rowid = ?", (value, found[0]))
            self._note(VALUES, found[0], {"key": key, "value": found[1]}, {"key": key, "value": value})

    def touch_document(self) -> None:
        """A document that is still ``new`` becomes ``in_progress`` with its first edit."""
        doc = _row(self.project, "documents", self.document_id)
        if doc is None:
            raise AnnotatorError(f"no document with id {self.document_id}")
        if doc["status"] == "new":
            self.update("documents", self.document_id, {"status": "in_progress", "updated_at": now()})

    def finish(self) -> Change:
        change = Change(self.action, self.document_id, tuple(self.rows.values()), self.result_id)
        if change.rows:
            log_change(self.project, change, self.action)
        return change


def log_change(project: Project, change: Change, action: str) -> None:
    rows = [{"table": r.table, "id": r.id, "before": r.before, "after": r.after} for r in change.rows]
    project.db.log_changes([(now(), project.annotator, change.document_id, action, orjson.dumps(rows).decode())])


def run_edit(project: Project, action: str, document_id: int, body: Callable[[EditRecorder], None]) -> Change:
    """Run ``body(recorder)`` in one transaction and return the Change it made."""
    try:
        with project.transaction():
            rec = EditRecorder(project, action, document_id)
            body(rec)
            return rec.finish()
    except sqlite3.IntegrityError as exc:  # e.g. another window deleted a row this edit points at
        raise AnnotatorError(
            f"cannot {action}: the change conflicts with the project as it is now ({exc}; another window or "
            "process may have changed it); nothing was changed"
        ) from None


def _apply_states(project: Project, change: Change, use_after: bool, action: str) -> Change:
    try:
        return _apply_states_in_transaction(project, change, use_after, action)
    except sqlite3.IntegrityError as exc:
        raise AnnotatorError(
            f"cannot {action.split(':')[0]} '{change.action}': other annotations depend on it ({exc}); nothing was changed"
        ) from None


def _apply_states_in_transaction(project: Project, change: Change, use_after: bool, action: str) -> Change:
    conn = project.db.conn
    with project.transaction():
        current: dict[tuple[str, int], dict | None] = {}
        lists = [r for r in change.rows if _is_category_list(r)]  # made again over the list as it is now
        rows = [r for r in change.rows if not _is_category_list(r)]
        for r in rows:  # refuse if someone else changed these rows meanwhile
            current[(r.table, r.id)] = now_row = _row(project, r.table, r.id)
            if now_row != (r.before if use_after else r.after):
                said = stale_said(project, r.table, r.before if use_after else r.after, now_row)
                if said:  # a span or an event in the person's words; the step's own name is the window's to say
                    raise StaleChangeError(f"cannot {action.split(':')[0]}: {said}")
                named = (now_row or r.before or {}).get("name") if r.table == "documents" else None
                what = (
                    f"the project's value {(r.before or r.after or {}).get('key')!r} was changed elsewhere"
                    if r.table == VALUES
                    # a document by its name (its id is seen nowhere), and what changes one: a merge its window made
                    # was "elsewhere" too (session 36)
                    else f"{named} was changed since (a merge, or an edit of another program)"
                    if named
                    else f"the {r.table[:-1]} {r.id} was changed elsewhere"
                )
                raise StaleChangeError(f"cannot {action.split(':')[0]} '{change.action}': {what}")
        order = {t: i for i, t in enumerate(TABLE_ORDER)}
        targets = [(r, r.after if use_after else r.before) for r in rows]
        # rows made and changed first (parents before children), then rows taken away (children before parents): an
        # argument moved off a span the same step deletes points elsewhere before it goes (the undo of a role filled
        # by words in place of its filler, Alt+N, deleted the new span first and was refused, session 31)
        for r, state in sorted(targets, key=lambda x: order[x[0].table]):
            if state is None:
                continue
            cols = list(state)
            if current[(r.table, r.id)] is None:
                if r.table == VALUES:  # its rowid again: a redo after an undo finds the same row
                    conn.execute(insert_sql(r.table, ["rowid", *cols]), [r.id, *(state[c] for c in cols)])
                else:
                    conn.execute(insert_sql(r.table, cols), [state[c] for c in cols])
            else:
                conn.execute(
                    f"UPDATE [{r.table}] SET {', '.join(f'[{c}] = ?' for c in cols)} WHERE {_id_column(r.table)} = ?",
                    [*(state[c] for c in cols), r.id],
                )
        for r, state in sorted(targets, key=lambda x: -order[x[0].table]):
            if state is None:
                conn.execute(f"DELETE FROM [{r.table}] WHERE {_id_column(r.table)} = ?", (r.id,))
        written = {id(r): _list_step(project, r, use_after) for r in lists}
        flipped = Change(
            change.action,
            change.document_id,
            tuple(
                written[id(r)]  # what was written: the change log's rows replay to the file
                if id(r) in written
                else RowChange(r.table, r.id, r.before, r.after)
                if use_after
                else RowChange(r.table, r.id, r.after, r.before)
                for r in change.rows
            ),
            change.result_id,
        )
        log_change(project, flipped, action)
    return flipped


def _is_category_list(r: RowChange) -> bool:
    return r.table == VALUES and (r.before or r.after or {}).get("key") == CATEGORY_LIST


def _list_step(project: Project, r: RowChange, use_after: bool) -> RowChange:
    """Undo (or redo) one step of the project's list of categories over the list as it is now, in the open
    transaction: the names the step added taken off (put back), those it took off put back (taken off), every other
    name as it is now (``categories.list_step_again``). The row is found by its key and never deleted (an undone
    first tick leaves an empty list): its rowid, once free, was given to the next project value written (a kept
    edit's landing mark), and the redo met that value (refused as changed elsewhere, the step dropped), or failed for
    ever on the key's uniqueness. Whole rows were compared before: once another window ticked a new category of its
    own (an import, a merge brought some), a tick's undo was refused and the app dropped the step: the document's
    own tick could not be taken back by Ctrl+Z. Returns the row change written."""
    conn = project.db.conn
    found = conn.execute("SELECT rowid, value FROM project WHERE key = ?", (CATEGORY_LIST,)).fetchone()
    start, end = (r.before, r.after) if use_after else (r.after, r.before)
    now, step_from, step_to = (
        found[1] if found else None,
        start["value"] if start else None,
        end["value"] if end else None,
    )
    if now == step_from and step_to is not None:
        value = step_to  # nothing changed it since: exactly as the step found (left) it, in its order
    else:
        value = list_step_again(now, step_from, step_to)
    after = {"key": CATEGORY_LIST, "value": value}
    if found is None:
        rowid = int(conn.execute("INSERT INTO project (key, value) VALUES (?, ?)", (CATEGORY_LIST, value)).lastrowid)
        return RowChange(VALUES, rowid, None, after)
    conn.execute("UPDATE project SET value = ? WHERE rowid = ?", (value, found[0]))
    return RowChange(VALUES, int(found[0]), {"key": CATEGORY_LIST, "value": found[1]}, after)


def undo(project: Project, change: Change) -> Change:
    """Put back every row ``change`` touched as it was before (same ids); returns the inverse change."""
    return _apply_states(project, change, use_after=False, action=f"undo:{change.action}")


def redo(project: Project, change: Change) -> Change:
    """Apply ``change`` again after an undo, restoring the same ids."""
    return _apply_states(project, change, use_after=True, action=f"redo:{change.action}")
