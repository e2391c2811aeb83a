"""The main window's files and background work: new/open/recent projects, import, export and the workers that run
them, pre-annotation's too (a mixin of MainWindow, split from it to keep each file to one job; what pre-annotates is
``window_preannotation``'s)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable


from annotator import filesystems, kept_messages, shm_holders, whereabouts
from annotator.errors import SaveError
from annotator.wording import first_named
from annotator.learn.copy_models import ModelsCopied, models_to_copy
from ui import file_dialogs
from ui.plain import no_mnemonic
from ui.project_files import PROJECT_FILTER, still_there
from ui.workers import CopyModelsWorker, ExportWorker, ImportFormatWorker, ImportWorker, PreannotateWorker, Worker

CANCELLING = "cancelling…"  # the progress line from a Cancel on, until the work stops

if TYPE_CHECKING:  # pragma: no cover
    from ui.window_parts import WindowParts as _Window
else:
    _Window = object  # a part of the window: what it takes from the rest is WindowParts


class FilesAndWork(_Window):
    """Methods of MainWindow that open files and run workers (``self`` is the MainWindow)."""

    # -- files ---------------------------------------------------------------------------------------------
    def start_folder(self) -> str:
        """Where the file dialogs open: the open project's folder, else the last project's, else the home folder (they
        opened in the folder the app was started from: a checkout, or / from a desktop launcher)."""
        c = self.controller
        recent = self.settings.recent_projects()
        where = c.project.path if c.project is not None else Path(recent[0]) if recent else None
        if where is not None and where.parent.is_dir():
            return str(where.parent)
        return str(Path.home())

    def say_open_elsewhere(self, at_open: bool = False) -> None:
        """A second app (or window) on the file works, each showing the other's edits after its poll, but nothing
        said so (round 13, docs/reliability.md): the open names the other live opens of this user
        (``whereabouts.live_opens``) and another user's programs that have it open (``shm_holders.other_users_opens``;
        a teammate's open of a shared project was named nowhere, round 14), and the poll that first reads a commit of
        another connection names those opened since (each program once: ``opens_named``). ``at_open``: a project on
        a network share says so too, what cannot be seen there (another machine's open) and what to do (round 15)."""
        p = self.controller.project
        if p is None or p.read_only:
            return
        pids = [pid for pid in whereabouts.live_opens(p.identity) if pid not in self.opens_named]
        users = [(name, pid) for name, pid in shm_holders.other_users_opens(p.path) if pid not in self.opens_named]
        share = filesystems.network_share(p.path) if at_open else None
        if not pids and not users and share is None:
            return
        self.opens_named.update(pids, (pid for _, pid in users))
        users_said = first_named([f"{name} (pid {pid})" for name, pid in users], 3)
        if pids:
            listed = ", ".join(str(p) for p in pids[:3]) + (", …" if len(pids) > 3 else "")
            said = f"Open in another program too (pid {listed})" + (f", and by {users_said}" if users else "")
        else:
            said = f"Open by {users_said} too"
        notes = [] if share is None else [filesystems.share_note(share)]
        if pids or users:
            whose = "their" if users else "its"
            notes.insert(0, f"{said}: {whose} edits show here within seconds; Ctrl+Z takes back this window's own")
        self.show_note(line := "; ".join(notes))
        # ended when every program it names has quit (it stayed until the selection changed: session 27)
        named = frozenset(pids) | frozenset(pid for _, pid in users)
        self._open_note = (line, named) if named and share is None else None

    _open_note: tuple[str, frozenset[int]] | None = None  # the line naming other programs' opens, and their pids

    def end_open_note_when_gone(self) -> None:
        """At each poll while the line names other programs' opens (``say_open_elsewhere``): once none of them has the
        file open any more, the line tells the selection and the work again (``end_note``; a message since stays)."""
        said, p = self._open_note, self.controller.project
        if said is None:
            return
        live = set() if p is None else set(whereabouts.live_opens(p.identity))
        live |= {pid for _, pid in shm_holders.other_users_opens(p.path)} if p is not None else set()
        if not said[1] & live:
            self._open_note = None
            self.end_note(said[0])

    def new_project(self) -> None:
        start = str(Path(self.start_folder()) / "project.annotator")
        path, _ = file_dialogs.save_file_name(self, "New project", start, PROJECT_FILTER)
        self.back_to_text()
        if path:
            self.open_project(path)

    def save_copy_of_project(self) -> None:
        """File > Save a copy… (Ctrl+Shift+S), and the moved-file bar's: the open project written to a file the person
        names, then open there, at the document and caret left here: a project deleted while open was lost at the
        close (its message spoke of "the file", which was no more). The one open is closed first: its -wal and -shm
        names may be the copy's. Its trained models (its versions and the models kept aside for it,
        ``copy_models.models_to_copy``) go with it, copied by a worker with its progress and a cancel (they held the
        window while a few hundred MB went to a stick: session 41); the copy is opened once they are there, or the
        line says where they were left. Refused with a line, nothing written, while work that writes runs or edits
        wait for another program's write (the copy would lack them), or onto the open file itself."""
        c = self.controller
        if c.project is None:
            return
        if (refused := self._copy_refused()) is not None:
            self.show_note(refused)
            return
        here = c.project.path
        start = here if c.project.stopped is not None else here.with_name(f"{here.stem} copy{here.suffix}")
        path, _ = file_dialogs.save_file_name(self, "Save a copy of the project", str(start), PROJECT_FILTER)
        self.back_to_text()
        if not path:
            return
        if c.project.stopped is None and Path(path).resolve() == here.resolve():
            self.show_note(f"Not saved: {here.name} is the project open here; a copy needs a name of its own")
            return
        try:
            saved = c.project.save_copy(path)
        except SaveError as exc:
            self.alert("Copy not saved", str(exc))
            return
        models = models_to_copy(c.project)
        self.wait_for_workers(1500)  # the reading ones (Agreement's scores): stopping them loses nothing
        self.carry_place(saved)  # the copy opens at the document and the caret the person was at
        c.close_project()
        if models.empty:
            self._open_copy(saved, ModelsCopied([]))
            return
        worker = CopyModelsWorker(saved, models)
        # the line while they are copied: it said "No project open: File > New project… makes one" (a screenshot)
        said = f"{saved.name} is saved; it opens once its trained models are copied beside it (Cancel: without them)"
        self.start_worker(worker, after=lambda: self._open_copy(saved, worker.copied), said_before=said)

    def _copy_refused(self) -> str | None:
        """Why Save a copy… cannot be made now (one line), else None: work that writes to the project runs (the copy
        would lack what it writes after, and the close for the copy would stop it), or edits wait for another
        program's write (not in the file yet)."""
        kept = self.controller.edits_waiting()
        if kept and not self.controller.kept.wait_for_reopen():
            return kept_messages.close_project_waits(kept, "Not saved as a copy", "save a copy")
        running = [w for w in self.workers if w.isRunning() and not w.reads_only]
        if running:
            return (
                f"Not saved as a copy: {running[0].title} is still running; Alt+C cancels it (what it finished is "
                "kept), then save a copy"
            )
        return None

    def _open_copy(self, saved: Path, models: ModelsCopied | None) -> None:
        """The copy opened once its models are beside it (``models``, what their copy did), and said; another project
        opened meanwhile is left open, the line naming the copy."""
        c = self.controller
        if not self.isVisible():  # the window closed while they were copied (Quit stops the copy): nothing to open
            return
        if models is None:  # the worker ended before its copy (never seen): said as models not copied
            models = ModelsCopied([], "its trained models were not copied")
        if c.project is not None:  # opened while the models were copied: not taken away from the person
            c.report_status(f"A copy of the project is saved as {saved} (File > Open project… opens it)")
            if models.left_behind:
                self.alert("Trained models not copied", f"{saved.name} is saved, but {models.left_behind}")
            return
        if not self.open_project(saved):
            return
        if models.left_behind:  # the whole line in a box: on the status line its paths are cut at 1366
            self.alert("Trained models not copied", f"{saved.name} is saved and open, but {models.left_behind}")
            return
        parts, many = [], len(models.versions) > 1
        if models.versions:
            parts.append(f"its trained model version{'s' if many else ''} {', '.join(map(str, models.versions))}")
        if models.kept:
            parts.append(f"the model{'s' if len(models.kept) > 1 else ''} kept aside for it")
        with_models = f", with {' and '.join(parts)}," if parts else ""
        c.report_status(f"A copy of the project{with_models} is saved as {saved}; it is the one open now")

    def open_project_dialog(self) -> None:
        path, _ = file_dialogs.open_file_name(self, "Open project", self.start_folder(), PROJECT_FILTER)
        self.back_to_text()
        if path:
            self.open_project(path)

    def close_project_asked(self) -> None:
        """File > Close project: the project file closed, the window left as at a start with none open (its title
        "Annotator", what needs a project off, the line saying how to open one), to open another in it. Refused with a
        line, the project left open, while edits kept for another program's write wait (they would be lost) or work
        that writes runs (an import, a pre-annotation: Alt+C cancels it); a worker that only reads is stopped."""
        c = self.controller
        if c.project is None:
            return
        kept = c.edits_waiting()
        if kept and not c.kept.wait_for_reopen():  # kept for a file renamed meanwhile: in the journal beside it
            self.show_note(kept_messages.close_project_waits(kept))
            return
        if not self.confirm_lose_only_copy():  # deleted or replaced while open: the only copy of its work
            return
        running = [w for w in self.workers if w.isRunning() and not w.reads_only]
        if running:
            self.show_note(
                f"Not closed: {running[0].title} is still running; Alt+C cancels it (what it finished is kept), "
                "then close the project"
            )
            return
        self.wait_for_workers(1500)  # the reading ones (Agreement's scores): stopping them loses nothing
        self.remember_place()  # opened again, the project shows the document left here
        c.close_project()
        self.forget_note()  # a message of the project closed (an export's summary, an error, a key's note) is not
        self.clear_line()  # this state's: the line says how to open one (an export's summary stayed over it)
        self.describe_current_entity()
        self.back_to_text()

    def fill_recent_menu(self) -> None:
        """File > Open recent as it opens: each project, one no longer there marked "(not found: …)" (told by
        ``still_there``, which opens no file: closing a descriptor of the open project would drop its SQLite locks),
        and then an entry that takes those off the list. Each entry's data is its path."""
        self.recent_menu.clear()
        gone: list[str] = []
        for p in self.settings.recent_projects():
            there = still_there(p)
            act = self.recent_menu.addAction(no_mnemonic(p if there else f"{p} (not found: moved, renamed or deleted)"))
            act.setData(p)
            act.triggered.connect(lambda _c=False, path=p: self.open_recent(path))
            if not there:
                gone.append(p)
        if gone:
            self.recent_menu.addSeparator()
            forget = self.recent_menu.addAction(
                f"Remove the {len(gone)} not found from the list" if len(gone) > 1 else "Remove the one not found"
            )
            forget.triggered.connect(lambda _c=False, paths=tuple(gone): self.settings.remove_recent(paths))
        if not self.recent_menu.actions():
            self.recent_menu.addAction("(none)").setEnabled(False)

    def open_recent(self, path: str) -> None:
        """A project of File > Open recent, opened where it was; one no longer there (moved, renamed or deleted since)
        is said and taken off the list, and no new, empty project is made at its name (as if the work were gone)."""
        if not still_there(path):
            self.settings.remove_recent([path])
            self.alert(
                "Cannot open project",
                f"{path}: no project file there any more (moved, renamed or deleted since it was open); nothing was "
                "opened or made, and it is off File > Open recent. File > Open project… opens it where it is now.",
            )
            return
        self.open_project(path)

    def import_files_dialog(self) -> None:
        paths, _ = file_dialogs.open_file_names(
            self,
            "Import files",
            self.start_folder(),
            "Texts and annotations (*.txt *.jsonl *.jsonlines *.json *.ann *.conll *.spacy *.csv *.tsv);;All files (*)",
        )
        self.back_to_text()
        if paths:
            self.import_paths(paths)

    def import_folder_dialog(self) -> None:
        path = file_dialogs.existing_directory(self, "Import folder", self.start_folder())
        self.back_to_text()
        if path:
            self.import_paths([path])

    def import_paths(self, paths: list[str]) -> None:
        if self.controller.project is None:
            self.alert("No project", "Open or create a project first (File > New project).")
            return
        if self.controller.refuse_read_only():
            return
        w = ImportWorker(self.controller.project.path, paths, self.settings.annotator or None)
        self.start_worker(w, after=lambda: self._after_import_of(w))

    def _after_import(self) -> None:
        self.controller.reload()
        if self.controller.doc is None and self.controller.project and self.controller.project.document_ids():
            self.controller.open_document(self.controller.project.document_ids()[0])
        self.preannotate_new_documents(said_before=self.message.text())  # the import's summary stays

    def export_dialog(self) -> None:
        c = self.controller
        if c.project is None:
            return
        from annotator.formats.records import undecided_counts
        from ui.dialogs.export import ExportDialog  # loads on first use, not at start

        project = c.project
        # the whole path: opened by a relative one ("seeds.annotator"), "seeds.json" named no folder to look in
        target = str(project.path.absolute().with_suffix(".json"))
        from annotator.teams.sets import annotator_sets

        dlg = ExportDialog(
            target, self, lambda statuses, aset: undecided_counts(project, statuses, aset), annotator_sets(project)
        )
        last = getattr(self, "_last_export", None)
        if last is not None and last[0] == c.project.path:  # this project's export before, failed or not
            dlg.fill(last[1])
        chosen = dlg.exec()
        dlg.deleteLater()  # the window's child until deleted: every export's dialog stayed in it, hidden
        if chosen:
            o = dlg.options()
            self._last_export = (c.project.path, o)
            self.start_worker(
                ExportWorker(
                    c.project.path,
                    o.format,
                    o.path,
                    o.states,
                    o.statuses,
                    o.annotation_set or c.project.annotation_set,
                    o.options,
                )
            )
        self.back_to_text()

    def import_format_dialog(self) -> None:
        c = self.controller
        if c.project is None:
            self.alert("No project", "Open or create a project first (File > New project).")
            return
        if self.controller.refuse_read_only():
            return
        from ui.dialogs.import_format import ImportFormatDialog

        dlg = ImportFormatDialog(self, self.start_folder())
        chosen = dlg.exec()
        dlg.deleteLater()  # read below, deleted once the event loop turns
        self.back_to_text()  # the keys went nowhere after the dialog
        if chosen:
            fmt, path = dlg.choice()
            who, encoding = self.settings.annotator or None, dlg.encoding()
            w: ImportWorker | ImportFormatWorker
            if fmt:
                w = ImportFormatWorker(c.project.path, fmt, [path], who, dlg.options(), encoding=encoding)
            else:  # each file told from its name and content, as File > Import files… does
                w = ImportWorker(c.project.path, [path], who, encoding=encoding)
            self.start_worker(w, after=lambda: self._after_import_of(w))

    def _after_import_of(self, worker: ImportWorker | ImportFormatWorker) -> None:
        c = self.controller
        if worker.lacking and not (worker.add_types or worker.mapped) and c.project is not None:
            self._offer_added_types(worker)
        elif worker.legacy_encoded and worker.encoding is None and c.project is not None:
            from ui.dialogs.legacy_encoding import offer_encoding

            offer_encoding(self, worker)  # Latin-1 files picked or dropped: read so, as --encoding would
        # the input brought its own schema, or labels grew it: read it again (a brat folder's or CoNLL file's new
        # labels had no colour, no legend entry and no key until the project was opened again)
        if worker.schema_adopted and c.project is not None:
            self.open_project(c.project.path)
        else:
            self._after_import()

    def _offer_added_types(self, worker: ImportWorker | ImportFormatWorker) -> None:
        """A file refused because the project's schema lacks labels, event types, roles of its event types or event
        attributes that its documents use: offer to add them, or to take each label or event type as one of the project's (``--map``),
        and import it again (the refusal, said in the status line, names them and the command line's --add-types
        and --map)."""
        from annotator.formats.schema_choices import addable as can_add

        addable = [(p, lacks) for p, lacks in worker.lacking if can_add(lacks)]
        chosen = self.ask_schema_choice(addable) if addable else None
        if chosen is None:
            return
        add, mapped = chosen
        self.import_again(worker, [p for p, _ in addable], add, mapped, worker.encoding)

    def import_again(
        self,
        worker: ImportWorker | ImportFormatWorker,
        paths: list[str],
        add_types: bool,
        mapped: dict[str, str],
        encoding: str | None,
    ) -> None:
        """The import ``worker`` ran, again on ``paths`` (those it refused) with the choices the person made: names
        added or mapped (``_offer_added_types``), or the encoding to read them in (``offer_encoding``)."""
        c = self.controller
        if c.project is None or c.refuse_read_only():
            return
        again: ImportWorker | ImportFormatWorker
        if isinstance(worker, ImportFormatWorker):
            again = ImportFormatWorker(
                c.project.path,
                worker.fmt,
                paths,
                worker.annotator,
                worker.options,
                add_types=add_types,
                mapped=mapped,
                encoding=encoding,
            )
        else:
            again = ImportWorker(c.project.path, paths, worker.annotator, add_types, mapped, encoding)
        self.start_worker(again, after=lambda: self._after_import_of(again))

    def ask_schema_choice(self, lacking: list[tuple[str, list[str]]]) -> tuple[bool, dict[str, str]] | None:
        """Whether the user adds what ``lacking`` names to the project's schema, (True, {}), or takes each as one of
        the project's names, (False, {the file's: the project's}); None when they cancel (tests replace it)."""
        from ui.dialogs.add_or_map import AddOrMapDialog

        schema = self.controller.schema
        assert schema is not None  # a project is open (the import ran on it)
        dlg = AddOrMapDialog(self, lacking, list(schema.label_names), list(schema.event_type_names))
        chosen = dlg.exec()
        dlg.deleteLater()
        self.back_to_text()
        return dlg.choice() if chosen else None

    # -- workers -------------------------------------------------------------------------------------------
    def preannotating(self) -> bool:
        """A pre-annotation is running (its suggestions are still to come)."""
        return any(isinstance(w, PreannotateWorker) for w in self.workers)

    def importing(self) -> bool:
        """An import is running (its documents come into the list batch by batch)."""
        return any(isinstance(w, (ImportWorker, ImportFormatWorker)) for w in self.workers)

    def start_worker(
        self, worker: Worker, after: Callable[[], None] | None = None, said_before: str = "", note: bool = False
    ) -> None:
        """Run ``worker``; ``said_before`` (the summary of the work it follows, an import's) stays in the status
        line beside what it says when done. ``note``: what it says when done is a note (``show_note``: it ends at the
        next selection or edit, or with the window that asked for it), listened for before the thread starts (the
        Agreement window connected it after: a small project's scores came first and the line kept them)."""
        project = self.controller.project
        if project is not None and worker.project_path == str(project.path):
            # the work is on the file this window has open: renamed or moved since (another file perhaps at its
            # name), it is said, with the offer to reopen it, and nothing starts (it exported or wrote the other file)
            if not self.controller.still_here():
                worker.deleteLater()
                return
            worker.opened = project.identity
        self.workers.append(worker)
        worker.progress.connect(self._on_progress)

        def said(text: str) -> None:
            whole = f"{said_before}\n{text}" if said_before else text
            if note:
                self.show_note(whole)
            else:
                self.message.set_text_and_detail(whole, worker.detail)

        worker.done.connect(said)
        worker.failed.connect(self.show_error)

        def finished() -> None:
            if worker in self.workers:
                self.workers.remove(worker)
            self._show_progress(bool(self.workers))
            if after is not None:
                after()
            worker.deleteLater()

        worker.finished.connect(finished)
        self.progress_label.setText(worker.title)
        self.progress_bar.setRange(0, 0)
        self._show_progress(True)
        if self.message.text() not in ("", getattr(self, "_described", "")):  # a work's message came after a note:
            self.forget_note()  # the note is over (it came back here, told again with the selection: session 42)
        self.message.setText(said_before)  # a message of before (a refusal of a first try) is not what happens now
        self.message.setStyleSheet("")
        if not said_before:
            self.describe_current_entity()
        worker.start()

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if any(w.cancelled for w in self.workers):  # Cancel pressed: the work's next step is not what happens now
            text = CANCELLING  # (a training's "part 2 of 5: loading the spaCy pipeline" wrote over it, session 43)
        self.progress_label.setText(text)
        self.progress_bar.setRange(0, max(0, total))
        self.progress_bar.setValue(done)

    def _show_progress(self, on: bool) -> None:
        for wdg in (self.progress_label, self.progress_bar, self.cancel_button):
            wdg.setVisible(on)
        if not on:  # the next work says its own; the hidden bar kept the last one's ("exporting", "cancelling…")
            self.progress_label.clear()

    def cancel_work(self) -> None:
        for w in self.workers:
            w.cancel()
        self.progress_label.setText(CANCELLING)

    def wait_for_workers(self, ms: int = 30000) -> bool:
        """Cancel every worker and wait up to ``ms`` in all; True when none is still running."""
        import time

        for w in self.workers:
            w.cancel()
        deadline = time.monotonic() + ms / 1000
        for w in list(self.workers):
            w.wait(max(0, int((deadline - time.monotonic()) * 1000)))
        return not any(w.isRunning() for w in self.workers)
