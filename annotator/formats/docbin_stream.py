"""A spaCy DocBin written as it is built, instead of held whole in memory and serialised at the end.

The file is what ``DocBin.to_bytes`` writes (zlib over one msgpack map; ``DocBin.from_disk`` reads it), with
two differences that do not change the Docs read back: only the attributes our Docs carry are stored
(``ATTRS``: no empty tag, lemma, morph, dependency or head columns; the norm is the word's own, which the vocab
gives back), and the large parts of the map (the token table, the span groups and the user data of each
document) are compressed as each document is added, into temporary files (``Compressed``), and copied into the
output at the end, so memory holds only the small per-document parts. ``add`` also collects the strings with set
operations instead of one Python step per token and attribute.
"""

from __future__ import annotations

import struct
import tempfile
from pathlib import Path
from typing import Any, BinaryIO

from zlib_ng import zlib_ng as zlib  # zlib's format and interface; see LEVEL

from annotator.formats.string_ids import StringIds
from annotator.formats.docbin_plan import SCORED_KEY

ATTRS = ("ORTH", "ENT_IOB", "ENT_TYPE", "SENT_START")
KB_ATTR = "ENT_KB_ID"  # an entity linker's ids: a column only in a DocBin with some (``spacy_layout``)
LEVEL = 2  # zlib-ng's level 2: the size of zlib's level 1 (the fastest) in 60 % of its time, Adler-32 5x faster
BLOCK = 8 << 20
STREAMS = ("tokens", "span_groups", "user_data")  # the parts compressed as they come


class Compressed:
    """One part of the msgpack map compressed as it is written: a raw deflate stream in ``file``, ended on a byte
    boundary by ``sync``, with the Adler-32 and length of what it holds (``DocBinWriter.finish`` joins them)."""

    def __init__(self, file: BinaryIO, level: int = LEVEL) -> None:
        self.file, self.level = file, level
        self.adler, self.size = 1, 0
        self._z = zlib.compressobj(level, zlib.DEFLATED, -15)

    def write(self, data: Any) -> None:
        """``data``: bytes or a C-contiguous array."""
        self.file.write(self._z.compress(data))
        self.adler = zlib.adler32(data, self.adler)
        self.size += memoryview(data).nbytes

    def sync(self) -> None:
        """End what is written so far on a byte boundary; what comes next refers to nothing before it."""
        self.file.write(self._z.flush(zlib.Z_SYNC_FLUSH))
        self._z = zlib.compressobj(self.level, zlib.DEFLATED, -15)

    def append(self, adler: int, size: int, compressed: BinaryIO) -> None:
        """A stream of another ``Compressed`` (its ``adler``, ``size``, and its synced file) after this one's."""
        self.sync()
        _copy(compressed, self.file)
        self.adler = adler32_combine(self.adler, adler, size)
        self.size += size

    def copy_to(self, out: BinaryIO) -> None:
        self.sync()
        self.file.seek(0)
        _copy(self.file, out)


def _copy(src: BinaryIO, dst: BinaryIO) -> None:
    while block := src.read(BLOCK):
        dst.write(block)


def spacy_layout(kb_ids: bool = False) -> dict[str, Any]:
    """What a writer asks spaCy for, made once and given to the writers of another process (``docbin_split``'s
    child, which then does not import spaCy): the DocBin's version, its attribute ids, the columns of ORTH,
    ENT_IOB, ENT_TYPE and SENT_START (and ``kb_col``, ENT_KB_ID's, None without ``kb_ids``: the column only a
    DocBin of an entity linker's ids needs), and spaCy's symbols (for ``string_ids``)."""
    from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE, ORTH, SENT_START
    from spacy.symbols import IDS
    from spacy.tokens import DocBin

    proto = DocBin(attrs=ATTRS + (KB_ATTR,) if kb_ids else ATTRS, store_user_data=True)
    cols = [proto.attrs.index(a) for a in (ORTH, ENT_IOB, ENT_TYPE, SENT_START)]
    kb = proto.attrs.index(ENT_KB_ID) if kb_ids else None
    return {"version": proto.version, "attrs": list(proto.attrs), "cols": cols, "kb_col": kb, "symbols": dict(IDS)}


