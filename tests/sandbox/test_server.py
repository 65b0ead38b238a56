"""The sandbox server without a browser: binding, Host dispatch, the Python and HTTP control APIs, records."""

from __future__ import annotations

import uuid

import pytest

from optout import registry
from optout.sandbox import Sandbox
from optout.sandbox.site import Site, site_classes

from .conftest import Account, Call, https_call


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "10.0.0.1", "::", "example.com", ""])
def test_only_loopback_addresses_are_bound(host: str) -> None:
    with pytest.raises(ValueError, match="loopback"):
        Sandbox(host=host)


def test_other_loopback_addresses_are_fine() -> None:
    with Sandbox(host="127.0.0.2") as server:
        assert server.url == f"https://127.0.0.2:{server.port}"


def test_sites_are_discovered_from_the_sites_package(sandbox: Sandbox) -> None:
    classes = site_classes()
    assert all(issubclass(cls, Site) for cls in classes)
    assert sandbox.sites["controls"] == ("controls.sandbox.test",)
    assert sandbox.sites["linkedin"] == ("www.linkedin.com", "linkedin.com")
    assert sandbox.sites["lookalike"] == ("www.linkedln.com", "linkedln.com")
    # Every platform optout automates has a replica to be tested against.
    assert set(registry.platform_ids()) <= set(sandbox.sites)


def test_unknown_host_gets_a_404_naming_it(call: Call) -> None:
    reply = call("GET", "nowhere.test", "/")
    assert reply.status == 404
    assert b"no replica for nowhere.test" in reply.body


def test_host_header_is_lower_cased_and_its_port_dropped(call: Call) -> None:
    reply = call("GET", "WWW.LinkedIn.COM:443", "/login")
    assert reply.status == 200
    assert b"<title>LinkedIn Login, Sign in | LinkedIn</title>" in reply.body


def test_bare_domain_redirects_to_www(call: Call) -> None:
    reply = call("GET", "linkedin.com", "/feed/")
    assert reply.status == 301
    assert reply.headers["Location"] == "https://www.linkedin.com/feed/"


def test_settings_defaults_are_on_and_can_be_changed(sandbox: Sandbox, linkedin_account: Account) -> None:
    who = linkedin_account.account
    for key in ("allowDataForGenerativeAI", "allowAnonymizedDataResearch", "shareDataWithTrustedPartners"):
        assert sandbox.get_setting("linkedin", who, key) is True
    sandbox.set_setting("linkedin", who, "allowDataForGenerativeAI", False)
    assert sandbox.get_setting("linkedin", who, "allowDataForGenerativeAI") is False
    with pytest.raises(KeyError):
        sandbox.get_setting("linkedin", who, "noSuchSetting")


def test_unknown_faults_and_sites_are_refused(sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match="no fault"):
        sandbox.set_fault("linkedin", "no-such-fault")
    with pytest.raises(ValueError, match="no fault"):
        sandbox.set_fault("nowhere", "slow")
    with pytest.raises(KeyError):
        sandbox.writes("nowhere", "someone")


def test_control_api_drives_the_sandbox(sandbox: Sandbox, call: Call) -> None:
    who = f"c-{uuid.uuid4().hex[:8]}@example.com"
    key = "allowDataForGenerativeAI"
    base = "/__sandbox__"
    account = {"site": "linkedin", "account": who, "password": "p"}
    assert call("POST", "anything.test", f"{base}/accounts", account).status == 201
    query = f"site=linkedin&account={who}&key={key}"
    assert call("GET", "www.linkedin.com", f"{base}/setting?{query}").json() == {"value": True}
    body = {"site": "linkedin", "account": who, "key": key, "value": False}
    assert call("POST", "x.test", f"{base}/setting", body).status == 200
    assert sandbox.get_setting("linkedin", who, key) is False
    fault = {"site": "linkedin", "fault": "save-500", "account": who}
    assert call("POST", "x.test", f"{base}/fault", fault).status == 200
    assert sandbox.get_fault("linkedin", "save-500", who) is True
    assert call("POST", "x.test", f"{base}/faults/clear", {"site": "linkedin"}).status == 200
    assert sandbox.get_fault("linkedin", "save-500", who) is None
    counters = call("GET", "x.test", f"{base}/counters?site=linkedin&account={who}").json()
    assert counters == {"writes": 0, "password_submissions": 0, "challenge_clicks": 0}
    bad = call("POST", "x.test", f"{base}/fault", {"site": "linkedin", "fault": "nope"})
    assert bad.status == 400
    assert "no fault" in str(bad.json())
    assert "linkedin" in str(call("GET", "x.test", f"{base}/").json())


