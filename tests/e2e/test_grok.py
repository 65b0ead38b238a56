"""End to end: the real `optout` command, real Chromium, the real keyring, the grok.com replica."""

from __future__ import annotations

import pytest

from optout.sandbox import Sandbox
from tests.conftest import MakeAccount, Member, Optout
from tests.e2e.journey import results

IMPROVE = "improve_the_model"
BYSTANDERS = ("personalize_with_x", "usage_analytics")


@pytest.fixture
def member(account_on: MakeAccount) -> Member:
    """A fresh grok.com replica account, "Improve the Model" on (the reported default)."""
    return account_on("grok")


def login(optout: Optout, member: Member) -> None:
    """Sign in once at accounts.x.ai, password on stdin."""
    done = optout("login", "grok", "--account", member.account, "--password-stdin", stdin=member.password + "\n")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Signed in to Grok" in done.stdout


def test_login_at_accounts_x_ai_returns_to_grok_and_saves_the_session(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    assert sandbox.password_submissions("grok", member.account) == 1
    listed = optout("accounts")
    assert member.account in listed.stdout and "session" in listed.stdout
    [session] = list((optout.home / "sessions").rglob("*.session"))
    assert b"sso" not in session.read_bytes()


def test_dry_run_reports_on_and_writes_nothing(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    done = optout("apply", "grok", "--dry-run", "--json")
    assert done.returncode == 4, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert row["setting"] == "improve-model"
    assert (row["before"], row["wanted"], row["action"], row["status"]) == ("on", "off", "would-change", "not-off")
    assert sandbox.get_setting("grok", member.account, IMPROVE) is True
    assert sandbox.writes("grok", member.account) == 0


def test_apply_switches_it_off_through_the_deep_link_and_a_second_apply_writes_nothing(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    done = optout("apply", "grok", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["before"], row["after"], row["action"], row["status"]) == ("on", "off", "changed", "ok")
    assert row["url"] == "https://grok.com/?_s=data"  # /settings/data answered 404
    assert sandbox.get_setting("grok", member.account, IMPROVE) is False
    assert all(sandbox.get_setting("grok", member.account, k) is True for k in BYSTANDERS)
    assert sandbox.writes("grok", member.account) == 1

    again = optout("apply", "grok", "--json")
    assert again.returncode == 0, again.stdout + again.stderr
    assert results(again.stdout)[0]["action"] == "unchanged"
    assert optout("verify", "grok").returncode == 0
    assert sandbox.writes("grok", member.account) == 1
    assert sandbox.password_submissions("grok", member.account) == 1  # the session was reused


def test_drift_is_found_by_verify_and_fixed_by_verify_fix(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert optout("apply", "grok").returncode == 0
    sandbox.set_setting("grok", member.account, IMPROVE, True)
    found = optout("verify", "grok", "--quiet")
    assert found.returncode == 4
    assert "Improve the Model" in found.stdout
    fixed = optout("verify", "grok", "--fix", "--json")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert results(fixed.stdout)[0]["action"] == "changed"
    assert sandbox.get_setting("grok", member.account, IMPROVE) is False
    quiet = optout("verify", "grok", "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.parametrize(
    ("fault", "value"),
    [
        ("markup", "labelledby"),
        ("markup", "checkbox"),
        ("markup", "pressed"),
        ("markup", "unnamed"),
        ("data-tab", True),
        ("settings-route", True),
    ],
)
def test_the_switch_is_found_exactly_once_however_it_is_built(
    optout: Optout, member: Member, sandbox: Sandbox, fault: str, value: object
) -> None:
    login(optout, member)
    sandbox.set_fault("grok", fault, value, account=member.account)
    done = optout("apply", "grok", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert results(done.stdout)[0]["status"] == "ok"
    assert sandbox.get_setting("grok", member.account, IMPROVE) is False
    assert all(sandbox.get_setting("grok", member.account, k) is True for k in BYSTANDERS)
    assert sandbox.writes("grok", member.account) == 1


def test_cloudflare_after_the_password_needs_you_and_nothing_is_clicked(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    sandbox.set_fault("grok", "cloudflare", account=member.account)
    done = optout("login", "grok", "--account", member.account, "--password-stdin", stdin=member.password)
    assert done.returncode == 8, done.stdout + done.stderr
    assert "optout login grok --headed" in done.stderr
    assert sandbox.challenge_clicks("grok", member.account) == 0
    assert sandbox.password_submissions("grok", member.account) == 1


def test_cloudflare_before_the_form_needs_you_and_no_password_is_typed(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    sandbox.set_fault("grok", "cloudflare", "before")
    done = optout("login", "grok", "--account", member.account, "--password-stdin", stdin=member.password)
    assert done.returncode == 8, done.stdout + done.stderr
    assert sandbox.password_submissions("grok", member.account) == 0
    assert sandbox.challenge_clicks("grok", member.account) == 0


def test_wrong_password_needs_you_and_is_not_stored(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    done = optout("login", "grok", "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8, done.stdout + done.stderr
    assert "did not accept the password" in done.stderr
    assert sandbox.password_submissions("grok", member.account) == 1
    after = optout("apply", "grok")
    assert after.returncode == 8  # no account was recorded
    assert sandbox.password_submissions("grok", member.account) == 1


@pytest.mark.parametrize(
    "faults",
    [
        {"sign-in-button": True},
        {"untyped-submit": True, "sign-in-button": "Continue"},
        {"sign-in-steps": "Next"},
        {"sign-in-steps": "Continue", "sign-in-button": "Continue", "untyped-submit": True},
    ],
    ids=["sign-in", "untyped-continue", "two-step-next", "two-step-continue"],
)
def test_other_sign_in_forms_still_log_in_with_one_submission(
    optout: Optout, member: Member, sandbox: Sandbox, faults: dict[str, object]
) -> None:
    for fault, value in faults.items():
        sandbox.set_fault("grok", fault, value)
    login(optout, member)
    assert sandbox.password_submissions("grok", member.account) == 1  # "Continue" was never pressed empty


@pytest.mark.parametrize(
    "wording", ["The password you entered is incorrect.", "Wrong email or password", "Invalid credentials"]
)
def test_other_wrong_password_wordings_are_recognised(
    optout: Optout, member: Member, sandbox: Sandbox, wording: str
) -> None:
    sandbox.set_fault("grok", "error-wording", wording)
    done = optout("login", "grok", "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8, done.stdout + done.stderr
    assert "did not accept the password" in done.stderr


def test_expired_session_logs_in_again_once_with_the_stored_password(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault("grok", "expired-session", account=member.account)
    done = optout("apply", "grok")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.password_submissions("grok", member.account) == 2
    assert sandbox.get_setting("grok", member.account, IMPROVE) is False


def test_cloudflare_during_a_scheduled_run_stops_it_before_any_write(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault("grok", "expired-session", account=member.account)
    sandbox.set_fault("grok", "cloudflare", account=member.account)
    done = optout("verify", "grok", "--fix", "--json")
    assert done.returncode == 8, done.stdout + done.stderr
    assert results(done.stdout)[0]["status"] == "needs-you"
    assert sandbox.writes("grok", member.account) == 0
    assert sandbox.challenge_clicks("grok", member.account) == 0


@pytest.mark.parametrize("fault", ["no-persist", "save-500"])
def test_a_save_that_does_not_persist_is_never_ok(optout: Optout, member: Member, sandbox: Sandbox, fault: str) -> None:
    login(optout, member)
    sandbox.set_fault("grok", fault, account=member.account)
    done = optout("apply", "grok", "--json")
    [row] = results(done.stdout)
    assert row["status"] != "ok" and row["after"] == "on"
    assert done.returncode & 4 or done.returncode & 32
    assert sandbox.get_setting("grok", member.account, IMPROVE) is True


def test_a_renamed_switch_is_site_changed_and_nothing_is_clicked(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault("grok", "label-changed", account=member.account)
    done = optout("apply", "grok", "--json")
    assert done.returncode == 16, done.stdout + done.stderr
    assert results(done.stdout)[0]["status"] == "site-changed"
    assert sandbox.writes("grok", member.account) == 0


def test_slow_pages_still_succeed(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault("grok", "slow", 3, account=member.account)
    done = optout("apply", "grok")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting("grok", member.account, IMPROVE) is False
