"""End to end: the real `optout` command, real Chromium, the real keyring, the LinkedIn replica."""

from __future__ import annotations

import pytest

from optout.sandbox import Sandbox
from tests.conftest import Member, Optout
from tests.e2e.journey import results

AI = "allowDataForGenerativeAI"
RESEARCH = "allowAnonymizedDataResearch"


def login(optout: Optout, member: Member) -> None:
    """Sign the member in once, as a user would, password on stdin."""
    done = optout("login", "linkedin", "--account", member.account, "--password-stdin", stdin=member.password + "\n")
    assert done.returncode == 0, done.stderr
    assert "Signed in to LinkedIn" in done.stdout


def test_login_stores_password_in_keyring_and_saves_an_encrypted_session(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    assert sandbox.password_submissions("linkedin", member.account) == 1
    listed = optout("accounts")
    assert member.account in listed.stdout and "session" in listed.stdout
    assert "SecretService" in listed.stdout
    sessions = list((optout.home / "sessions").rglob("*.session"))
    assert len(sessions) == 1
    assert sessions[0].stat().st_mode & 0o777 == 0o600
    assert b"li_at" not in sessions[0].read_bytes()


def test_dry_run_reports_on_and_sends_no_write(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    done = optout("apply", "linkedin", "--dry-run", "--json")
    assert done.returncode == 4, done.stderr
    [row] = results(done.stdout)
    assert row["setting"] == "genai-training"
    assert (row["before"], row["wanted"], row["action"], row["status"]) == ("on", "off", "would-change", "not-off")
    assert sandbox.get_setting("linkedin", member.account, AI) is True
    assert sandbox.writes("linkedin", member.account) == 0


def test_apply_switches_off_then_second_apply_and_verify_send_nothing(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    done = optout("apply", "linkedin", "--json")
    assert done.returncode == 0, done.stderr
    [row] = results(done.stdout)
    assert (row["before"], row["after"], row["action"], row["status"]) == ("on", "off", "changed", "ok")
    assert sandbox.get_setting("linkedin", member.account, AI) is False
    assert sandbox.writes("linkedin", member.account) == 1

    again = optout("apply", "linkedin", "--json")
    assert again.returncode == 0, again.stderr
    assert results(again.stdout)[0]["action"] == "unchanged"
    assert optout("verify", "linkedin").returncode == 0
    assert sandbox.writes("linkedin", member.account) == 1
    assert sandbox.password_submissions("linkedin", member.account) == 1  # the session was reused


def test_drift_is_found_by_verify_and_fixed_by_verify_fix(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert optout("apply", "linkedin").returncode == 0
    sandbox.set_setting("linkedin", member.account, AI, True)
    found = optout("verify", "linkedin", "--quiet")
    assert found.returncode == 4
    assert "Use my data for training content creation AI models" in found.stdout
    fixed = optout("verify", "linkedin", "--fix", "--json")
    assert fixed.returncode == 0, fixed.stderr
    assert results(fixed.stdout)[0]["action"] == "changed"
    assert sandbox.get_setting("linkedin", member.account, AI) is False
    quiet = optout("verify", "linkedin", "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.parametrize("fault", ["no-persist", "save-500"])
def test_a_save_that_does_not_persist_is_never_ok(optout: Optout, member: Member, sandbox: Sandbox, fault: str) -> None:
    login(optout, member)
    sandbox.set_fault("linkedin", fault, account=member.account)
    done = optout("apply", "linkedin", "--json")
    [row] = results(done.stdout)
    assert row["status"] != "ok" and row["after"] == "on"
    assert done.returncode & 4 or done.returncode & 32
    assert sandbox.writes("linkedin", member.account) >= 1
    assert sandbox.get_setting("linkedin", member.account, AI) is True


@pytest.mark.parametrize("fault", ["checkpoint", "restricted", "pin"])
def test_a_challenge_after_the_password_needs_you_and_nothing_is_clicked(
    optout: Optout, member: Member, sandbox: Sandbox, fault: str
) -> None:
    sandbox.set_fault("linkedin", fault, account=member.account)
    done = optout("login", "linkedin", "--account", member.account, "--password-stdin", stdin=member.password)
    assert done.returncode == 8
    assert "optout login linkedin --headed" in done.stderr
    assert sandbox.challenge_clicks("linkedin", member.account) == 0
    assert sandbox.password_submissions("linkedin", member.account) == 1


def test_a_challenge_during_a_run_stops_it(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault("linkedin", "expired-session", account=member.account)
    sandbox.set_fault("linkedin", "checkpoint", account=member.account)
    done = optout("apply", "linkedin", "--json")
    assert done.returncode == 8
    assert results(done.stdout)[0]["status"] == "needs-you"
    assert sandbox.challenge_clicks("linkedin", member.account) == 0
    assert sandbox.writes("linkedin", member.account) == 0


def test_look_alike_login_origin_is_refused_and_receives_no_password(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    sandbox.set_fault("linkedin", "lookalike-login")
    try:
        done = optout("login", "linkedin", "--account", member.account, "--password-stdin", stdin=member.password)
    finally:
        sandbox.set_fault("linkedin", "lookalike-login", False)
    assert done.returncode == 64, done.stderr
    assert "nothing was typed" in done.stderr
    assert not any(member.password in value for value in sandbox.lookalike_received())
    assert not any(member.account in value for value in sandbox.lookalike_received())


def test_wrong_password_needs_you_and_is_not_stored(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    done = optout("login", "linkedin", "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8
    assert "did not accept the password" in done.stderr
    assert sandbox.password_submissions("linkedin", member.account) == 1
    after = optout("apply", "linkedin")
    assert after.returncode == 8  # no account was recorded
    assert "optout login linkedin" in after.stderr + after.stdout


def test_no_account_needs_you_with_the_command_to_run(optout: Optout) -> None:
    done = optout("apply", "linkedin", "--json")
    assert done.returncode == 8
    [row] = results(done.stdout)
    assert row["status"] == "needs-you"
    assert "optout login linkedin" in str(row["message"])


def test_expired_session_logs_in_again_once_with_the_stored_password(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault("linkedin", "expired-session", account=member.account)
    done = optout("apply", "linkedin")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.password_submissions("linkedin", member.account) == 2
    sandbox.set_fault("linkedin", "expired-session", False, account=member.account)
    assert optout("verify", "linkedin").returncode == 0
    assert sandbox.password_submissions("linkedin", member.account) == 2


@pytest.mark.parametrize("slug", ["data-for-generative-ai-improvement", "both"])
def test_both_known_slugs_of_the_ai_page_work(optout: Optout, member: Member, sandbox: Sandbox, slug: str) -> None:
    login(optout, member)
    sandbox.set_fault("linkedin", "ai-slug", slug, account=member.account)
    done = optout("apply", "linkedin", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting("linkedin", member.account, AI) is False


def test_data_sharing_settings_only_when_asked(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert optout("apply", "linkedin").returncode == 0
    assert sandbox.get_setting("linkedin", member.account, RESEARCH) is True
    done = optout("apply", "linkedin", "--setting", "research", "--setting", "partners", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert [r["setting"] for r in results(done.stdout)] == ["research", "partners"]
    assert sandbox.get_setting("linkedin", member.account, RESEARCH) is False
    assert sandbox.get_setting("linkedin", member.account, "shareDataWithTrustedPartners") is False


def test_setting_not_offered_is_absent_not_off(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault("linkedin", "absent", account=member.account)
    done = optout("apply", "linkedin", "--json")
    [row] = results(done.stdout)
    assert (row["status"], row["before"], row["after"]) == ("absent", None, None)
    assert done.returncode == 0


def test_changed_label_is_site_changed_and_nothing_is_clicked(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault("linkedin", "label-changed", account=member.account)
    done = optout("apply", "linkedin", "--json")
    assert done.returncode == 16, done.stdout + done.stderr
    assert results(done.stdout)[0]["status"] == "site-changed"
    assert sandbox.writes("linkedin", member.account) == 0


def test_unknown_platform_is_a_one_line_usage_error(optout: Optout) -> None:
    done = optout("apply", "nosuchsite")
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "nosuchsite" in done.stderr


def test_terminal_table_shows_before_after_and_verified(optout: Optout, member: Member) -> None:
    login(optout, member)
    done = optout("apply", "linkedin")
    assert done.returncode == 0
    header, row = done.stdout.splitlines()[:2]
    assert header.split()[:3] == ["PLATFORM", "ACCOUNT", "SETTING"]
    assert "linkedin" in row and member.account in row
    assert "on -> off" in row or "on → off" in row
    assert "yes" in row


def test_a_cookie_overlay_is_declined_before_the_switch_is_clicked(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    sandbox.set_fault("linkedin", "cookie-banner")
    login(optout, member)
    dry = optout("apply", "linkedin", "--dry-run")
    assert dry.returncode == 4  # reading works under the overlay; nothing is clicked
    done = optout("apply", "linkedin")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting("linkedin", member.account, AI) is False


def test_slow_pages_still_succeed(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault("linkedin", "slow", 3, account=member.account)
    done = optout("apply", "linkedin")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting("linkedin", member.account, AI) is False


def test_authwall_instead_of_login_redirect_still_signs_in(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault("linkedin", "expired-session", account=member.account)
    sandbox.set_fault("linkedin", "authwall")
    done = optout("apply", "linkedin")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.password_submissions("linkedin", member.account) == 2
