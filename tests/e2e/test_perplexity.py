"""End to end: the real `optout` command, real Chromium, the real keyring, the Perplexity replica.

Perplexity has no password: `optout login perplexity --headed` opens a window (under xvfb) and
waits for the person, played here by the replica's `person-signs-in` fault, which types the
email and the code "they got by email".
"""

from __future__ import annotations

import pytest

from optout.sandbox import Sandbox
from tests.conftest import MakeAccount, Member, Optout
from tests.e2e.journey import results

SITE = "perplexity"
RETENTION = "ai_data_retention"
BYSTANDERS = ("autosuggest", "homepage_widgets")


@pytest.fixture
def member(account_on: MakeAccount) -> Member:
    """A fresh Perplexity replica account (AI data retention on, as by default)."""
    return account_on(SITE)


def login(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    """`optout login perplexity --headed`, with the replica playing the person at the window."""
    sandbox.set_fault(SITE, "person-signs-in", member.account)
    try:
        done = optout("login", SITE, "--account", member.account, "--headed", display=True)
    finally:
        sandbox.set_fault(SITE, "person-signs-in", False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.password_submissions(SITE, member.account) == 1  # one emailed-code sign-in


def test_headed_login_then_dry_run_apply_and_a_second_apply(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member, sandbox)
    dry = optout("apply", SITE, "--dry-run", "--json")
    assert dry.returncode == 4, dry.stdout + dry.stderr
    [row] = results(dry.stdout)
    assert (row["setting"], row["before"], row["action"], row["status"]) == (
        "ai-data-retention",
        "on",
        "would-change",
        "not-off",
    )
    assert sandbox.writes(SITE, member.account) == 0

    done = optout("apply", SITE, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["before"], row["after"], row["action"], row["status"]) == ("on", "off", "changed", "ok")
    assert sandbox.get_setting(SITE, member.account, RETENTION) is False
    assert all(sandbox.get_setting(SITE, member.account, key) is True for key in BYSTANDERS)

    again = optout("apply", SITE, "--json")
    assert again.returncode == 0, again.stderr
    assert results(again.stdout)[0]["action"] == "unchanged"
    assert sandbox.writes(SITE, member.account) == 1
    assert sandbox.password_submissions(SITE, member.account) == 1  # the session was reused


def test_drift_is_found_by_verify_and_fixed_by_verify_fix(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member, sandbox)
    assert optout("apply", SITE).returncode == 0
    assert optout("verify", SITE).returncode == 0
    sandbox.set_setting(SITE, member.account, RETENTION, True)
    found = optout("verify", SITE, "--quiet")
    assert found.returncode == 4
    assert "AI data retention" in found.stdout
    fixed = optout("verify", SITE, "--fix", "--json")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert results(fixed.stdout)[0]["action"] == "changed"
    assert sandbox.get_setting(SITE, member.account, RETENTION) is False
    quiet = optout("verify", SITE, "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")


def test_a_lost_session_needs_you_with_the_headed_hint_and_nothing_is_sent(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member, sandbox)
    sandbox.set_fault(SITE, "expired-session", account=member.account)
    done = optout("apply", SITE, "--json")
    assert done.returncode == 8, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert row["status"] == "needs-you"
    assert "optout login perplexity --headed" in done.stdout + done.stderr
    assert sandbox.writes(SITE, member.account) == 0
    assert sandbox.password_submissions(SITE, member.account) == 1  # no sign-in was started
    assert sandbox.get_setting(SITE, member.account, RETENTION) is True


def test_no_account_needs_you(optout: Optout) -> None:
    done = optout("apply", SITE, "--json")
    assert done.returncode == 8
    [row] = results(done.stdout)
    assert row["status"] == "needs-you"
    assert "optout login perplexity" in str(row["message"])


def test_password_login_is_refused_with_the_headed_hint(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    done = optout("login", SITE, "--account", member.account, "--password-stdin", stdin="a-password\n")
    assert done.returncode == 8, done.stdout + done.stderr
    assert "optout login perplexity --headed" in done.stderr
    assert sandbox.password_submissions(SITE, member.account) == 0


@pytest.mark.parametrize(("fault", "value"), [("old-label", True), ("preferences-path", "account")])
def test_the_older_label_and_the_other_url_work(
    optout: Optout, member: Member, sandbox: Sandbox, fault: str, value: object
) -> None:
    login(optout, member, sandbox)
    sandbox.set_fault(SITE, fault, value, account=member.account)
    done = optout("apply", SITE, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting(SITE, member.account, RETENTION) is False


def test_the_cookie_banner_is_never_accepted(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    sandbox.set_fault(SITE, "cookie-banner")
    login(optout, member, sandbox)
    done = optout("apply", SITE, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting(SITE, member.account, RETENTION) is False
    assert sandbox.writes(SITE, member.account) == 1  # the switch only: "Accept All Cookies" was not pressed


@pytest.mark.parametrize("fault", ["no-persist", "save-500"])
def test_a_save_that_does_not_persist_is_never_ok(optout: Optout, member: Member, sandbox: Sandbox, fault: str) -> None:
    login(optout, member, sandbox)
    sandbox.set_fault(SITE, fault, account=member.account)
    done = optout("apply", SITE, "--json")
    [row] = results(done.stdout)
    assert row["status"] != "ok" and row["after"] == "on"
    assert done.returncode & 4 or done.returncode & 32
    assert sandbox.get_setting(SITE, member.account, RETENTION) is True


def test_a_sign_in_that_never_leaves_the_page_ends_the_wait(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    # The code is asked for in the dialog and the app replaces it: no page load tells optout.
    sandbox.set_fault(SITE, "in-place")
    login(optout, member, sandbox)
    done = optout("apply", SITE, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting(SITE, member.account, RETENTION) is False
