"""End to end: the real `optout` command, real Chromium, the real keyring, the Quora replica."""

from __future__ import annotations

import pytest

from optout.sandbox import Sandbox
from tests.conftest import MakeAccount, Member, Optout
from tests.e2e.journey import results

SITE = "quora"
LLM = "allow_llm_training"
BYSTANDERS = ("allow_search_indexing", "show_llm_answers")


@pytest.fixture
def member(account_on: MakeAccount) -> Member:
    """A fresh Quora replica account (LLM training allowed, as by default)."""
    return account_on(SITE)


def login(optout: Optout, member: Member) -> None:
    """Sign the member in once, password on stdin."""
    done = optout("login", SITE, "--account", member.account, "--password-stdin", stdin=member.password + "\n")
    assert done.returncode == 0, done.stderr


def test_dry_run_reports_on_and_sends_no_write(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert sandbox.password_submissions(SITE, member.account) == 1
    done = optout("apply", SITE, "--dry-run", "--json")
    assert done.returncode == 4, done.stderr
    [row] = results(done.stdout)
    assert (row["setting"], row["before"], row["action"], row["status"]) == (
        "llm-training",
        "on",
        "would-change",
        "not-off",
    )
    assert sandbox.get_setting(SITE, member.account, LLM) is True
    assert sandbox.writes(SITE, member.account) == 0


def test_apply_switches_off_once_and_leaves_the_neighbours_alone(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    done = optout("apply", SITE, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["before"], row["after"], row["action"], row["status"]) == ("on", "off", "changed", "ok")
    assert sandbox.get_setting(SITE, member.account, LLM) is False
    assert sandbox.writes(SITE, member.account) == 1
    assert all(sandbox.get_setting(SITE, member.account, key) is True for key in BYSTANDERS)

    again = optout("apply", SITE, "--json")
    assert again.returncode == 0, again.stderr
    assert results(again.stdout)[0]["action"] == "unchanged"
    assert optout("verify", SITE).returncode == 0
    assert sandbox.writes(SITE, member.account) == 1
    assert sandbox.password_submissions(SITE, member.account) == 1


def test_drift_is_found_by_verify_and_fixed_by_verify_fix(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert optout("apply", SITE).returncode == 0
    sandbox.set_setting(SITE, member.account, LLM, True)
    found = optout("verify", SITE, "--quiet")
    assert found.returncode == 4
    assert "large language models" in found.stdout
    fixed = optout("verify", SITE, "--fix", "--json")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert results(fixed.stdout)[0]["action"] == "changed"
    assert sandbox.get_setting(SITE, member.account, LLM) is False
    quiet = optout("verify", SITE, "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.parametrize("fault", ["no-persist", "save-500"])
def test_a_save_that_does_not_persist_is_never_ok(optout: Optout, member: Member, sandbox: Sandbox, fault: str) -> None:
    login(optout, member)
    sandbox.set_fault(SITE, fault, account=member.account)
    done = optout("apply", SITE, "--json")
    [row] = results(done.stdout)
    assert row["status"] != "ok" and row["after"] == "on"
    assert done.returncode & 4 or done.returncode & 32
    assert sandbox.get_setting(SITE, member.account, LLM) is True


@pytest.mark.parametrize("fault", ["login-code", "captcha"])
def test_a_challenge_after_the_password_needs_you_and_nothing_is_clicked(
    optout: Optout, member: Member, sandbox: Sandbox, fault: str
) -> None:
    sandbox.set_fault(SITE, fault, account=member.account)
    done = optout("login", SITE, "--account", member.account, "--password-stdin", stdin=member.password)
    assert done.returncode == 8, done.stderr
    assert "optout login quora --headed" in done.stderr
    assert sandbox.challenge_clicks(SITE, member.account) == 0
    assert sandbox.password_submissions(SITE, member.account) == 1


def test_wrong_password_needs_you_and_is_not_stored(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    done = optout("login", SITE, "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8, done.stderr
    assert "did not accept the password" in done.stderr
    assert sandbox.password_submissions(SITE, member.account) == 1
    assert optout("apply", SITE).returncode == 8


def test_expired_session_logs_in_again_once(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault(SITE, "expired-session", account=member.account)
    done = optout("apply", SITE)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.password_submissions(SITE, member.account) == 2
    assert sandbox.get_setting(SITE, member.account, LLM) is False


def test_slow_pages_still_succeed(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault(SITE, "slow", 2, account=member.account)
    done = optout("apply", SITE)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting(SITE, member.account, LLM) is False


@pytest.mark.parametrize("fault", ["label-variant", "checkbox", "llm-label", "unnamed", "pressed", "save-button"])
def test_other_wording_or_a_checkbox_still_works(optout: Optout, member: Member, sandbox: Sandbox, fault: str) -> None:
    login(optout, member)
    sandbox.set_fault(SITE, fault, account=member.account)
    done = optout("apply", SITE, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting(SITE, member.account, LLM) is False
    assert all(sandbox.get_setting(SITE, member.account, key) is True for key in BYSTANDERS)


def test_a_control_worded_the_other_way_round_is_refused(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault(SITE, "inverted", account=member.account)
    done = optout("apply", SITE, "--json")
    [row] = results(done.stdout)
    assert row["status"] == "site-changed", done.stdout + done.stderr
    assert sandbox.writes(SITE, member.account) == 0
    assert sandbox.get_setting(SITE, member.account, LLM) is True
