"""Progress on long work: a bar on a terminal, plain lines elsewhere."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def kemajuan(
    items: Iterable[T], *, total: int, label: str, minimum: int = 2, satuan: str = "berkas"
) -> Iterator[T]:
    """Yield ``items`` while showing progress on stderr.

    Short work (fewer than ``minimum`` items) shows nothing. Off a terminal
    (CI logs, pipes) a bar's control characters would be noise, so one plain
    line is written per tenth of the work instead.
    """
    if total < minimum:
        yield from items
        return
    if sys.stderr.isatty():
        from tqdm import tqdm

        yield from tqdm(items, total=total, desc=label, unit=satuan, file=sys.stderr)
        return
    step = max(total // 10, 1)
    for i, item in enumerate(items, start=1):
        yield item
        if i % step == 0 or i == total:
            print(f"{label}: {i}/{total}", file=sys.stderr, flush=True)
