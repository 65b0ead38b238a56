"""End to end: the unattended half - quiet verify, drift, history, evidence, new settings, notify, cool-down."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from optout.sandbox import Sandbox
from tests.conftest import Member, Optout
from tests.e2e.journey import results
from tests.e2e.test_linkedin import AI, login

LABEL = "Use my data for training content creation AI models"
NEW_SWITCH = "Use my profile to personalize AI-written suggestions"


def history(optout: Optout, *args: str) -> list[dict[str, object]]:
    """The runs `optout history --json` reports."""
    done = optout("history", *args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["runs"]  # type: ignore[no-any-return]


def start(optout: Optout, *args: str) -> subprocess.Popen[bytes]:
    """Start `optout ARGS...` in the background, in its own process group (so it can be killed whole)."""
    return subprocess.Popen(
        [sys.executable, "-m", "optout", *args],
        env=optout.env(),
        cwd=optout.home,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def until(process: subprocess.Popen[bytes], condition: Callable[[], bool]) -> None:
    """Wait for `condition` while the process keeps running (it must not end first)."""
    while not condition():
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(timeout=0.2)


def test_quiet_verify_is_silent_while_off_and_names_drift_when_the_site_turns_it_back_on(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    assert optout("apply", "linkedin").returncode == 0
    quiet = optout("verify", "--all", "--fix", "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")

    sandbox.set_setting("linkedin", member.account, AI, True)  # LinkedIn quietly turns it back on
    told = optout("verify", "--all", "--quiet")
    assert told.returncode == 4
    assert f"LinkedIn turned '{LABEL}' back on (off since 20" in told.stdout
    assert "not changed (run: optout verify --fix linkedin)" in told.stdout

    fixed = optout("verify", "--all", "--fix", "--quiet")
    assert fixed.returncode == 0, fixed.stderr
    assert f"LinkedIn turned '{LABEL}' back on (off since 20" in fixed.stdout
    assert "switched off again." in fixed.stdout
    assert sandbox.get_setting("linkedin", member.account, AI) is False
    assert optout("verify", "--all", "--fix", "--quiet").stdout == ""


def test_history_records_every_run_and_result_in_the_apply_json_shape(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    applied = optout("apply", "linkedin", "--json")
    assert applied.returncode == 0
    assert optout("verify", "linkedin").returncode == 0
    runs = history(optout, "linkedin")
    assert [r["command"].split()[1] for r in runs] == ["apply", "verify"]
    first = runs[0]
    assert first["exit"] == 0 and first["finished_at"] and first["started_at"]
    assert first["results"] == results(applied.stdout)
    assert first["intents"][0]["outcome"] == "read back off"
    assert history(optout, "--since", "2999-01-01") == []
    database = optout.home / "history.db"
    assert database.stat().st_mode & 0o777 == 0o600
    mode = sqlite3.connect(database).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_a_run_killed_mid_change_is_reconciled_by_the_next_one(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault("linkedin", "slow", 4, account=member.account)
    run = start(optout, "apply", "linkedin")
    database = optout.home / "history.db"

    def intent_on_disk() -> bool:
        try:
            with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
                return bool(db.execute("SELECT count(*) FROM intents WHERE outcome IS NULL").fetchone()[0])
        except sqlite3.OperationalError:
            return False  # not created yet

    try:
        until(run, intent_on_disk)
    finally:
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
    sandbox.clear_faults("linkedin")

    after = optout("verify", "linkedin")
    assert "an earlier run stopped while changing linkedin" in after.stdout
    killed, verified = history(optout)[-2:]
    assert killed["interrupted"] is True and killed["finished_at"] is None and killed["exit"] is None
    [intent] = killed["intents"]
    state = "off" if sandbox.get_setting("linkedin", member.account, AI) is False else "on"
    assert intent["outcome"].startswith("interrupted;") and intent["outcome"].endswith(f"read {state}")
    assert verified["interrupted"] is False


def test_each_read_back_keeps_a_png_whose_hash_is_in_the_history(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    [row] = results(optout("apply", "linkedin", "--json").stdout)
    evidence = Path(row["evidence"]["path"])  # type: ignore[index]
    data = evidence.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert hashlib.sha256(data).hexdigest() == row["evidence"]["sha256"]  # type: ignore[index]
    assert evidence.is_relative_to(optout.home) and evidence.stat().st_mode & 0o777 == 0o600
    [recorded] = history(optout)[-1]["results"]
    assert recorded["evidence"] == row["evidence"]

    report = optout.home / "report.html"
    made = optout("report", "--output", str(report))
    assert made.returncode == 0, made.stderr
    page = report.read_text()
    assert LABEL in page and "data:image/png;base64," in page and row["evidence"]["sha256"] in page  # type: ignore[index]


def test_a_new_ai_switch_is_reported_once_and_never_changed(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert optout("apply", "linkedin").returncode == 0
    sandbox.set_fault("linkedin", "new-ai-switch", account=member.account)
    writes = sandbox.writes("linkedin", member.account)
    found = optout("verify", "linkedin", "--json")
    assert found.returncode == 0, found.stderr  # reported, not counted: the settings asked for are off
    [new] = json.loads(found.stdout)["new_settings"]
    assert (new["platform"], new["account"], new["label"], new["state"]) == (
        "linkedin",
        member.account,
        NEW_SWITCH,
        "on",
    )
    assert new["url"].startswith("https://www.linkedin.com/mypreferences/")
    assert sandbox.writes("linkedin", member.account) == writes
    assert history(optout)[-1]["new_settings"][0]["label"] == NEW_SWITCH
    # Reported once: the next quiet run is silent again.
    assert optout("verify", "linkedin", "--quiet").stdout == ""


def test_new_setting_line_in_quiet_output(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault("linkedin", "new-ai-switch", account=member.account)
    sandbox.set_setting("linkedin", member.account, AI, False)
    quiet = optout("verify", "linkedin", "--fix", "--quiet")
    assert "new setting" in quiet.stdout and NEW_SWITCH in quiet.stdout


class Inbox(BaseHTTPRequestHandler):
    """A local apprise json:// endpoint that keeps what it is sent."""

    received: ClassVar[list[dict[str, object]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        Inbox.received.append(json.loads(body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def inbox() -> Iterator[str]:
    Inbox.received = []
    server = HTTPServer(("127.0.0.1", 0), Inbox)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"json://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_notify_sends_the_report_only_when_there_is_one(
    optout: Optout, member: Member, sandbox: Sandbox, inbox: str
) -> None:
    login(optout, member)
    assert optout("apply", "linkedin").returncode == 0
    assert optout("verify", "--fix", "--quiet", "--notify", inbox).returncode == 0
    assert Inbox.received == []
    sandbox.set_setting("linkedin", member.account, AI, True)
    assert optout("verify", "--fix", "--quiet", "--notify", inbox + "secret-token-xyz").returncode == 0
    [message] = Inbox.received
    assert "turned" in str(message["message"]) and "switched off again" in str(message["message"])
    assert "secret-token-xyz" not in " ".join(r["command"] for r in history(optout))  # tokens not kept
    bad = optout("verify", "--notify", "nosuchscheme://x")
    assert bad.returncode == 2 and "--notify" in bad.stderr


def test_after_a_checkpoint_the_account_rests_until_a_headed_login(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault("linkedin", "expired-session", account=member.account)
    sandbox.set_fault("linkedin", "checkpoint", account=member.account)
    first = optout("apply", "linkedin", "--json")
    assert first.returncode == 8
    submissions = sandbox.password_submissions("linkedin", member.account)
    seen = len(sandbox.requests("linkedin"))
    sandbox.clear_faults("linkedin")
    again = optout("verify", "linkedin", "--json")
    assert again.returncode == 8
    [row] = results(again.stdout)
    assert "login linkedin" in row["message"] and "--headed" in row["message"]  # type: ignore[operator]
    assert len(sandbox.requests("linkedin")) == seen
    assert sandbox.password_submissions("linkedin", member.account) == submissions
    unattended = optout("login", "linkedin", "--account", member.account, "--password-stdin", stdin=member.password)
    assert unattended.returncode == 8 and "--headed" in unattended.stderr
    assert "resting since" in optout("accounts").stdout


def test_a_concurrent_second_run_exits_32_having_contacted_no_site(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault("linkedin", "slow", 3, account=member.account)
    first = start(optout, "apply", "linkedin")
    try:
        seen = len(sandbox.requests("linkedin"))
        until(first, lambda: len(sandbox.requests("linkedin")) > seen)  # the first run is at work
        second = optout("verify", "linkedin", "--json")
        assert second.returncode == 32 and "another optout run" in second.stderr
        assert json.loads(second.stdout)["results"] == []
    finally:
        first.wait(timeout=120)
    assert first.returncode == 0


def test_a_corrupt_history_is_moved_aside_with_a_message(optout: Optout) -> None:
    (optout.home / "history.db").write_bytes(b"this is not a database" * 100)
    done = optout("history")
    assert done.returncode == 0
    assert "moved to" in done.stderr and "history database could not be read" in done.stderr
    [aside] = list(optout.home.glob("history.db.corrupt-*"))
    assert aside.read_bytes().startswith(b"this is not a database")
