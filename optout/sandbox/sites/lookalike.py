"""A look-alike login origin (www.linkedln.com, lower-case L for i) that harvests what it is sent.

It serves the LinkedIn sign-in form unchanged and records every submitted field value, plus
every value typed into a field (a script posts each `input` event to /li/track), so a test can
prove the real password never reached it. LinkedIn's `lookalike-login` fault redirects here.
"""

from __future__ import annotations

import secrets

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import Site
from optout.sandbox.sites import _linkedin_pages as pages

TRACK_SCRIPT = """
for (const input of document.querySelectorAll("input")) {
  input.addEventListener("input", () => {
    fetch("/li/track", {method: "POST", keepalive: true,
      headers: {"content-type": "application/json"},
      body: JSON.stringify({field: input.name, value: input.value})});
  });
}
"""


class LookalikeSite(Site):
    """Phishing-style copy of the LinkedIn sign-in page."""

    name = "lookalike"
    hosts = ("www.linkedln.com", "linkedln.com")

    def handle(self, request: Request) -> Response:
        """Record whatever arrives; answer with the sign-in form (with an error after a POST)."""
        if request.method == "POST" and request.path == "/li/track":
            body = request.json
            if isinstance(body, dict) and isinstance(body.get("value"), str) and body["value"]:
                self.state.receive(body["value"])
            return Response(204)
        posted = request.method == "POST" and request.path == "/checkpoint/lg/login-submit"
        if posted:
            for value in request.form.values():
                if value:
                    self.state.receive(value)
        elif request.path not in ("/", "/login"):
            return Response.html("<h1>Page not found</h1>", 404)
        redirect = request.query.get("session_redirect", "")
        html = pages.login_page(secrets.token_urlsafe(16), redirect, error=posted, script=TRACK_SCRIPT)
        return Response.html(html)


SITE = LookalikeSite
