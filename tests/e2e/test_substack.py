"""End to end: the real `optout` command, real Chromium, the real keyring, the Substack replica."""

from __future__ import annotations

import pytest

from optout.sandbox import Sandbox
from tests.conftest import MakeAccount, Member, Optout
from tests.e2e.journey import results

FIELDNOTES = "block_ai_training:fieldnotes"  # off by default: training allowed
QUIET = "block_ai_training:quietmargins"  # on by default: already opted out
HEADED_HINT = "optout login substack --headed"


@pytest.fixture
def writer(account_on: MakeAccount) -> Member:
    """A Substack account with a password and two publications, one already opted out."""
    return account_on("substack")


def login(optout: Optout, member: Member) -> None:
    """Sign the writer in once, password on stdin."""
    done = optout("login", "substack", "--account", member.account, "--password-stdin", stdin=member.password + "\n")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Signed in to Substack" in done.stdout


def by_site(stdout: str) -> dict[object, dict[str, object]]:
    """The rows of a --json document, keyed by publication."""
    return {row["site"]: row for row in results(stdout)}


def test_login_with_password_does_not_mail_a_magic_link(optout: Optout, writer: Member, sandbox: Sandbox) -> None:
    def links_mailed() -> int:
        return sum(r.path == "/api/v1/email-login" for r in sandbox.requests("substack"))

    before = links_mailed()
    login(optout, writer)
    assert sandbox.password_submissions("substack", writer.account) == 1
    assert links_mailed() == before  # "Sign in with password" was used instead


def test_dry_run_lists_each_publication_and_writes_nothing(optout: Optout, writer: Member, sandbox: Sandbox) -> None:
    login(optout, writer)
    done = optout("apply", "substack", "--dry-run", "--json")
    assert done.returncode == 4, done.stdout + done.stderr
    rows = by_site(done.stdout)
    assert set(rows) == {"fieldnotes", "quietmargins"}
    field, quiet = rows["fieldnotes"], rows["quietmargins"]
    assert (field["before"], field["wanted"]) == ("off", "on")
    assert (field["action"], field["status"]) == ("would-change", "not-off")
    assert (quiet["before"], quiet["action"], quiet["status"]) == ("on", "unchanged", "ok")
    assert field["setting"] == "block-ai-training" and "fieldnotes" in str(field["label"])
    assert sandbox.get_setting("substack", writer.account, FIELDNOTES) is False
    assert sandbox.writes("substack", writer.account) == 0


