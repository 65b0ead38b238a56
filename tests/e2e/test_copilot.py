"""End to end: the real `optout` command, real Chromium, the real keyring, the Copilot replica."""

from __future__ import annotations

import pytest

from optout.sandbox import Sandbox
from tests.conftest import MakeAccount, Member, Optout
from tests.e2e.journey import results

P = "copilot"
TEXT, VOICE, MEMORY, ADS = "modelTrainingText", "modelTrainingVoice", "personalization", "adPersonalization"


@pytest.fixture
def member(account_on: MakeAccount) -> Member:
    """A fresh Microsoft account on the Copilot replica."""
    return account_on(P)


def login(optout: Optout, member: Member) -> None:
    """Sign in once on login.live.com (email, password, "Stay signed in?" answered No)."""
    done = optout("login", P, "--account", member.account, "--password-stdin", stdin=member.password + "\n")
    assert done.returncode == 0, done.stdout + done.stderr


def test_dry_run_reports_both_toggles_on_and_sends_no_write(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert sandbox.password_submissions(P, member.account) == 1
    done = optout("apply", P, "--dry-run", "--json")
    assert done.returncode == 4, done.stdout + done.stderr
    rows = results(done.stdout)
    assert [r["setting"] for r in rows] == ["model-training-text", "model-training-voice"]
    assert all((r["before"], r["action"], r["status"]) == ("on", "would-change", "not-off") for r in rows)
    assert sandbox.writes(P, member.account) == 0


def test_apply_switches_off_both_and_nothing_else_then_repeats_send_nothing(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    done = optout("apply", P, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = results(done.stdout)
    assert all((r["before"], r["after"], r["action"], r["status"]) == ("on", "off", "changed", "ok") for r in rows)
    assert sandbox.get_setting(P, member.account, TEXT) is False
    assert sandbox.get_setting(P, member.account, VOICE) is False
    assert sandbox.get_setting(P, member.account, MEMORY) is True
    assert sandbox.get_setting(P, member.account, ADS) is True
    assert sandbox.writes(P, member.account) == 2

    again = optout("apply", P, "--json")
    assert again.returncode == 0, again.stdout + again.stderr
    assert [r["action"] for r in results(again.stdout)] == ["unchanged", "unchanged"]
    assert optout("verify", P).returncode == 0
    assert sandbox.writes(P, member.account) == 2
    assert sandbox.password_submissions(P, member.account) == 1


def test_drift_of_one_toggle_is_found_and_fixed(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert optout("apply", P).returncode == 0
    sandbox.set_setting(P, member.account, VOICE, True)
    found = optout("verify", P, "--quiet")
    assert found.returncode == 4
    assert "Model training on voice" in found.stdout
    fixed = optout("verify", P, "--fix", "--json")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert [r["action"] for r in results(fixed.stdout)] == ["unchanged", "changed"]
    assert sandbox.get_setting(P, member.account, VOICE) is False
    quiet = optout("verify", P, "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.parametrize("fault", ["no-persist", "save-500"])
def test_a_save_that_does_not_persist_is_never_ok(optout: Optout, member: Member, sandbox: Sandbox, fault: str) -> None:
    login(optout, member)
    sandbox.set_fault(P, fault, account=member.account)
    done = optout("apply", P, "--json")
    rows = results(done.stdout)
    assert all(r["status"] != "ok" and r["after"] == "on" for r in rows)
    assert done.returncode & 4 or done.returncode & 32
    assert sandbox.get_setting(P, member.account, TEXT) is True


@pytest.mark.parametrize("kind", [True, "check-email", "authenticator"])
def test_verification_code_page_needs_you_and_nothing_is_clicked(
    optout: Optout, member: Member, sandbox: Sandbox, kind: bool | str
) -> None:
    sandbox.set_fault(P, "code", kind, account=member.account)
    done = optout("login", P, "--account", member.account, "--password-stdin", stdin=member.password)
    assert done.returncode == 8, done.stdout + done.stderr
    assert "optout login copilot --headed" in done.stderr
    assert sandbox.challenge_clicks(P, member.account) == 0
    assert sandbox.password_submissions(P, member.account) == 1


def test_wrong_password_needs_you_and_is_not_stored(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    done = optout("login", P, "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8, done.stdout + done.stderr
    assert "did not accept the password" in done.stderr
    assert sandbox.password_submissions(P, member.account) == 1
    assert optout("apply", P).returncode == 8


def test_expired_session_signs_in_again_once_and_answers_stay_signed_in(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault(P, "expired-session", account=member.account)
    done = optout("apply", P, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.password_submissions(P, member.account) == 2
    assert sandbox.get_setting(P, member.account, TEXT) is False


def test_the_older_sign_in_pages_work_too(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    sandbox.set_fault(P, "old-ui")
    login(optout, member)
    done = optout("apply", P)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting(P, member.account, VOICE) is False


def test_the_older_sign_in_pages_reject_a_wrong_password(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    sandbox.set_fault(P, "old-ui")
    done = optout("login", P, "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8, done.stdout + done.stderr
    assert sandbox.password_submissions(P, member.account) == 1


@pytest.mark.parametrize("wording", [True, "these-settings"])
def test_an_eea_account_is_absent_not_off(
    optout: Optout, member: Member, sandbox: Sandbox, wording: bool | str
) -> None:
    sandbox.set_fault(P, "absent", wording, account=member.account)
    login(optout, member)
    done = optout("apply", P, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = results(done.stdout)
    assert [(r["status"], r["before"]) for r in rows] == [("absent", None), ("absent", None)]
    assert sandbox.writes(P, member.account) == 0


def test_the_second_guessed_url_is_tried_when_the_first_is_not_found(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    sandbox.set_fault(P, "pane-at-settings", account=member.account)
    login(optout, member)
    done = optout("apply", P, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert {r["url"] for r in results(done.stdout)} == {"https://copilot.microsoft.com/settings"}
    assert sandbox.get_setting(P, member.account, TEXT) is False


@pytest.mark.parametrize("fault", ["unnamed-toggles", "confirm-off"])
def test_unnamed_toggles_and_a_confirming_dialog_still_end_off(
    optout: Optout, member: Member, sandbox: Sandbox, fault: str
) -> None:
    """Toggles named only by the text in their row; a dialog that asks before turning off."""
    sandbox.set_fault(P, fault, account=member.account)
    login(optout, member)
    done = optout("apply", P, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = results(done.stdout)
    assert all((r["before"], r["after"], r["status"]) == ("on", "off", "ok") for r in rows)
    assert sandbox.get_setting(P, member.account, TEXT) is False
    assert sandbox.get_setting(P, member.account, VOICE) is False
    assert sandbox.get_setting(P, member.account, MEMORY) is True
    assert sandbox.get_setting(P, member.account, ADS) is True
    assert sandbox.writes(P, member.account) == 2
