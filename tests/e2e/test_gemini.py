"""End to end: the real `optout` command, real Chromium, the real keyring, the Google (Gemini) replica."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from optout.sandbox import Sandbox
from tests.conftest import MakeAccount, Member, Optout
from tests.e2e.journey import results, until

KEEP = "keep_activity"
LABEL = "Keep Activity (Gemini Apps Activity)"


@pytest.fixture
def member(account_on: MakeAccount) -> Member:
    """A fresh Google replica account (Keep Activity on, as for adults by default)."""
    return account_on("gemini")


def login(optout: Optout, member: Member) -> None:
    """Sign the member in once with the password on stdin (works on the replica, rarely on Google)."""
    done = optout("login", "gemini", "--account", member.account, "--password-stdin", stdin=member.password + "\n")
    assert done.returncode == 0, done.stderr
    assert "Signed in to Google Gemini" in done.stdout


def others_untouched(sandbox: Sandbox, member: Member) -> bool:
    """Nothing was deleted, and the neighbouring card and checkbox kept their state."""
    state = {k: sandbox.get_setting("gemini", member.account, k) for k in ("activity_deleted", "web_app_activity")}
    audio = sandbox.get_setting("gemini", member.account, "improve_audio")
    return state == {"activity_deleted": False, "web_app_activity": True} and audio is False


def test_dry_run_reports_on_and_sends_no_write(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert sandbox.password_submissions("gemini", member.account) == 1
    done = optout("apply", "gemini", "--dry-run", "--json")
    assert done.returncode == 4, done.stderr
    [row] = results(done.stdout)
    assert row["setting"] == "keep-activity"
    assert (row["before"], row["wanted"], row["action"], row["status"]) == ("on", "off", "would-change", "not-off")
    assert sandbox.get_setting("gemini", member.account, KEEP) is True
    assert sandbox.writes("gemini", member.account) == 0


def test_apply_turns_off_without_deleting_then_second_apply_and_verify_send_nothing(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    done = optout("apply", "gemini", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["before"], row["after"], row["action"], row["status"]) == ("on", "off", "changed", "ok")
    assert sandbox.get_setting("gemini", member.account, KEEP) is False
    assert others_untouched(sandbox, member)
    assert sandbox.writes("gemini", member.account) == 1

    again = optout("apply", "gemini", "--json")
    assert again.returncode == 0, again.stderr
    assert results(again.stdout)[0]["action"] == "unchanged"
    assert optout("verify", "gemini").returncode == 0
    assert sandbox.writes("gemini", member.account) == 1
    assert sandbox.password_submissions("gemini", member.account) == 1  # the session was reused


def test_drift_is_found_by_verify_and_fixed_by_verify_fix(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert optout("apply", "gemini").returncode == 0
    sandbox.set_setting("gemini", member.account, KEEP, True)
    found = optout("verify", "gemini", "--quiet")
    assert found.returncode == 4
    assert LABEL in found.stdout
    fixed = optout("verify", "gemini", "--fix", "--json")
    assert fixed.returncode == 0, fixed.stderr
    assert results(fixed.stdout)[0]["action"] == "changed"
    assert sandbox.get_setting("gemini", member.account, KEEP) is False
    assert others_untouched(sandbox, member)
    quiet = optout("verify", "gemini", "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.parametrize("fault", ["no-persist", "save-500"])
def test_a_save_that_does_not_persist_is_never_ok(optout: Optout, member: Member, sandbox: Sandbox, fault: str) -> None:
    login(optout, member)
    sandbox.set_fault("gemini", fault, account=member.account)
    done = optout("apply", "gemini", "--json")
    [row] = results(done.stdout)
    assert row["status"] != "ok" and row["after"] == "on"
    assert done.returncode & 4 or done.returncode & 32
    assert sandbox.writes("gemini", member.account) >= 1
    assert sandbox.get_setting("gemini", member.account, KEEP) is True


def test_two_step_verification_after_the_password_needs_you(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    sandbox.set_fault("gemini", "2sv", "totp", account=member.account)
    done = optout("login", "gemini", "--account", member.account, "--password-stdin", stdin=member.password)
    assert done.returncode == 8, done.stderr
    assert "optout login gemini --headed" in done.stderr
    assert sandbox.challenge_clicks("gemini", member.account) == 0
    assert sandbox.password_submissions("gemini", member.account) == 1


@pytest.mark.parametrize("fault", ["blocked", "captcha"])
def test_couldnt_sign_you_in_or_captcha_needs_you_before_any_password(
    optout: Optout, member: Member, sandbox: Sandbox, fault: str
) -> None:
    sandbox.set_fault("gemini", fault, account=member.account)
    done = optout("login", "gemini", "--account", member.account, "--password-stdin", stdin=member.password)
    assert done.returncode == 8, done.stderr
    assert "optout login gemini --headed" in done.stderr
    assert sandbox.password_submissions("gemini", member.account) == 0
    assert sandbox.challenge_clicks("gemini", member.account) == 0


def test_headed_login_waits_for_the_phone_prompt_to_be_approved(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    sandbox.set_fault("gemini", "2sv", "phone", account=member.account)

    def polled() -> bool:
        return any(r.path.endswith("/challenge/dp/poll") for r in sandbox.requests("gemini"))

    with ThreadPoolExecutor(1) as pool:
        running = pool.submit(
            optout,
            *("login", "gemini", "--account", member.account, "--headed", "--password-stdin"),
            stdin=member.password,
            display=True,
        )
        until(lambda: polled() or running.done(), "the phone prompt", deadline_s=180)
        assert polled() and not running.done(), "the phone prompt never showed"
        sandbox.set_fault("gemini", "2sv", "approved", account=member.account)  # the person taps Yes
        done = running.result(timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.challenge_clicks("gemini", member.account) == 0
    sandbox.set_fault("gemini", "2sv", False, account=member.account)
    applied = optout("apply", "gemini", "--json")
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert sandbox.get_setting("gemini", member.account, KEEP) is False
    assert sandbox.password_submissions("gemini", member.account) == 1


def test_wrong_password_needs_you_and_is_not_stored(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    done = optout("login", "gemini", "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8, done.stderr
    assert "did not accept the password" in done.stderr
    assert sandbox.password_submissions("gemini", member.account) == 1
    after = optout("apply", "gemini")
    assert after.returncode == 8
    assert "optout login gemini" in after.stderr + after.stdout


def test_expired_session_signs_in_again_once_with_the_stored_password(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault("gemini", "expired-session", account=member.account)
    done = optout("apply", "gemini")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.password_submissions("gemini", member.account) == 2
    assert sandbox.get_setting("gemini", member.account, KEEP) is False


@pytest.mark.parametrize(("fault", "value"), [("old-wording", True), ("slow", 3), ("menu-dialog", True)])
def test_known_variants_still_work(optout: Optout, member: Member, sandbox: Sandbox, fault: str, value: object) -> None:
    login(optout, member)
    sandbox.set_fault("gemini", fault, value, account=member.account)
    done = optout("apply", "gemini", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting("gemini", member.account, KEEP) is False
    assert others_untouched(sandbox, member)


@pytest.mark.parametrize(("fault", "value"), [("pwd-path", True), ("password-error", "Incorrect password. Try again.")])
def test_other_password_step_forms_are_understood(
    optout: Optout, member: Member, sandbox: Sandbox, fault: str, value: object
) -> None:
    sandbox.set_fault("gemini", fault, value, account=member.account)
    login(optout, member)
    wrong = optout("login", "gemini", "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert wrong.returncode == 8, wrong.stderr
    assert "did not accept the password" in wrong.stderr


def test_turn_on_auto_delete_is_never_read_as_the_cards_state(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    # The card's own control is a switch this flow does not know; its "Turn on auto-delete" must not pass for "off".
    login(optout, member)
    sandbox.set_fault("gemini", "auto-delete-switch", account=member.account)
    done = optout("apply", "gemini", "--json")
    assert done.returncode == 16, done.stdout + done.stderr
    assert results(done.stdout)[0]["status"] == "site-changed"
    assert sandbox.writes("gemini", member.account) == 0
    assert sandbox.get_setting("gemini", member.account, KEEP) is True


def test_workspace_account_managed_by_the_admin_is_site_changed_not_absent(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:

    # Keep Activity is on there and only the admin can change it: a quiet "absent" would be a false done.
    login(optout, member)
    sandbox.set_fault("gemini", "workspace", account=member.account)
    done = optout("apply", "gemini", "--json")
    assert done.returncode == 16, done.stdout + done.stderr
    assert results(done.stdout)[0]["status"] == "site-changed"
    assert sandbox.writes("gemini", member.account) == 0
