"""The sandbox's HTTP control API, served on every host under /__sandbox__/ (JSON in and out).

For driving `optout sandbox` by hand (-k because the certificate is self-signed; or
`--cacert` with `Sandbox.cert_path`):

    S=https://127.0.0.1:8443/__sandbox__
    curl -k $S/                                             # sites and their hosts
    curl -k -X POST $S/accounts -d '{"site": "linkedin", "account": "me@example.com",
                                     "password": "pw", "settings": {}}'
    curl -k "$S/setting?site=linkedin&account=me@example.com&key=allowDataForGenerativeAI"
    curl -k -X POST $S/setting -d '{"site": "linkedin", "account": "me@example.com",
                                    "key": "allowDataForGenerativeAI", "value": true}'
    curl -k -X POST $S/fault -d '{"site": "linkedin", "fault": "checkpoint",
                                  "value": true, "account": "me@example.com"}'   # account optional
    curl -k -X POST $S/faults/clear -d '{"site": "linkedin"}'                   # site optional
    curl -k -X POST $S/reset -d '{}'                                            # site optional
    curl -k "$S/counters?site=linkedin&account=me@example.com"
    curl -k "$S/requests?site=linkedin"                                         # never bodies

A fault's "value" false (or null) switches it off. Errors answer 400 with {"error": "..."}.
The odd prefix keeps a replica page's own scripts from reaching these paths by accident.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from optout.sandbox.messages import Request, Response

if TYPE_CHECKING:
    from optout.sandbox.server import Sandbox

PREFIX = "/__sandbox__/"


def _text(body: dict[str, object], name: str) -> str:
    """A required string member of the JSON body."""
    value = body.get(name)
    if not isinstance(value, str):
        raise ValueError(f"{name!r} must be a string")
    return value


def _optional_text(body: dict[str, object], name: str) -> str | None:
    """An optional string member of the JSON body."""
    value = body.get(name)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{name!r} must be a string")
    return value


def _post(sandbox: Sandbox, route: str, body: dict[str, object]) -> Response:
    """Handle a POST route."""
    if route == "accounts":
        settings = body.get("settings") or {}
        if not isinstance(settings, dict):
            raise ValueError("'settings' must be an object")
        sandbox.add_account(_text(body, "site"), _text(body, "account"), _text(body, "password"), settings)
        return Response.json({"ok": True}, 201)
    if route == "setting":
        sandbox.set_setting(_text(body, "site"), _text(body, "account"), _text(body, "key"), body.get("value"))
        return Response.json({"ok": True})
    if route == "fault":
        sandbox.set_fault(
            _text(body, "site"),
            _text(body, "fault"),
            body.get("value", True),
            _optional_text(body, "account"),
        )
        return Response.json({"ok": True})
    if route == "faults/clear":
        sandbox.clear_faults(_optional_text(body, "site"))
        return Response.json({"ok": True})
    if route == "reset":
        sandbox.reset(_optional_text(body, "site"))
        return Response.json({"ok": True})
    return Response.json({"error": f"no POST {PREFIX}{route}"}, 404)


def _get(sandbox: Sandbox, route: str, query: dict[str, str]) -> Response:
    """Handle a GET route."""
    if route == "":
        return Response.json({"sites": sandbox.sites})
    if route == "setting":
        value = sandbox.get_setting(query["site"], query["account"], query["key"])
        return Response.json({"value": value})
    if route == "counters":
        site, account = query["site"], query["account"]
        return Response.json(
            {
                "writes": sandbox.writes(site, account),
                "password_submissions": sandbox.password_submissions(site, account),
                "challenge_clicks": sandbox.challenge_clicks(site, account),
            }
        )
    if route == "requests":
        return Response.json([asdict(r) for r in sandbox.requests(query.get("site"))])
    return Response.json({"error": f"no GET {PREFIX}{route}"}, 404)


def handle(sandbox: Sandbox, request: Request) -> Response:
    """Answer one control-API request."""
    route = request.path[len(PREFIX) :].strip("/")
    try:
        if request.method == "GET":
            return _get(sandbox, route, request.query)
        if request.method == "POST":
            body = request.json if request.body else {}
            if not isinstance(body, dict):
                raise ValueError("the body must be a JSON object")
            return _post(sandbox, route, body)
    except KeyError as error:
        return Response.json({"error": f"missing or unknown: {error}"}, 400)
    except ValueError as error:
        return Response.json({"error": str(error)}, 400)
    return Response.json({"error": "use GET or POST"}, 405)
