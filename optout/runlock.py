"""One run at a time per OPTOUT_HOME, so two runs never sign in (or type a password) twice."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from filelock import FileLock, Timeout

from optout import paths
from optout.errors import Unavailable

WAIT_S = 3.0


@contextmanager
def one_run_at_a_time(wait_s: float = WAIT_S) -> Iterator[None]:
    """Hold the run lock, or fail fast (exit 32) without contacting any site."""
    lock_file = paths.ensure_private_dir(paths.home()) / "run.lock"
    lock = FileLock(lock_file, timeout=wait_s)
    try:
        lock.acquire()
    except Timeout:
        raise Unavailable(
            "another optout run is in progress; nothing was done",
            hint=f"wait for it to finish and try again (it holds {lock_file})",
        ) from None
    try:
        yield
    finally:
        lock.release()
