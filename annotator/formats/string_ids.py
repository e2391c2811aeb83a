"""spaCy's id of a string (``StringStore.add``) without importing spaCy, for the DocBin writer of a process that
has no other use for spaCy (the export's child, ``docbin_split``: importing spaCy is most of its start).

``StringStore.add(s)`` is 0 for "", a symbol's own id for spaCy's symbols (``spacy.symbols.IDS``, passed in:
``docbin_stream.spacy_layout``), else ``hash64`` of the UTF-8 bytes with seed 1 (``spacy.strings.hash_utf8``),
which is murmurhash's MurmurHash64A (murmurhash/mrmr.pyx); murmurhash exports it to Cython only, so it is done
here with numpy, for a batch of strings at once. tests/formats/test_docbin_arrays.py compares it with spaCy's.
"""

from __future__ import annotations

from itertools import repeat
from typing import Any

import numpy as np

_M = np.uint64(0xC6A4A7935BD1E995)
_R = np.uint64(47)


_TAIL = np.array([(1 << (8 * r)) - 1 for r in range(8)], dtype=np.uint64)  # the low r bytes of a block


def murmurhash64a(data: list[bytes], seed: int = 1) -> np.ndarray:
    """MurmurHash64A (Austin Appleby's MurmurHash2, 64-bit, little-endian blocks) of each byte string."""
    lens = np.fromiter(map(len, data), dtype=np.int64, count=len(data))
    return murmurhash64a_ranges(b"".join(data), np.cumsum(lens) - lens, lens, seed)


def murmurhash64a_ranges(data: bytes, starts: Any, lens: Any, seed: int = 1) -> np.ndarray:
    """``murmurhash64a`` of the byte ranges ``data[start : start + len]`` (arrays of starts and lengths)."""
    raw = np.frombuffer(data + bytes(8), dtype=np.uint8)  # the last block of a range may read past the end
    blocks8 = np.ndarray((len(data) + 1,), dtype="<u8", buffer=raw, strides=(1,))  # 8 bytes from every byte
    starts, lens = np.asarray(starts, dtype=np.int64), np.asarray(lens, dtype=np.int64)
    blocks = lens >> 3
    with np.errstate(over="ignore"):
        h = np.uint64(seed) ^ (lens.astype(np.uint64) * _M)
        for i in range(int(blocks.max(initial=0))):
            at = np.flatnonzero(blocks > i)
            k = blocks8[starts[at] + 8 * i] * _M
            k ^= k >> _R
            k *= _M
            h[at] = (h[at] ^ k) * _M
        rest = lens & 7
        tail = np.flatnonzero(rest)
        h[tail] = (h[tail] ^ (blocks8[starts[tail] + 8 * blocks[tail]] & _TAIL[rest[tail]])) * _M
        h ^= h >> _R
        h *= _M
        h ^= h >> _R
    return h


class StringIds(dict):  # type: ignore[type-arg]
    """string -> spaCy's id of it, computed the first time the string is asked for (``many`` for a batch)."""

    def __init__(self, symbols: dict[str, int]) -> None:
        super().__init__()
        self._symbols = symbols

    def __missing__(self, key: str) -> int:
        value = self[key] = int(self._compute([key])[0])
        return value

    def many(self, strings: list[str]) -> np.ndarray:
        """The ids of ``strings`` (none of them ""), as uint64; those not seen yet computed together."""
        ids = np.fromiter(map(self.get, strings, repeat(0)), dtype=np.uint64, count=len(strings))
        missing = np.flatnonzero(ids == 0)
        if len(missing):
            new = list(dict.fromkeys(strings[i] for i in missing.tolist()))
            self.update(zip(new, self._compute(new).tolist()))
            ids[missing] = np.fromiter(map(self.__getitem__, (strings[i] for i in missing.tolist())), np.uint64)
        return ids

    def _compute(self, strings: list[str]) -> Any:
        out = murmurhash64a([s.encode("utf8") for s in strings])
        for k, s in enumerate(strings):
            symbol = self._symbols.get(s)
            if symbol is not None or not s:
                out[k] = symbol or 0
        return out
