"""End to end: the real `optout` command, real Chromium, the real keyring, the Grammarly replica."""

from __future__ import annotations

import pytest

from optout.sandbox import Sandbox
from tests.conftest import MakeAccount, Member, Optout
from tests.e2e.journey import results

P = "grammarly"
TRAINING = "product_improvement_training"
UPDATES = "product_updates"


@pytest.fixture
def member(account_on: MakeAccount) -> Member:
    """A fresh Grammarly replica account (Free plan unless a test sets `plan`)."""
    return account_on(P)


def login(optout: Optout, member: Member) -> None:
    """Sign the member in once, password on stdin."""
    done = optout("login", P, "--account", member.account, "--password-stdin", stdin=member.password + "\n")
    assert done.returncode == 0, done.stdout + done.stderr


def test_dry_run_reports_on_and_sends_no_write(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert sandbox.password_submissions(P, member.account) == 1
    done = optout("apply", P, "--dry-run", "--json")
    assert done.returncode == 4, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert row["setting"] == "product-improvement-training"
    assert (row["before"], row["wanted"], row["action"], row["status"]) == ("on", "off", "would-change", "not-off")
    assert sandbox.writes(P, member.account) == 0
    assert sandbox.get_setting(P, member.account, TRAINING) is True


def test_apply_switches_off_only_the_training_toggle_and_repeats_send_nothing(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    done = optout("apply", P, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["before"], row["after"], row["action"], row["status"]) == ("on", "off", "changed", "ok")
    assert sandbox.get_setting(P, member.account, TRAINING) is False
    assert sandbox.get_setting(P, member.account, UPDATES) is True  # the look-alike toggle is untouched
    assert sandbox.writes(P, member.account) == 1

    again = optout("apply", P, "--json")
    assert again.returncode == 0, again.stdout + again.stderr
    assert results(again.stdout)[0]["action"] == "unchanged"
    assert optout("verify", P).returncode == 0
    assert sandbox.writes(P, member.account) == 1
    assert sandbox.password_submissions(P, member.account) == 1


def test_drift_is_found_by_verify_and_fixed_by_verify_fix(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert optout("apply", P).returncode == 0
    sandbox.set_setting(P, member.account, TRAINING, True)
    found = optout("verify", P, "--quiet")
    assert found.returncode == 4
    assert "Product Improvement and Training" in found.stdout
    fixed = optout("verify", P, "--fix", "--json")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert results(fixed.stdout)[0]["action"] == "changed"
    assert sandbox.get_setting(P, member.account, TRAINING) is False
    quiet = optout("verify", P, "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.parametrize("fault", ["no-persist", "save-500"])
def test_a_save_that_does_not_persist_is_never_ok(optout: Optout, member: Member, sandbox: Sandbox, fault: str) -> None:
    login(optout, member)
    sandbox.set_fault(P, fault, account=member.account)
    done = optout("apply", P, "--json")
    [row] = results(done.stdout)
    assert row["status"] != "ok" and row["after"] == "on"
    assert done.returncode & 4 or done.returncode & 32
    assert sandbox.get_setting(P, member.account, TRAINING) is True


def test_two_step_code_page_needs_you_and_nothing_is_clicked(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    sandbox.set_fault(P, "two-step", account=member.account)
    done = optout("login", P, "--account", member.account, "--password-stdin", stdin=member.password)
    assert done.returncode == 8, done.stdout + done.stderr
    assert "optout login grammarly --headed" in done.stderr
    assert sandbox.challenge_clicks(P, member.account) == 0
    assert sandbox.password_submissions(P, member.account) == 1


def test_wrong_password_needs_you_and_is_not_stored(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    done = optout("login", P, "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8, done.stdout + done.stderr
    assert "did not accept the password" in done.stderr
    assert sandbox.password_submissions(P, member.account) == 1
    assert optout("apply", P).returncode == 8


def test_expired_session_signs_in_again_once(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault(P, "expired-session", account=member.account)
    done = optout("apply", P)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.password_submissions(P, member.account) == 2
    assert sandbox.get_setting(P, member.account, TRAINING) is False


def test_single_user_pro_page_is_found_at_data_settings(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    sandbox.set_fault(P, "plan", "pro", account=member.account)
    login(optout, member)
    done = optout("apply", P, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert row["status"] == "ok" and row["after"] == "off"
    assert sandbox.get_setting(P, member.account, TRAINING) is False


def test_business_checkmark_with_its_ampersand_label_is_read_and_switched(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    sandbox.set_fault(P, "plan", "business", account=member.account)
    login(optout, member)
    assert optout("apply", P, "--dry-run").returncode == 4
    done = optout("apply", P, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting(P, member.account, TRAINING) is False
    assert sandbox.writes(P, member.account) == 1


def test_a_checkmark_without_an_accessible_state_is_site_changed_not_guessed(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    sandbox.set_fault(P, "plan", "business", account=member.account)
    sandbox.set_fault(P, "tick-only", account=member.account)
    login(optout, member)
    done = optout("apply", P, "--json")
    assert done.returncode == 16, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["status"], row["before"], row["after"]) == ("site-changed", None, None)
    assert sandbox.writes(P, member.account) == 0


@pytest.mark.parametrize("wording", [False, True], ids=["only-admins", "managed-by"])
def test_multi_user_member_is_absent_because_only_admins_can_change_it(
    optout: Optout, member: Member, sandbox: Sandbox, wording: bool
) -> None:
    sandbox.set_fault(P, "plan", "member", account=member.account)
    sandbox.set_fault(P, "managed-wording", wording, account=member.account)
    login(optout, member)
    done = optout("apply", P, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["status"], row["before"], row["after"]) == ("absent", None, None)
    assert sandbox.writes(P, member.account) == 0


@pytest.mark.parametrize("note", [False, True], ids=["plain", "beside-an-admins-note"])
def test_an_unknown_label_is_site_changed_and_nothing_is_clicked(
    optout: Optout, member: Member, sandbox: Sandbox, note: bool
) -> None:
    sandbox.set_fault(P, "label-changed", account=member.account)
    # A note saying only admins may change things must not hide the missing toggle as "absent".
    sandbox.set_fault(P, "admin-note", note, account=member.account)
    login(optout, member)
    done = optout("apply", P, "--json")
    assert done.returncode == 16, done.stdout + done.stderr
    assert sandbox.writes(P, member.account) == 0


@pytest.mark.parametrize("fault", ["identifier-first", "plain-signin"])
def test_an_identifier_first_sign_in_works_too(optout: Optout, member: Member, sandbox: Sandbox, fault: str) -> None:
    sandbox.set_fault(P, fault)
    login(optout, member)
    assert sandbox.password_submissions(P, member.account) == 1
    done = optout("apply", P)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting(P, member.account, TRAINING) is False


def test_an_identifier_first_sign_in_rejects_a_wrong_password(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    sandbox.set_fault(P, "identifier-first")
    done = optout("login", P, "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8, done.stdout + done.stderr
    assert sandbox.password_submissions(P, member.account) == 1


@pytest.mark.parametrize("plan", [None, "pro"])
def test_a_toggle_without_a_name_is_found_in_its_row(
    optout: Optout, member: Member, sandbox: Sandbox, plan: str | None
) -> None:
    sandbox.set_fault(P, "plan", plan, account=member.account)
    sandbox.set_fault(P, "unnamed", account=member.account)
    login(optout, member)
    done = optout("apply", P, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting(P, member.account, TRAINING) is False
    assert sandbox.get_setting(P, member.account, "product_updates") is True
