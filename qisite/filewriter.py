"""Writing many small files from a helper process while the build goes on.

Creating a file costs 0.1-0.4 ms of system time on the virtual disks trusts and
CI services run on. A large academy publishes thousands of calendar files (one
per sitting), and MkDocs creates each one in turn on the single core it uses:
at 5,000 sittings that was a fifth of the build. Handed to a helper process,
they are created on a second core while MkDocs renders the pages.

Starting the helper costs about as much as creating a few hundred files, so it
starts only once a full batch is waiting; a small site writes its files in the
build process as before.

This module imports nothing heavy: the helper process imports it to run
``write_files``.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

BATCH = 500
"""Files sent to the helper at a time; a build with fewer never starts one."""

Item = tuple[str, bytes]
"""An absolute path and the bytes to write there."""


def write_files(items: list[Item]) -> int:
    """Write each file, creating its folder first; the number written."""
    made: set[Path] = set()
    for path, content in items:
        target = Path(path)
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(content)
    return len(items)


class BackgroundWriter:
    """Collects files and writes them in batches, in one helper process once there are many.

    ``finish`` must be called before the files are needed: it writes what is
    left, waits for the helper and raises the first error (an ``OSError`` that
    names the file). ``close`` abandons what is not yet written.
    """

    def __init__(self, batch: int | None = None) -> None:
        self.batch = BATCH if batch is None else batch
        self._waiting: list[Item] = []
        self._sent: list[Future[int]] = []
        self._helper: ProcessPoolExecutor | None = None

    @property
    def helper_started(self) -> bool:
        return self._helper is not None

    def add(self, path: str, content: bytes) -> None:
        self._waiting.append((path, content))
        if len(self._waiting) >= self.batch:
            self._send()

    def finish(self) -> int:
        """Write every file added; the number written."""
        try:
            if self._helper is None:
                return write_files(self._waiting)
            if self._waiting:
                self._send()
            return sum(sent.result() for sent in self._sent)
        finally:
            self.close()

    def close(self) -> None:
        if self._helper is not None:
            self._helper.shutdown(wait=True, cancel_futures=True)
            self._helper = None
        self._waiting = []
        self._sent = []

    def _send(self) -> None:
        if self._helper is None:
            # "spawn" everywhere: a fresh interpreter is safe beside the threads of
            # `mkdocs serve`, and it is what Windows and macOS use anyway.
            self._helper = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn")
            )
        self._sent.append(self._helper.submit(write_files, self._waiting))
        self._waiting = []