def test_apply_opts_out_each_publication_then_nothing_more_is_sent(
    optout: Optout, writer: Member, sandbox: Sandbox
) -> None:
    login(optout, writer)
    done = optout("apply", "substack", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = by_site(done.stdout)
    assert (rows["fieldnotes"]["before"], rows["fieldnotes"]["after"]) == ("off", "on")
    assert (rows["fieldnotes"]["action"], rows["fieldnotes"]["status"]) == ("changed", "ok")
    assert (rows["quietmargins"]["action"], rows["quietmargins"]["status"]) == ("unchanged", "ok")
    assert sandbox.get_setting("substack", writer.account, FIELDNOTES) is True
    assert sandbox.get_setting("substack", writer.account, QUIET) is True
    assert sandbox.writes("substack", writer.account) == 1

    again = optout("apply", "substack", "--json")
    assert again.returncode == 0, again.stdout + again.stderr
    assert {row["action"] for row in results(again.stdout)} == {"unchanged"}
    assert optout("verify", "substack").returncode == 0
    assert sandbox.writes("substack", writer.account) == 1
    assert sandbox.password_submissions("substack", writer.account) == 1  # the session was reused


def test_drift_is_found_by_verify_and_fixed_by_verify_fix(optout: Optout, writer: Member, sandbox: Sandbox) -> None:
    login(optout, writer)
    assert optout("apply", "substack").returncode == 0
    sandbox.set_setting("substack", writer.account, QUIET, False)
    found = optout("verify", "substack", "--quiet")
    assert found.returncode == 4
    assert "quietmargins" in found.stdout
    fixed = optout("verify", "substack", "--fix", "--json")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert by_site(fixed.stdout)["quietmargins"]["action"] == "changed"
    assert sandbox.get_setting("substack", writer.account, QUIET) is True
    quiet = optout("verify", "substack", "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.parametrize("layout", ["2026", "2023"])
def test_a_save_button_in_the_toggles_section_is_pressed(
    optout: Optout, writer: Member, sandbox: Sandbox, layout: str
) -> None:
    login(optout, writer)
    sandbox.set_fault("substack", "needs-save", account=writer.account)
    if layout == "2023":
        sandbox.set_fault("substack", "wording-2023", account=writer.account)
    done = optout("apply", "substack", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert by_site(done.stdout)["fieldnotes"]["action"] == "changed"
    assert sandbox.get_setting("substack", writer.account, FIELDNOTES) is True


@pytest.mark.parametrize("fault", ["no-persist", "save-500"])
def test_a_change_that_does_not_stick_is_never_ok(optout: Optout, writer: Member, sandbox: Sandbox, fault: str) -> None:
    login(optout, writer)
    sandbox.set_fault("substack", fault, account=writer.account)
    done = optout("apply", "substack", "--json")
    row = by_site(done.stdout)["fieldnotes"]
    assert row["status"] != "ok" and row["after"] == "off"
    assert done.returncode & 4 or done.returncode & 32
    assert sandbox.get_setting("substack", writer.account, FIELDNOTES) is False


@pytest.mark.parametrize("wording", [True, "human"])
def test_captcha_after_the_password_needs_you_and_nothing_is_clicked(
    optout: Optout, writer: Member, sandbox: Sandbox, wording: object
) -> None:
    sandbox.set_fault("substack", "captcha", wording, account=writer.account)
    done = optout("login", "substack", "--account", writer.account, "--password-stdin", stdin=writer.password)
    assert done.returncode == 8, done.stdout + done.stderr
    assert HEADED_HINT in done.stderr
    assert sandbox.challenge_clicks("substack", writer.account) == 0
    assert sandbox.password_submissions("substack", writer.account) == 1


def test_wrong_password_needs_you(optout: Optout, writer: Member, sandbox: Sandbox) -> None:
    done = optout("login", "substack", "--account", writer.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8
    assert "did not accept the password" in done.stderr
    assert sandbox.password_submissions("substack", writer.account) == 1


def test_an_account_without_a_password_needs_login_headed(
    optout: Optout, account_on: MakeAccount, sandbox: Sandbox
) -> None:
    linked = account_on("substack", settings={"has_password": False})
    done = optout("login", "substack", "--account", linked.account, "--password-stdin", stdin="anything")
    assert done.returncode == 8, done.stdout + done.stderr
    assert HEADED_HINT in done.stderr


def test_email_first_sign_in_finds_the_password_step_or_stops_for_a_link_only_account(
    optout: Optout, account_on: MakeAccount, writer: Member, sandbox: Sandbox
) -> None:
    sandbox.set_fault("substack", "email-first")
    login(optout, writer)
    linked = account_on("substack", settings={"has_password": False})
    done = optout("login", "substack", "--account", linked.account, "--password-stdin", stdin="anything")
    assert done.returncode == 8, done.stdout + done.stderr
    assert HEADED_HINT in done.stderr
    assert sandbox.password_submissions("substack", linked.account) == 0  # nothing was typed


def test_a_password_offered_only_after_the_link_was_mailed_needs_you_and_nothing_is_typed(
    optout: Optout, writer: Member, sandbox: Sandbox
) -> None:
    sandbox.set_fault("substack", "password-link-after-email")
    done = optout("login", "substack", "--account", writer.account, "--password-stdin", stdin=writer.password)
    assert done.returncode == 8, done.stdout + done.stderr
    assert HEADED_HINT in done.stderr
    assert sandbox.password_submissions("substack", writer.account) == 0


def test_expired_session_signs_in_again_once_and_lists_publications(
    optout: Optout, writer: Member, sandbox: Sandbox
) -> None:
    login(optout, writer)
    sandbox.set_fault("substack", "expired-session", account=writer.account)
    done = optout("apply", "substack", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert set(by_site(done.stdout)) == {"fieldnotes", "quietmargins"}
    assert sandbox.password_submissions("substack", writer.account) == 2
    assert sandbox.get_setting("substack", writer.account, FIELDNOTES) is True


def test_the_2023_wording_block_ai_training_works_too(optout: Optout, writer: Member, sandbox: Sandbox) -> None:
    login(optout, writer)
    sandbox.set_fault("substack", "wording-2023", account=writer.account)
    done = optout("apply", "substack", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting("substack", writer.account, FIELDNOTES) is True
    assert sandbox.writes("substack", writer.account) == 1  # no bystander toggle was touched


def test_a_dashboard_moved_to_a_custom_domain_is_site_changed_and_untouched(
    optout: Optout, writer: Member, sandbox: Sandbox
) -> None:
    login(optout, writer)
    sandbox.set_fault("substack", "custom-domain-redirect", account=writer.account)
    done = optout("apply", "substack", "--json")
    assert done.returncode == 16, done.stdout + done.stderr
    rows = by_site(done.stdout)
    assert rows["fieldnotes"]["status"] == "site-changed"
    assert rows["quietmargins"]["status"] == "ok"
    assert sandbox.writes("substack", writer.account) == 0


def test_an_account_with_no_publication_has_nothing_to_do(
    optout: Optout, account_on: MakeAccount, sandbox: Sandbox
) -> None:
    reader = account_on("substack", settings={"publications": []})
    login(optout, reader)
    done = optout("apply", "substack", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["status"], row["action"]) == ("absent", "none")
    assert sandbox.writes("substack", reader.account) == 0
