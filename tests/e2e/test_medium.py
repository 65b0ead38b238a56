"""End to end: the real `optout` command, real Chromium, the real keyring, the Medium replica.

Medium has no password: the person signs in once with `optout login medium --headed` (here
under a virtual display, with the replica's `person-signs-in` fault playing the person who
opens the emailed link), and later runs use the saved session.
"""

from __future__ import annotations

import pytest

from optout.sandbox import Sandbox
from tests.conftest import MakeAccount, Member, Optout
from tests.e2e.journey import results

KEY = "third_party_ai"
MINIMIZE = "Minimize third-party training"
DEFAULT = "Prioritize maximum reach"  # the replica adds "(Default)"; the flow does not need it
HEADED_HINT = "optout login medium --headed"


@pytest.fixture
def writer(account_on: MakeAccount) -> Member:
    """A Medium account (its password is never used: Medium has none)."""
    return account_on("medium")


def login_headed(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    """`optout login medium --headed`, with the replica playing the person at the window."""
    sandbox.set_fault("medium", "person-signs-in", member.account)
    try:
        done = optout("login", "medium", "--account", member.account, "--headed", display=True)
    finally:
        sandbox.set_fault("medium", "person-signs-in", False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Signed in to Medium" in done.stdout
    assert "password stored" not in done.stdout


def test_headed_login_saves_a_session_and_no_password(optout: Optout, writer: Member, sandbox: Sandbox) -> None:
    login_headed(optout, writer, sandbox)
    assert sandbox.password_submissions("medium", writer.account) == 0
    listed = optout("accounts")
    assert writer.account in listed.stdout and "session" in listed.stdout


def test_dry_run_reports_the_default_and_sends_no_write(optout: Optout, writer: Member, sandbox: Sandbox) -> None:
    login_headed(optout, writer, sandbox)
    done = optout("apply", "medium", "--dry-run", "--json")
    assert done.returncode == 4, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert row["setting"] == "third-party-ai"
    assert (row["before"], row["wanted"], row["action"], row["status"]) == (
        DEFAULT,
        MINIMIZE,
        "would-change",
        "not-off",
    )
    assert sandbox.get_setting("medium", writer.account, KEY) == "maximize_reach"
    assert sandbox.writes("medium", writer.account) == 0


@pytest.mark.parametrize(
    "faults", [(), ("autosave",), ("inline-panel",), ("inline-panel", "autosave"), ("plain-markup",)]
)
def test_apply_chooses_minimize_then_second_apply_and_verify_send_nothing(
    optout: Optout, writer: Member, sandbox: Sandbox, faults: tuple[str, ...]
) -> None:
    """Dialog with Save, dialog that saves by itself (Done), a panel expanding in place, and a plain
    <div> dialog behind a heading's "Edit" with bare radios, no "(Default)" and "Update"."""
    login_headed(optout, writer, sandbox)
    for fault in faults:
        sandbox.set_fault("medium", fault, account=writer.account)
    done = optout("apply", "medium", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["before"], row["after"], row["action"], row["status"]) == (DEFAULT, MINIMIZE, "changed", "ok")
    assert sandbox.get_setting("medium", writer.account, KEY) == "minimize_training"
    assert sandbox.writes("medium", writer.account) == 1  # the digest radios were left alone

    again = optout("apply", "medium", "--json")
    assert again.returncode == 0, again.stdout + again.stderr
    assert results(again.stdout)[0]["action"] == "unchanged"
    assert optout("verify", "medium").returncode == 0
    assert sandbox.writes("medium", writer.account) == 1


def test_drift_is_found_by_verify_and_fixed_by_verify_fix(optout: Optout, writer: Member, sandbox: Sandbox) -> None:
    login_headed(optout, writer, sandbox)
    assert optout("apply", "medium").returncode == 0
    sandbox.set_setting("medium", writer.account, KEY, "maximize_reach")
    found = optout("verify", "medium", "--quiet")
    assert found.returncode == 4
    assert "Third-party AI and your stories" in found.stdout
    fixed = optout("verify", "medium", "--fix", "--json")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert results(fixed.stdout)[0]["action"] == "changed"
    assert sandbox.get_setting("medium", writer.account, KEY) == "minimize_training"
    quiet = optout("verify", "medium", "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.parametrize("fault", ["no-persist", "save-500"])
def test_a_save_that_does_not_persist_is_never_ok(optout: Optout, writer: Member, sandbox: Sandbox, fault: str) -> None:
    login_headed(optout, writer, sandbox)
    sandbox.set_fault("medium", fault, account=writer.account)
    done = optout("apply", "medium", "--json")
    [row] = results(done.stdout)
    assert row["status"] != "ok" and row["after"] == DEFAULT
    assert done.returncode & 4 or done.returncode & 32
    assert sandbox.writes("medium", writer.account) >= 1
    assert sandbox.get_setting("medium", writer.account, KEY) == "maximize_reach"


def test_an_expired_session_needs_login_headed(optout: Optout, writer: Member, sandbox: Sandbox) -> None:
    login_headed(optout, writer, sandbox)
    sandbox.set_fault("medium", "expired-session", account=writer.account)
    done = optout("apply", "medium", "--json")
    assert done.returncode == 8, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert row["status"] == "needs-you"
    assert HEADED_HINT in str(row["message"]) + done.stderr
    assert sandbox.writes("medium", writer.account) == 0


def test_a_password_is_refused_for_medium_and_nothing_is_typed(
    optout: Optout, writer: Member, sandbox: Sandbox
) -> None:
    done = optout("login", "medium", "--account", writer.account, "--password-stdin", stdin=writer.password)
    assert done.returncode == 8, done.stdout + done.stderr
    assert HEADED_HINT in done.stderr
    assert sandbox.password_submissions("medium", writer.account) == 0


def test_renamed_options_are_site_changed_and_nothing_is_chosen(
    optout: Optout, writer: Member, sandbox: Sandbox
) -> None:
    login_headed(optout, writer, sandbox)
    sandbox.set_fault("medium", "label-changed", account=writer.account)
    done = optout("apply", "medium", "--json")
    assert done.returncode == 16, done.stdout + done.stderr
    assert results(done.stdout)[0]["status"] == "site-changed"
    assert sandbox.writes("medium", writer.account) == 0


def test_slow_pages_still_succeed(optout: Optout, writer: Member, sandbox: Sandbox) -> None:
    login_headed(optout, writer, sandbox)
    sandbox.set_fault("medium", "slow", 3, account=writer.account)
    done = optout("apply", "medium")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting("medium", writer.account, KEY) == "minimize_training"
