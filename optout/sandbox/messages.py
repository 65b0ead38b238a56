"""The small request, response and request-record values the sandbox's sites work with."""

from __future__ import annotations

import json as jsonlib
from dataclasses import dataclass, field
from urllib.parse import parse_qs


def parse_cookies(header: str) -> dict[str, str]:
    """Parse a Cookie header leniently; surrounding double quotes are stripped from values."""
    cookies: dict[str, str] = {}
    for part in header.split(";"):
        name, sep, value = part.strip().partition("=")
        if sep and name:
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            cookies.setdefault(name, value)
    return cookies


def first_values(query: str) -> dict[str, str]:
    """Parse a query string or urlencoded body, keeping the first value of each name."""
    return {name: values[0] for name, values in parse_qs(query, keep_blank_values=True).items()}


@dataclass(frozen=True)
class Request:
    """One HTTP request as a site sees it; `host` is lower-case and has no port."""

    method: str
    host: str
    path: str
    query: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)  # names lower-cased
    cookies: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    def header(self, name: str, default: str = "") -> str:
        """Return a header by case-insensitive name."""
        return self.headers.get(name.lower(), default)

    @property
    def form(self) -> dict[str, str]:
        """The body as an urlencoded form (empty if it is not one)."""
        if not self.header("content-type").startswith("application/x-www-form-urlencoded"):
            return {}
        return first_values(self.body.decode("utf-8", "replace"))

    @property
    def json(self) -> object:
        """The body parsed as JSON, or None when it is not valid JSON."""
        try:
            return jsonlib.loads(self.body or b"null")
        except ValueError:
            return None


@dataclass
class Response:
    """One HTTP response; `set_cookies` holds whole Set-Cookie header values."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    set_cookies: list[str] = field(default_factory=list)

    @classmethod
    def html(cls, text: str, status: int = 200) -> Response:
        """An HTML page that is never cached (so a reload always asks the server again)."""
        return cls(status, {"Content-Type": "text/html; charset=utf-8"}, text.encode("utf-8"))

    @classmethod
    def json(cls, value: object, status: int = 200) -> Response:
        """A JSON document."""
        body = jsonlib.dumps(value).encode("utf-8")
        return cls(status, {"Content-Type": "application/json"}, body)

    @classmethod
    def text(cls, text: str, status: int = 200) -> Response:
        """A plain-text body."""
        return cls(status, {"Content-Type": "text/plain; charset=utf-8"}, text.encode("utf-8"))

    @classmethod
    def redirect(cls, location: str, status: int = 303) -> Response:
        """A redirect to `location` (303 See Other unless told otherwise)."""
        return cls(status, {"Location": location}, b"")

    @property
    def is_html(self) -> bool:
        """Whether the body is an HTML page."""
        return self.headers.get("Content-Type", "").startswith("text/html")


@dataclass(frozen=True)
class RequestRecord:
    """What the sandbox remembers about a request: never its body, query or cookies."""

    site: str | None
    method: str
    host: str
    path: str
    account: str | None
    status: int