class DocBinWriter:
    """``add(doc, words)`` (or ``add_plan``, ``add_encoded``) per document, then ``finish()``; the result is read
    by ``DocBin().from_disk``. ``spills``: the files of the compressed parts (``STREAMS``; temporary files in
    ``spill_dir`` when not given); ``layout``: ``spacy_layout()`` when already made."""

    def __init__(
        self,
        fh: BinaryIO | None,
        spill_dir: Path | None = None,
        level: int = LEVEL,
        spills: dict[str, BinaryIO] | None = None,
        layout: dict[str, Any] | None = None,
    ) -> None:
        import srsly

        self._pack = srsly.msgpack_dumps
        self._layout = layout if layout is not None else spacy_layout()
        self.version, self.attrs, self.cols = self._layout["version"], self._layout["attrs"], self._layout["cols"]
        self.fh = fh
        self.level = level
        files = spills or {k: tempfile.TemporaryFile(dir=spill_dir, prefix=".docbin-", suffix=f".{k}") for k in STREAMS}
        self.parts = {k: Compressed(files[k], level) for k in STREAMS}
        self.lengths: list[int] = []
        self.spaces: list[bytes] = []
        self.strings: set[str] = {""}  # what DocBin.add adds for the empty tag, lemma, ... of every token
        self.cats: list[dict] = []
        self.flags: list[dict] = []
        self._hashes: StringIds | None = None  # word or label -> its hash (ORTH, ENT_TYPE, span labels)

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
        self._add_parts(doc.spans.to_bytes(), self._pack(doc.user_data))
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
        spaces, span groups and user data are built from the plan (``docbin_plan.DocPlan``) and the tokens,
        with whole-array steps (each distinct string hashed once). ``words`` may be None when ``text`` is given.
        The Docs read back are the same (tests/formats/test_docbin_stream.py)."""
        import numpy

        hashes = self.hashes()
        if words is None:
            words = [text[s:e] for s, e in zip(toks.starts, toks.ends)]  # type: ignore[index]
        n = len(words)
        orth, iob, typ, sent = self.cols
        table = numpy.zeros((n, len(self.attrs)), dtype=numpy.uint64)
        table[:, orth] = hashes.many(words)
        if plan.outside:
            table[:, iob] = 2
        for s, e, lab in plan.ents:
            table[s, iob] = 3
            table[s + 1 : e, iob] = 1
            table[s:e, typ] = hashes[lab]
        for (s, e, _), kb in zip(plan.ents, plan.ent_kbs):  # an entity linker's ids the document came with
            if kb and self._layout.get("kb_col") is not None:
                table[s:e, self._layout["kb_col"]] = hashes[kb]
        if toks.sent_starts:
            table[:, sent] = numpy.uint64(2**64 - 1)  # -1 as uint64
            table[toks.sent_starts, sent] = 1
        elif n:
            table[0, sent] = 1  # what a Doc made without sentence starts gives
        self._add_tokens(table.tobytes("C"))
        self.spaces.append(numpy.asarray(toks.spaces, dtype=bool).tobytes("C"))
        self.lengths.append(n)
        self.flags.append({"has_unknown_spaces": False})
        self.cats.append(plan.cats)
        starts, ends = toks.starts, toks.ends
        groups = {span_key: ("entities", plan.infos, plan.spans), trigger_key: ("events", plan.events, plan.triggers)}
        if plan.scored:
            groups[SCORED_KEY] = ("scores", plan.scores, plan.scored)
        own = {k: v for k, v in plan.groups.items() if k not in groups}  # a file's groups of its own names
        msg: dict[bytes, list[str]] = {}
        pack = struct.Struct(">QQQllll").pack
        for key, (attr, value, spans) in groups.items():  # what SpanGroups.to_bytes writes
            kbs = plan.span_kbs if key == span_key and plan.span_kbs else [""] * len(spans)
            packed = [
                pack(0, hashes[kb] if kb else 0, hashes[lab], s, e, starts[s], ends[e - 1])
                for (s, e, lab), kb in zip(spans, kbs)
            ]
            msg.setdefault(self._pack({"name": key, "attrs": {attr: value}, "spans": packed}), []).append(key)
        for key, spans in own.items():
            packed = [pack(0, 0, hashes[lab], s, e, starts[s], ends[e - 1]) for s, e, lab in spans]
            msg.setdefault(self._pack({"name": key, "attrs": {}, "spans": packed}), []).append(key)
        self._add_parts(self._pack(msg), self._pack(plan.user_data))
        for lab in labels:
            hashes[lab]

    def add_encoded(self, encoded: dict[str, Any]) -> None:
        """Documents encoded together (``docbin_arrays.encode``: the bytes ``add_plan`` writes for each one);
        their strings are those asked of ``hashes()`` meanwhile."""
        self._add_tokens(encoded["tokens"])
        self.spaces.append(encoded["spaces"])
        n = len(encoded["lengths"])
        self.lengths.extend(encoded["lengths"])
        self.flags.extend({"has_unknown_spaces": False} for _ in range(n))
        self.cats.extend(encoded["cats"])
        self.parts["span_groups"].write(encoded["span_groups"])
        self.parts["user_data"].write(encoded["user_data"])

    def _add_parts(self, span_groups: bytes, user_data: bytes) -> None:
        """One document's span groups and user data, each an item (a msgpack bin) of its list in the map."""
        self.parts["span_groups"].write(self._pack(span_groups))
        self.parts["user_data"].write(self._pack(user_data))

    def hashes(self) -> StringIds:
        """string -> spaCy's id of it (``StringStore.add``: a label like PERSON is a symbol), each string
        computed once; the file's strings are its keys."""
        if self._hashes is None:
            self._hashes = StringIds(self._layout["symbols"])
        return self._hashes

    def _add_tokens(self, data: Any) -> None:
        """Token table rows (bytes, or a C-contiguous array), compressed at once."""
        self.parts["tokens"].write(data)

    def segment(self) -> dict[str, Any]:
        """What ``absorb`` needs to append this writer's documents to another's (the writer of the documents
        before them); the compressed parts stay in their files, synced and closed here."""
        for part in self.parts.values():
            part.sync()
            part.file.close()
        return {
            "parts": {k: (p.adler, p.size) for k, p in self.parts.items()},
            "strings": self.strings | set(self._hashes or ()),
            "spaces": self.spaces,
            "lengths": self.lengths,
            "cats": self.cats,
            "flags": self.flags,
        }

    def absorb(self, seg: dict[str, Any], files: dict[str, BinaryIO]) -> None:
        """Append the documents of ``segment()`` (its compressed parts read from ``files``) after these."""
        for k, (adler, size) in seg["parts"].items():
            self.parts[k].append(adler, size, files[k])
        self.strings |= seg["strings"]
        for key in ("spaces", "lengths", "cats", "flags"):
            getattr(self, key).extend(seg[key])

    def finish(self) -> None:
        """Write the zlib stream of the msgpack map to ``fh`` and close the temporary files: the parts compressed
        as they came (copied from their files) and the small pieces between them (compressed here) are raw
        deflate streams ended on byte boundaries, joined under one zlib header with the checksum of the whole."""
        import numpy
        import srsly

        pack = self._pack
        n = len(self.lengths)
        header = srsly.msgpack.Packer(use_bin_type=True).pack_array_header(n)
        tokens = self.parts["tokens"]
        strings = self.strings | set(self._hashes or ())
        pieces = [  # before each compressed part: the map's other entries, in DocBin.to_bytes's order
            b"\x8a"  # a map of 10 entries
            + pack("version")
            + pack(self.version)
            + pack("attrs")
            + pack(self.attrs)
            + pack("tokens")
            + b"\xc6"
            + struct.pack(">I", tokens.size),
            b"".join(
                pack(key) + pack(value)
                for key, value in (
                    ("spaces", b"".join(self.spaces)),
                    ("lengths", numpy.asarray(self.lengths, dtype="int32").tobytes("C")),
                    ("strings", sorted(strings)),
                    ("cats", self.cats),
                    ("flags", self.flags),
                )
            )
            + pack("span_groups")
            + header,
            pack("user_data") + header,
        ]
        out = self.fh
        out.write(b"\x78\x01")  # zlib header (deflate, 32K window)
        check = 1
        for piece, part in zip(pieces, self.parts.values()):
            z = zlib.compressobj(self.level, zlib.DEFLATED, -15)
            out.write(z.compress(piece) + z.flush(zlib.Z_SYNC_FLUSH))
            part.copy_to(out)
            check = adler32_combine(zlib.adler32(piece, check), part.adler, part.size)
            part.file.close()
        out.write(zlib.compressobj(self.level, zlib.DEFLATED, -15).flush())  # the last block, empty
        out.write(struct.pack(">I", check))

    def discard(self) -> None:
        for part in self.parts.values():
            part.file.close()


def adler32_combine(first: int, second: int, second_len: int) -> int:
    """The Adler-32 of A + B from those of A and B and the length of B (zlib's adler32_combine)."""
    base = 65521
    rem = second_len % base
    a1, b1, a2, b2 = first & 0xFFFF, first >> 16, second & 0xFFFF, second >> 16
    return ((a1 + a2 - 1) % base) | ((b1 + b2 + rem * (a1 - 1)) % base) << 16
