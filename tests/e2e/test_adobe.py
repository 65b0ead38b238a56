"""End to end: the real `optout` command, real Chromium, the real keyring, the Adobe replica."""

from __future__ import annotations

import pytest

from optout.sandbox import Sandbox
from tests.conftest import MakeAccount, Member, Optout
from tests.e2e.journey import results

P = "adobe"
CONTENT = "content_analysis"
USAGE = "desktop_app_usage"


@pytest.fixture
def member(account_on: MakeAccount) -> Member:
    """A fresh Adobe replica account (a personal one unless a test sets `absent`)."""
    return account_on(P)


def login(optout: Optout, member: Member) -> None:
    """Sign the member in once through the redirect to auth.services.adobe.com, password on stdin."""
    done = optout("login", P, "--account", member.account, "--password-stdin", stdin=member.password + "\n")
    assert done.returncode == 0, done.stdout + done.stderr


def test_dry_run_reports_on_and_sends_no_write(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert sandbox.password_submissions(P, member.account) == 1
    done = optout("apply", P, "--dry-run", "--json")
    assert done.returncode == 4, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert row["setting"] == "content-analysis"
    assert (row["before"], row["wanted"], row["action"], row["status"]) == ("on", "off", "would-change", "not-off")
    assert sandbox.writes(P, member.account) == 0


def test_apply_switches_off_content_analysis_only_and_repeats_send_nothing(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    done = optout("apply", P, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["before"], row["after"], row["action"], row["status"]) == ("on", "off", "changed", "ok")
    assert sandbox.get_setting(P, member.account, CONTENT) is False
    assert sandbox.get_setting(P, member.account, USAGE) is True  # the other toggle on the page
    assert sandbox.writes(P, member.account) == 1

    again = optout("apply", P, "--json")
    assert again.returncode == 0, again.stdout + again.stderr
    assert results(again.stdout)[0]["action"] == "unchanged"
    assert optout("verify", P).returncode == 0
    assert sandbox.writes(P, member.account) == 1
    assert sandbox.password_submissions(P, member.account) == 1  # the saved session was enough


def test_drift_is_found_by_verify_and_fixed_by_verify_fix(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert optout("apply", P).returncode == 0
    sandbox.set_setting(P, member.account, CONTENT, True)
    found = optout("verify", P, "--quiet")
    assert found.returncode == 4
    assert "Content analysis" in found.stdout
    fixed = optout("verify", P, "--fix", "--json")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert results(fixed.stdout)[0]["action"] == "changed"
    assert sandbox.get_setting(P, member.account, CONTENT) is False
    quiet = optout("verify", P, "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.parametrize("fault", ["no-persist", "save-500"])
def test_an_autosave_that_does_not_persist_is_never_ok(
    optout: Optout, member: Member, sandbox: Sandbox, fault: str
) -> None:
    login(optout, member)
    sandbox.set_fault(P, fault, account=member.account)
    done = optout("apply", P, "--json")
    [row] = results(done.stdout)
    assert row["status"] != "ok" and row["after"] == "on"
    assert done.returncode & 4 or done.returncode & 32
    assert sandbox.get_setting(P, member.account, CONTENT) is True


def test_verify_your_identity_needs_you_and_nothing_is_clicked(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    sandbox.set_fault(P, "verify-identity", account=member.account)
    done = optout("login", P, "--account", member.account, "--password-stdin", stdin=member.password)
    assert done.returncode == 8, done.stdout + done.stderr
    assert "optout login adobe --headed" in done.stderr
    assert sandbox.challenge_clicks(P, member.account) == 0
    assert sandbox.password_submissions(P, member.account) == 1


def test_wrong_password_needs_you_and_is_not_stored(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    done = optout("login", P, "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8, done.stdout + done.stderr
    assert "did not accept the password" in done.stderr
    assert sandbox.password_submissions(P, member.account) == 1
    assert optout("apply", P).returncode == 8


def test_expired_session_signs_in_again_once_through_the_redirects(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault(P, "expired-session", account=member.account)
    done = optout("apply", P)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.password_submissions(P, member.account) == 2
    assert sandbox.get_setting(P, member.account, CONTENT) is False


def test_the_2024_wording_is_accepted(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    sandbox.set_fault(P, "label-2024", account=member.account)
    login(optout, member)
    done = optout("apply", P, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting(P, member.account, CONTENT) is False
    assert sandbox.get_setting(P, member.account, USAGE) is True


@pytest.mark.parametrize(
    ("setting", "changed", "kept"), [("content-analysis", CONTENT, USAGE), ("desktop-app-usage", USAGE, CONTENT)]
)
def test_a_switch_named_only_on_or_off_is_found_by_its_section(
    optout: Optout, member: Member, sandbox: Sandbox, setting: str, changed: str, kept: str
) -> None:
    """ "Change the toggle from On to Off": a switch named by its state, not its heading."""
    sandbox.set_fault(P, "state-named", account=member.account)
    login(optout, member)
    done = optout("apply", P, "--setting", setting, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["setting"], row["before"], row["after"], row["status"]) == (setting, "on", "off", "ok")
    assert sandbox.get_setting(P, member.account, changed) is False
    assert sandbox.get_setting(P, member.account, kept) is True
    assert sandbox.writes(P, member.account) == 1


@pytest.mark.parametrize("wording", [True, "personal-only"])
def test_a_business_account_is_absent_not_off(
    optout: Optout, member: Member, sandbox: Sandbox, wording: bool | str
) -> None:
    sandbox.set_fault(P, "absent", wording, account=member.account)
    login(optout, member)
    done = optout("apply", P, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["status"], row["before"], row["after"]) == ("absent", None, None)
    assert sandbox.writes(P, member.account) == 0


def test_desktop_app_usage_only_when_asked(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    done = optout("apply", P, "--setting", "desktop-app-usage", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert [r["setting"] for r in results(done.stdout)] == ["desktop-app-usage"]
    assert sandbox.get_setting(P, member.account, USAGE) is False
    assert sandbox.get_setting(P, member.account, CONTENT) is True