def test_password_posts_are_counted_but_never_recorded(sandbox: Sandbox, call: Call, linkedin_account: Account) -> None:
    canary = f"canary-{uuid.uuid4().hex}"
    form = f"session_key={linkedin_account.account}&session_password={canary}".encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    reply = call("POST", "www.linkedin.com", "/checkpoint/lg/login-submit", form, headers)
    assert reply.status == 200
    assert b'id="error-for-password"' in reply.body
    assert b"Wrong email or password. Try again or create an account." in reply.body
    assert sandbox.password_submissions("linkedin", linkedin_account.account) == 1
    records = sandbox.requests("linkedin")
    assert records[-1].path == "/checkpoint/lg/login-submit"
    assert records[-1].method == "POST"
    assert canary not in repr(sandbox.requests())


def test_challenge_buttons_are_counted(sandbox: Sandbox, call: Call, linkedin_account: Account) -> None:
    who = linkedin_account.account
    sandbox.set_fault("linkedin", "pin", account=who)
    form = f"session_key={who}&session_password={linkedin_account.password}".encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    reply = call("POST", "www.linkedin.com", "/checkpoint/lg/login-submit", form, headers)
    assert reply.status == 303
    location = reply.headers["Location"]
    assert location.startswith("/checkpoint/challenge/AgF")
    assert "Set-Cookie" not in reply.headers
    challenge_id = location.split("?")[0].rsplit("/", 1)[1]
    page = call("GET", "www.linkedin.com", location)
    assert b"Enter the code we've sent to your email" in page.body
    assert b'name="pin"' in page.body
    click = f"challengeId={challenge_id}&pin=123456".encode()
    assert call("POST", "www.linkedin.com", "/checkpoint/challenge/verify", click, headers).status == 303
    assert sandbox.challenge_clicks("linkedin", who) == 1


def test_ai_slug_fault_moves_the_page(sandbox: Sandbox, linkedin_account: Account) -> None:
    who = linkedin_account.account
    cookie = signed_in_cookie(sandbox, linkedin_account)
    main, alt = (
        "/mypreferences/d/settings/data-for-ai-improvement",
        "/mypreferences/d/settings/data-for-generative-ai-improvement",
    )

    def status(path: str) -> int:
        return https_call(sandbox, "GET", "www.linkedin.com", path, headers={"Cookie": cookie}).status

    assert (status(main), status(alt)) == (200, 404)
    sandbox.set_fault("linkedin", "ai-slug", "data-for-generative-ai-improvement", account=who)
    assert (status(main), status(alt)) == (404, 200)
    sandbox.set_fault("linkedin", "ai-slug", "both", account=who)
    assert (status(main), status(alt)) == (200, 200)


def signed_in_cookie(sandbox: Sandbox, account: Account) -> str:
    """Log in over plain HTTPS and return a Cookie header for the new session."""
    form = f"session_key={account.account}&session_password={account.password}".encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    reply = https_call(sandbox, "POST", "www.linkedin.com", "/checkpoint/lg/login-submit", form, headers)
    assert reply.status == 303
    cookies = [c.split(";", 1)[0] for c in reply.headers.get_all("Set-Cookie") or []]
    assert any(c == "liap=true" for c in cookies)
    return "; ".join(cookies)


def test_settings_api_needs_session_and_csrf(sandbox: Sandbox, linkedin_account: Account) -> None:
    who, key = linkedin_account.account, "allowDataForGenerativeAI"
    api = "/mypreferences/d/api/settings/data-for-ai-improvement"
    cookie = signed_in_cookie(sandbox, linkedin_account)
    csrf = cookie.split('JSESSIONID="', 1)[1].split('"', 1)[0]
    assert https_call(sandbox, "GET", "www.linkedin.com", api).status == 401
    json_headers = {"Cookie": cookie, "Content-Type": "application/json"}
    no_csrf = https_call(sandbox, "POST", "www.linkedin.com", api, {"value": False}, json_headers)
    assert no_csrf.status == 403
    assert sandbox.get_setting("linkedin", who, key) is True
    ok = https_call(sandbox, "POST", "www.linkedin.com", api, {"value": False}, {**json_headers, "csrf-token": csrf})
    assert ok.status == 200
    assert sandbox.get_setting("linkedin", who, key) is False
    assert sandbox.writes("linkedin", who) == 1


def test_quiet_by_default_and_request_lines_without_query_when_not(capsys: pytest.CaptureFixture[str]) -> None:
    with Sandbox() as quiet:
        https_call(quiet, "GET", "www.linkedin.com", "/login?session_redirect=%2Fsecret")
    assert capsys.readouterr().out == ""
    with Sandbox(quiet=False) as loud:
        https_call(loud, "GET", "www.linkedin.com", "/login?session_redirect=%2Fsecret")
    out = capsys.readouterr().out
    assert "200 GET www.linkedin.com/login" in out
    assert "secret" not in out
