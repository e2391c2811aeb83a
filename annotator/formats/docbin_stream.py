"""A spaCy DocBin written as it is built, instead of held whole in memory and serialised at the end.

The file is what ``DocBin.to_bytes`` writes (zlib over one msgpack map; ``DocBin.from_disk`` reads it), with
two differences that do not change the Docs read back: only the attributes our Docs carry are stored
(``ATTRS``: no empty tag, lemma, morph, dependency or head columns; the norm is the word's own, which the vocab
gives back), and the token table, the bulk of the file, goes to a temporary file as each document is added and
is compressed into the output at the end, so memory holds only the small per-document parts. ``add`` also
collects the strings with set operations instead of one Python step per token and attribute.
"""

from __future__ import annotations

import struct
import tempfile
import zlib
from pathlib import Path
from typing import Any, BinaryIO

ATTRS = ("ORTH", "ENT_IOB", "ENT_TYPE", "SENT_START")
LEVEL = 1  # zlib level: the token table is mostly small repeated numbers; level 1 is ~5x faster than 6 here
BLOCK = 8 << 20


class DocBinWriter:
    """``add(doc, words)`` per document, then ``finish()``; the result is read by ``DocBin().from_disk``."""

    def __init__(self, fh: BinaryIO, spill_dir: Path | None = None, level: int = LEVEL) -> None:
        import srsly
        from spacy.tokens import DocBin

        self._pack = srsly.msgpack_dumps
        proto = DocBin(attrs=ATTRS, store_user_data=True)
        self.version, self.attrs = proto.version, proto.attrs
        self.fh = fh
        self.level = level
        self.spill = tempfile.TemporaryFile(dir=spill_dir, prefix=".docbin-", suffix=".tokens")
        self.token_bytes = 0
        self.lengths: list[int] = []
        self.spaces: list[bytes] = []
        self.strings: set[str] = {""}  # what DocBin.add adds for the empty tag, lemma, ... of every token
        self.cats: list[dict] = []
        self.flags: list[dict] = []
        self.span_groups: list[bytes] = []
        self.user_data: list[bytes] = []
        self._hashes: dict[str, int] | None = None  # word or label -> its hash (ORTH, ENT_TYPE, span labels)

    def add(self, doc: Any, words: list[str], labels: set[str] | None = None) -> None:
        """``words``: the doc's token texts (the caller has them; asking the Doc makes a Token per word);
        ``labels``: every label its entities and spans can carry (asked of the Doc when not given)."""
        import numpy
        from spacy.attrs import SPACY

        array = doc.to_array(self.attrs)
        data = numpy.ascontiguousarray(array, dtype=numpy.uint64).tobytes("C")
        self.spill.write(data)
        self.token_bytes += len(data)
        self.spaces.append(numpy.asarray(doc.to_array(SPACY), dtype=bool).tobytes("C"))
        self.lengths.append(len(doc))
        self.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
        self.cats.append(doc.cats)
        self.user_data.append(self._pack(doc.user_data))
        self.span_groups.append(doc.spans.to_bytes())
        self.strings.update(words)
        if labels is not None:
            self.strings.update(labels)
            return
        self.strings.update(e.label_ for e in doc.ents)
        for group in doc.spans.values():
            self.strings.update(s.label_ for s in group)

    def add_plan(self, plan: Any, toks: Any, words: list[str], labels: set[str], span_key: str,
                 trigger_key: str) -> None:
        """What ``add(record_to_doc(...))`` would store, written without making a spaCy Doc: the token table,
        spaces, span groups and user data are built from the plan (``spacy_docbin.DocPlan``) and the tokens.
        The Docs read back are the same (tests/formats/test_docbin_stream.py)."""
        import numpy
        from spacy.attrs import ENT_IOB, ENT_TYPE, ORTH, SENT_START

        if self._hashes is None:
            from spacy.strings import StringStore

            self._store = StringStore()
            self._hashes = {}
        hashes, add = self._hashes, self._store.add
        for w in set(words).difference(hashes):
            hashes[w] = add(w)
        for lab in labels.difference(hashes):
            hashes[lab] = add(lab)
        n = len(words)
        table = numpy.zeros((n, len(self.attrs)), dtype=numpy.uint64)
        col = {a: k for k, a in enumerate(self.attrs)}
        table[:, col[ORTH]] = numpy.fromiter(map(hashes.__getitem__, words), dtype=numpy.uint64, count=n)
        iob = numpy.full(n, 2 if plan.outside else 0, dtype=numpy.uint64)
        types = numpy.zeros(n, dtype=numpy.uint64)
        for s, e, lab in plan.ents:
            iob[s] = 3
            iob[s + 1 : e] = 1
            types[s:e] = hashes[lab]
        table[:, col[ENT_IOB]] = iob
        table[:, col[ENT_TYPE]] = types
        sent = numpy.zeros(n, dtype=numpy.int64)
        if toks.sent_starts:
            sent[:] = -1
            sent[toks.sent_starts] = 1
        elif n:
            sent[0] = 1  # what a Doc made without sentence starts gives
        table[:, col[SENT_START]] = sent.astype(numpy.uint64)
        data = table.tobytes("C")
        self.spill.write(data)
        self.token_bytes += len(data)
        self.spaces.append(numpy.asarray(toks.spaces, dtype=bool).tobytes("C"))
        self.lengths.append(n)
        self.flags.append({"has_unknown_spaces": False})
        self.cats.append({})
        self.user_data.append(self._pack(plan.user_data))
        starts, ends = toks.starts, toks.ends
        groups = {span_key: ("entities", plan.infos, plan.spans), trigger_key: ("events", plan.events, plan.triggers)}
        msg: dict[bytes, list[str]] = {}
        for key, (attr, value, spans) in groups.items():  # what SpanGroups.to_bytes writes
            packed = [struct.pack(">QQQllll", 0, 0, hashes[lab], s, e, starts[s], ends[e - 1]) for s, e, lab in spans]
            msg.setdefault(self._pack({"name": key, "attrs": {attr: value}, "spans": packed}), []).append(key)
        self.span_groups.append(self._pack(msg))
        self.strings.update(words)
        self.strings.update(labels)

    def finish(self) -> None:
        """Write the compressed map to ``fh`` (the token table streamed from the temporary file) and close it."""
        import numpy

        pack = self._pack
        z = zlib.compressobj(self.level)
        out = self.fh
        out.write(z.compress(b"\x8a"))  # a map of 10 entries, in DocBin.to_bytes's order
        out.write(z.compress(pack("version") + pack(self.version) + pack("attrs") + pack(self.attrs) + pack("tokens")))
        out.write(z.compress(b"\xc6" + struct.pack(">I", self.token_bytes)))  # bin 32 header
        self.spill.seek(0)
        while True:
            block = self.spill.read(BLOCK)
            if not block:
                break
            out.write(z.compress(block))
        self.spill.close()
        rest = [
            ("spaces", b"".join(self.spaces)),
            ("lengths", numpy.asarray(self.lengths, dtype="int32").tobytes("C")),
            ("strings", sorted(self.strings)),
            ("cats", self.cats),
            ("flags", self.flags),
            ("span_groups", self.span_groups),
            ("user_data", self.user_data),
        ]
        for key, value in rest:
            out.write(z.compress(pack(key) + pack(value)))
        out.write(z.flush())

    def discard(self) -> None:
        self.spill.close()
