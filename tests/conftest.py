"""Shared fixtures: the sandbox server, a private OPTOUT_HOME, and running the real `optout` command."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from optout.sandbox import Sandbox

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    """One replica server for the whole run; each test uses its own accounts."""
    with Sandbox(port=0) as server:
        yield server


@dataclass
class Optout:
    """Runs the installed `optout` command as a user would, against the sandbox."""

    home: Path
    sandbox_url: str
    env_extra: dict[str, str]

    def env(self) -> dict[str, str]:
        """The child's environment: this test's OPTOUT_HOME and sandbox, debug logs as JSON."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("OPTOUT_")}
        env.update(OPTOUT_HOME=str(self.home), OPTOUT_SANDBOX=self.sandbox_url, OPTOUT_LOG_FORMAT="json")
        env.update(self.env_extra)
        return env

    def __call__(
        self, *args: str, stdin: str | None = None, timeout: float = 240, display: bool = False
    ) -> subprocess.CompletedProcess[str]:
        """Run `optout ARGS...` and return its exit status, stdout and stderr; with `display`,
        inside a virtual X display (xvfb-run), as `login --headed` needs a screen."""
        screen = ["xvfb-run", "--auto-servernum"] if display else []
        return subprocess.run(
            [*screen, sys.executable, "-m", "optout", *args],
            input=stdin if stdin is not None else "",
            capture_output=True,
            text=True,
            env=self.env(),
            timeout=timeout,
            cwd=self.home,
            check=False,
        )


@pytest.fixture
def optout(tmp_path: Path, sandbox: Sandbox) -> Optout:
    """The `optout` command with a fresh, private OPTOUT_HOME."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    return Optout(home=home, sandbox_url=sandbox.url, env_extra={})


@dataclass
class Member:
    """A replica account made for one test, with a unique login and password."""

    account: str
    password: str


MakeAccount = Callable[..., Member]


@pytest.fixture
def account_on(sandbox: Sandbox, optout: Optout) -> Iterator[MakeAccount]:
    """Makes fresh replica accounts: `account_on("x", settings={...})`; each one's keyring entry
    is removed and its site's faults cleared afterwards."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.fail("no D-Bus session: run the tests through scripts/test, which provides a real keyring")
    made: list[tuple[str, Member]] = []

    def make(platform: str, settings: dict[str, object] | None = None) -> Member:
        who = Member(f"member-{uuid.uuid4().hex[:10]}@example.com", f"pw-{uuid.uuid4().hex}")
        sandbox.add_account(platform, who.account, who.password, settings)
        made.append((platform, who))
        return who

    yield make
    for platform, who in made:
        optout("logout", platform, "--account", who.account)
        sandbox.clear_faults(platform)


@pytest.fixture
def member(account_on: MakeAccount) -> Member:
    """A fresh LinkedIn replica account; its keyring entry is removed afterwards."""
    return account_on("linkedin")
