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

    def __init__(
        self, fh: BinaryIO | None, spill_dir: Path | None = None, level: int = LEVEL, spill: BinaryIO | None = None
    ) -> None:
        import srsly
        from spacy.tokens import DocBin

        self._pack = srsly.msgpack_dumps
        proto = DocBin(attrs=ATTRS, store_user_data=True)
        self.version, self.attrs = proto.version, proto.attrs
        from spacy.attrs import ENT_IOB, ENT_TYPE, ORTH, SENT_START

        self._cols = [self.attrs.index(a) for a in (ORTH, ENT_IOB, ENT_TYPE, SENT_START)]
        self.fh = fh
        self.level = level
        self.spill = spill or tempfile.TemporaryFile(dir=spill_dir, prefix=".docbin-", suffix=".tokens")
        self.token_bytes = 0
        self.lengths: list[int] = []
        self.spaces: list[bytes] = []
        self.strings: set[str] = {""}  # what DocBin.add adds for the empty tag, lemma, ... of every token
        self.cats: list[dict] = []
        self.flags: list[dict] = []
        self.span_groups: list[bytes] = []
        self.user_data: list[bytes] = []
        self._hashes: _Hashes | None = None  # word or label -> its hash (ORTH, ENT_TYPE, span labels)
        self._ztok = zlib.compressobj(level, zlib.DEFLATED, -15)  # the token table, compressed as it comes
        self._tok_adler = 1

    def add(self, doc: Any, words: list[str], labels: set[str] | None = None) -> None:
        """``words``: the doc's token texts (the caller has them; asking the Doc makes a Token per word);
        ``labels``: every label its entities and spans can carry (asked of the Doc when not given)."""
        import numpy
        from spacy.attrs import SPACY

        array = doc.to_array(self.attrs)
        data = numpy.ascontiguousarray(array, dtype=numpy.uint64).tobytes("C")
        self._add_tokens(data)
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

    def add_plan(
        self,
        plan: Any,
        toks: Any,
        words: list[str] | None,
        labels: set[str],
        span_key: str,
        trigger_key: str,
        text: str | None = None,
    ) -> None:
        """What ``add(record_to_doc(...))`` would store, written without making a spaCy Doc: the token table,
        spaces, span groups and user data are built from the plan (``spacy_docbin.DocPlan``) and the tokens,
        with whole-array steps (each distinct string hashed once). ``words`` may be None when ``text`` is given.
        The Docs read back are the same (tests/formats/test_docbin_stream.py)."""
        import numpy

        hashes = self._hash_cache()
        if words is None:
            words = [text[s:e] for s, e in zip(toks.starts, toks.ends)]  # type: ignore[index]
        n = len(words)
        orth, iob, typ, sent = self._cols
        table = numpy.zeros((n, len(self.attrs)), dtype=numpy.uint64)
        table[:, orth] = numpy.fromiter(map(hashes.__getitem__, words), dtype=numpy.uint64, count=n)
        if plan.outside:
            table[:, iob] = 2
        for s, e, lab in plan.ents:
            table[s, iob] = 3
            table[s + 1 : e, iob] = 1
            table[s:e, typ] = hashes[lab]
        if toks.sent_starts:
            table[:, sent] = numpy.uint64(2**64 - 1)  # -1 as uint64
            table[toks.sent_starts, sent] = 1
        elif n:
            table[0, sent] = 1  # what a Doc made without sentence starts gives
        self._add_tokens(table.tobytes("C"))
        self.spaces.append(numpy.asarray(toks.spaces, dtype=bool).tobytes("C"))
        self.lengths.append(n)
        self.flags.append({"has_unknown_spaces": False})
        self.cats.append({})
        self.user_data.append(self._pack(plan.user_data))
        starts, ends = toks.starts, toks.ends
        groups = {span_key: ("entities", plan.infos, plan.spans), trigger_key: ("events", plan.events, plan.triggers)}
        msg: dict[bytes, list[str]] = {}
        pack = struct.Struct(">QQQllll").pack
        for key, (attr, value, spans) in groups.items():  # what SpanGroups.to_bytes writes
            packed = [pack(0, 0, hashes[lab], s, e, starts[s], ends[e - 1]) for s, e, lab in spans]
            msg.setdefault(self._pack({"name": key, "attrs": {attr: value}, "spans": packed}), []).append(key)
        self.span_groups.append(self._pack(msg))
        for lab in labels:
            hashes[lab]

    def _hash_cache(self) -> "_Hashes":
        if self._hashes is None:
            from spacy.strings import StringStore

            self._hashes = _Hashes(StringStore().add)  # add, not hash_string: a label like PERSON is a symbol
        return self._hashes  # type: ignore[return-value]

    def _add_tokens(self, data: bytes) -> None:
        """Token table rows, compressed at once into the temporary file (a raw deflate stream joined in ``finish``)."""
        self.spill.write(self._ztok.compress(data))
        self._tok_adler = zlib.adler32(data, self._tok_adler)
        self.token_bytes += len(data)

    def segment(self) -> dict[str, Any]:
        """What ``absorb`` needs to append this writer's documents to another's (the writer of the documents
        before them); the compressed token table stays in the temporary file, closed here."""
        self.spill.write(self._ztok.flush(zlib.Z_SYNC_FLUSH))
        self.spill.close()
        return {
            "adler": self._tok_adler,
            "token_bytes": self.token_bytes,
            "strings": self.strings | set(self._hashes or ()),
            "spaces": self.spaces,
            "lengths": self.lengths,
            "cats": self.cats,
            "flags": self.flags,
            "span_groups": self.span_groups,
            "user_data": self.user_data,
        }

    def absorb(self, seg: dict[str, Any], tokens: BinaryIO) -> None:
        """Append the documents of ``segment()`` (its compressed token table read from ``tokens``) after these."""
        self.spill.write(self._ztok.flush(zlib.Z_SYNC_FLUSH))
        self._ztok = zlib.compressobj(self.level, zlib.DEFLATED, -15)  # no reference back across the joined part
        while block := tokens.read(BLOCK):
            self.spill.write(block)
        self._tok_adler = adler32_combine(self._tok_adler, seg["adler"], seg["token_bytes"])
        self.token_bytes += seg["token_bytes"]
        self.strings |= seg["strings"]
        for key in ("spaces", "lengths", "cats", "flags", "span_groups", "user_data"):
            getattr(self, key).extend(seg[key])

    def finish(self) -> None:
        """Write the zlib stream of the msgpack map to ``fh`` and close the temporary file: the head, the token
        table (already compressed, copied from the temporary file) and the rest are raw deflate streams ended on
        byte boundaries, joined under one zlib header with the checksum of the whole."""
        import numpy

        pack = self._pack
        out = self.fh
        head = (
            b"\x8a"
            + pack("version")
            + pack(self.version)
            + pack("attrs")
            + pack(self.attrs)
            + pack("tokens")
            + b"\xc6"
            + struct.pack(">I", self.token_bytes)
        )  # a map of 10 entries, in DocBin.to_bytes's order
        strings = self.strings | set(self._hashes or ())
        rest = b"".join(
            pack(key) + pack(value)
            for key, value in (
                ("spaces", b"".join(self.spaces)),
                ("lengths", numpy.asarray(self.lengths, dtype="int32").tobytes("C")),
                ("strings", sorted(strings)),
                ("cats", self.cats),
                ("flags", self.flags),
                ("span_groups", self.span_groups),
                ("user_data", self.user_data),
            )
        )
        out.write(b"\x78\x01")  # zlib header (deflate, 32K window)
        z = zlib.compressobj(self.level, zlib.DEFLATED, -15)
        out.write(z.compress(head) + z.flush(zlib.Z_SYNC_FLUSH))
        self.spill.write(self._ztok.flush(zlib.Z_SYNC_FLUSH))
        self.spill.seek(0)
        while True:
            block = self.spill.read(BLOCK)
            if not block:
                break
            out.write(block)
        self.spill.close()
        z = zlib.compressobj(self.level, zlib.DEFLATED, -15)
        out.write(z.compress(rest) + z.flush())
        check = adler32_combine(zlib.adler32(head), self._tok_adler, self.token_bytes)
        out.write(struct.pack(">I", zlib.adler32(rest, check)))

    def discard(self) -> None:
        self.spill.close()


class _Hashes(dict):  # type: ignore[type-arg]
    """string -> spaCy's id of it (``StringStore.add``), computed the first time the string is asked for."""

    def __init__(self, hash_string: Any) -> None:
        super().__init__()
        self._hash = hash_string

    def __missing__(self, key: str) -> int:
        value = self[key] = self._hash(key)
        return value


def adler32_combine(first: int, second: int, second_len: int) -> int:
    """The Adler-32 of A + B from those of A and B and the length of B (zlib's adler32_combine)."""
    base = 65521
    rem = second_len % base
    a1, b1, a2, b2 = first & 0xFFFF, first >> 16, second & 0xFFFF, second >> 16
    return ((a1 + a2 - 1) % base) | ((b1 + b2 + rem * (a1 - 1)) % base) << 16
