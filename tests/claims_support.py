"""Which process of a split JSON export (``annotator.formats.json_split``) renders which chunk, decided by a test
instead of the scheduler: they take turns, the first process chunks 0, 2, 4..., the second 1, 3, 5... Both take
chunk numbers from the claims pipe they share, 4 bytes each: what is left in it tells either process how many
chunks have been taken, and so how many by the other. A process starved of CPU then delays the export, and no
longer leaves every chunk to the other."""

from __future__ import annotations

import fcntl
import os
import struct
import termios
import threading
from pathlib import Path
from typing import Any, Callable

from annotator.formats import json_split


def unclaimed(fd: int) -> int:
    """The chunks still in the claims pipe ``fd`` (taken by neither process)."""
    return struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0] // 4


def until(ready: Callable[[], bool], what: str) -> None:
    """Wait for the other process to take a chunk (at most a minute: ``what`` fails then); asserts no time."""
    for _ in range(6000):
        if ready():
            return
        threading.Event().wait(0.01)
    raise AssertionError(what)


def _taken_by_the_other(side: json_split._Side, mine: list[int]) -> int:
    return side.n_chunks - unclaimed(side.claims) - len(mine)


class FirstTakesTurns(json_split._Side):
    """The first process's part (``json_split._Side`` in this process): it renders its n-th chunk once the second
    has taken n, so the second has taken the chunk after it before this one takes another (or once the second has
    ended: killed, it takes no more). ``mine``: its chunks."""

    mine: list[int] = []

    def run(self, need_all: bool) -> None:
        render = self.render

        def in_turn(i: int) -> tuple[list[bytes | memoryview], tuple[int, int, int]]:
            self.mine.append(i)
            until(
                lambda: (
                    _taken_by_the_other(self, self.mine) >= len(self.mine)
                    or not unclaimed(self.claims)
                    or self._ended()
                ),
                "the second process took no chunk",
            )
            return render(i)

        self.render = in_turn
        super().run(need_all)

    def _ended(self) -> bool:
        self._receive(0.0)  # (its sizes and counts read as the export reads them; its pipe closed sets ``ended``)
        return self.ended


def take_turns(monkeypatch: Any) -> list[int]:
    """Make a split export's processes take turns (the first chunks 0, 2, 4..., the second 1, 3, 5...); returns the
    list of the chunks the first renders."""
    from annotator import child_process

    command = child_process.module_command

    def in_turns(module: str, packages: tuple[str, ...] | None = None) -> tuple[list[str], dict[str, str]]:
        argv, env = command(module, packages=packages)
        return second_process_command(argv), env

    monkeypatch.setattr(child_process, "module_command", in_turns)
    monkeypatch.setattr(json_split, "_Side", FirstTakesTurns)
    monkeypatch.setattr(FirstTakesTurns, "mine", [])
    return FirstTakesTurns.mine


def second_process_command(argv: list[str]) -> list[str]:
    """``argv`` (``python -m annotator.formats.json_split``) as the same second process, which takes a chunk only
    when the first has taken more than it."""
    assert argv[-2:] == ["-m", json_split.__name__]
    here = str(Path(__file__).parent)
    return [
        *argv[:-2],
        "-c",
        f"import sys; sys.path.insert(0, {here!r}); import claims_support; claims_support._main()",
    ]


def _main() -> None:
    run = json_split._Side.run

    def in_turn(side: json_split._Side, need_all: bool) -> None:
        mine: list[int] = []
        render, between = side.render, side.between

        def first_is_ahead() -> None:
            until(
                lambda: _taken_by_the_other(side, mine) > len(mine) or not unclaimed(side.claims),
                "the first process took no chunk",
            )

        def counted(i: int) -> tuple[list[bytes | memoryview], tuple[int, int, int]]:
            mine.append(i)
            return render(i)

        def then_wait() -> None:
            between()
            first_is_ahead()

        side.render, side.between = counted, then_wait
        first_is_ahead()
        run(side, need_all)

    json_split._Side.run = in_turn  # type: ignore[method-assign]
    os._exit(json_split._child())
