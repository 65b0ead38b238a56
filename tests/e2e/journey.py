"""Helpers every end-to-end test file shares: reading the --json document, signing in."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import pytest

from tests.conftest import Member, Optout


def results(stdout: str) -> list[dict[str, object]]:
    """The rows of an `apply`/`verify --json` document, checking the document's shape (contract)."""
    document = json.loads(stdout)
    assert set(document) == {"results", "new_settings"}
    return document["results"]  # type: ignore[no-any-return]


def password_login(optout: Optout, platform: str, member: Member) -> None:
    """Sign the member in once, as a user would, password on stdin."""
    done = optout("login", platform, "--account", member.account, "--password-stdin", stdin=member.password + "\n")
    assert done.returncode == 0, done.stdout + done.stderr


def until(condition: Callable[[], object], what: str, deadline_s: float = 90) -> object:
    """Wait for a state by polling it (not a fixed delay); fail with `what` after the deadline."""
    end = time.monotonic() + deadline_s
    while not (value := condition()):
        if time.monotonic() > end:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)
    return value
