"""End to end: the real `optout` command, real Chromium, the real keyring, the GitHub replica."""

from __future__ import annotations

import pytest

from optout.sandbox import Sandbox
from tests.conftest import MakeAccount, Member, Optout
from tests.e2e.journey import results

AI = "ai_model_training"
PRODUCT = "product_improvements"
BYSTANDERS = ("public_code", "github_com", "ide", "chat_ide", "mobile", "cli", "code_review", "mcp", "claude")


@pytest.fixture
def member(account_on: MakeAccount) -> Member:
    """A fresh GitHub replica account (both privacy rows Enabled)."""
    return account_on("github")


def login(optout: Optout, member: Member) -> None:
    """Sign the member in once, as a user would, password on stdin."""
    done = optout("login", "github", "--account", member.account, "--password-stdin", stdin=member.password + "\n")
    assert done.returncode == 0, done.stderr
    assert "Signed in to GitHub" in done.stdout


def untouched(sandbox: Sandbox, member: Member) -> bool:
    """Every other select on the Features page still holds its default."""
    defaults = {"public_code": "Blocked"}
    return all(sandbox.get_setting("github", member.account, k) == defaults.get(k, "Enabled") for k in BYSTANDERS)


def test_dry_run_reports_enabled_and_sends_no_write(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert sandbox.password_submissions("github", member.account) == 1
    done = optout("apply", "github", "--dry-run", "--json")
    assert done.returncode == 4, done.stderr
    [row] = results(done.stdout)
    assert row["setting"] == "ai-model-training"
    assert (row["before"], row["wanted"], row["action"], row["status"]) == (
        "Enabled",
        "Disabled",
        "would-change",
        "not-off",
    )
    assert sandbox.get_setting("github", member.account, AI) == "Enabled"
    assert sandbox.writes("github", member.account) == 0


def test_apply_disables_only_that_row_then_second_apply_and_verify_send_nothing(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    done = optout("apply", "github", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["before"], row["after"], row["action"], row["status"]) == ("Enabled", "Disabled", "changed", "ok")
    assert sandbox.get_setting("github", member.account, AI) == "Disabled"
    assert sandbox.get_setting("github", member.account, PRODUCT) == "Enabled"  # data-sharing: only when asked
    assert untouched(sandbox, member)
    assert sandbox.writes("github", member.account) == 1

    again = optout("apply", "github", "--json")
    assert again.returncode == 0, again.stderr
    assert results(again.stdout)[0]["action"] == "unchanged"
    assert optout("verify", "github").returncode == 0
    assert sandbox.writes("github", member.account) == 1
    assert sandbox.password_submissions("github", member.account) == 1  # the session was reused


def test_drift_is_found_by_verify_and_fixed_by_verify_fix(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert optout("apply", "github").returncode == 0
    sandbox.set_setting("github", member.account, AI, "Enabled")
    found = optout("verify", "github", "--quiet")
    assert found.returncode == 4
    assert "Allow GitHub to use my data for AI model training" in found.stdout
    fixed = optout("verify", "github", "--fix", "--json")
    assert fixed.returncode == 0, fixed.stderr
    assert results(fixed.stdout)[0]["action"] == "changed"
    assert sandbox.get_setting("github", member.account, AI) == "Disabled"
    quiet = optout("verify", "github", "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")


def test_product_improvements_only_with_setting(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    done = optout("apply", "github", "--setting", "product-improvements", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["setting"], row["after"], row["status"]) == ("product-improvements", "Disabled", "ok")
    assert sandbox.get_setting("github", member.account, PRODUCT) == "Disabled"
    assert sandbox.get_setting("github", member.account, AI) == "Enabled"
    assert untouched(sandbox, member)


@pytest.mark.parametrize("fault", ["no-persist", "save-500"])
def test_a_save_that_does_not_persist_is_never_ok(optout: Optout, member: Member, sandbox: Sandbox, fault: str) -> None:
    login(optout, member)
    sandbox.set_fault("github", fault, account=member.account)
    done = optout("apply", "github", "--json")
    [row] = results(done.stdout)
    assert row["status"] != "ok" and row["after"] == "Enabled"
    assert done.returncode & 4 or done.returncode & 32
    assert sandbox.writes("github", member.account) >= 1
    assert sandbox.get_setting("github", member.account, AI) == "Enabled"


@pytest.mark.parametrize("fault", ["two-factor", "two-factor-mobile", "verified-device", "device-captcha"])
def test_a_check_after_the_password_needs_you_and_nothing_is_clicked(
    optout: Optout, member: Member, sandbox: Sandbox, fault: str
) -> None:
    sandbox.set_fault("github", fault, account=member.account)
    done = optout("login", "github", "--account", member.account, "--password-stdin", stdin=member.password)
    assert done.returncode == 8, done.stderr
    assert "optout login github --headed" in done.stderr
    assert sandbox.challenge_clicks("github", member.account) == 0
    assert sandbox.password_submissions("github", member.account) == 1


def test_sudo_prompt_on_the_settings_page_needs_you_and_no_password_is_typed(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault("github", "sudo", account=member.account)
    done = optout("apply", "github", "--json")
    assert done.returncode == 8, done.stdout + done.stderr
    assert results(done.stdout)[0]["status"] == "needs-you"
    assert sandbox.password_submissions("github", member.account) == 1  # only the login's
    assert sandbox.challenge_clicks("github", member.account) == 0
    assert sandbox.writes("github", member.account) == 0


def test_wrong_password_needs_you_and_is_not_stored(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    done = optout("login", "github", "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8, done.stderr
    assert "did not accept the password" in done.stderr
    assert sandbox.password_submissions("github", member.account) == 1
    after = optout("apply", "github")
    assert after.returncode == 8
    assert "optout login github" in after.stderr + after.stdout


def test_expired_session_signs_in_again_once_with_the_stored_password(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault("github", "expired-session", account=member.account)
    done = optout("apply", "github")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.password_submissions("github", member.account) == 2
    assert sandbox.get_setting("github", member.account, AI) == "Disabled"


def test_expired_session_and_two_factor_stops_with_needs_you(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault("github", "expired-session", account=member.account)
    sandbox.set_fault("github", "two-factor", account=member.account)
    done = optout("apply", "github", "--json")
    assert done.returncode == 8, done.stdout + done.stderr
    assert results(done.stdout)[0]["status"] == "needs-you"
    assert sandbox.challenge_clicks("github", member.account) == 0
    assert sandbox.writes("github", member.account) == 0


@pytest.mark.parametrize(
    ("fault", "value"),
    [("old-page", True), ("native-select", True), ("heading", "Data handling"), ("slow", 3)],
)
def test_known_variants_of_the_page_still_work(
    optout: Optout, member: Member, sandbox: Sandbox, fault: str, value: object
) -> None:
    login(optout, member)
    sandbox.set_fault("github", fault, value, account=member.account)
    done = optout("apply", "github", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert results(done.stdout)[0]["after"] == "Disabled"
    assert sandbox.get_setting("github", member.account, AI) == "Disabled"
    assert untouched(sandbox, member)


@pytest.mark.parametrize("heading", [True, "Confirm your password", "redirect"])
def test_every_known_form_of_sudo_needs_you(optout: Optout, member: Member, sandbox: Sandbox, heading: object) -> None:
    login(optout, member)
    sandbox.set_fault("github", "sudo", heading, account=member.account)
    done = optout("apply", "github", "--json")
    assert done.returncode == 8, done.stdout + done.stderr
    assert results(done.stdout)[0]["status"] == "needs-you"
    assert sandbox.password_submissions("github", member.account) == 1
    assert sandbox.writes("github", member.account) == 0


@pytest.mark.parametrize("wording", ["Incorrect username or password.", "Invalid login or password."])
def test_other_wrong_password_wordings_are_recognised(
    optout: Optout, member: Member, sandbox: Sandbox, wording: str
) -> None:
    sandbox.set_fault("github", "login-error", wording, account=member.account)
    done = optout("login", "github", "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8, done.stderr
    assert "did not accept the password" in done.stderr
    assert sandbox.password_submissions("github", member.account) == 1


def test_a_save_button_under_the_rows_is_pressed(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault("github", "save-button", account=member.account)
    done = optout("apply", "github", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert results(done.stdout)[0]["after"] == "Disabled"
    assert sandbox.get_setting("github", member.account, AI) == "Disabled"
    assert sandbox.get_setting("github", member.account, PRODUCT) == "Enabled"
    assert untouched(sandbox, member)


@pytest.mark.parametrize("fault", ["label-changed", "business-seat", "locked-row", "mixed-box"])
def test_a_missing_or_renamed_row_is_site_changed_and_nothing_is_written(
    optout: Optout, member: Member, sandbox: Sandbox, fault: str
) -> None:
    # A Business seat hides the row without saying the setting is not offered: not "absent".
    # A row without its menu must not borrow the neighbouring row's.
    login(optout, member)
    sandbox.set_fault("github", fault, account=member.account)
    done = optout("apply", "github", "--json")
    assert done.returncode == 16, done.stdout + done.stderr
    assert results(done.stdout)[0]["status"] == "site-changed"
    assert sandbox.writes("github", member.account) == 0
    assert sandbox.get_setting("github", member.account, PRODUCT) == "Enabled"
    assert untouched(sandbox, member)
