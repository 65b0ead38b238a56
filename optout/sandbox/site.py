"""The base of every replica site, and the discovery of the site modules in `optout.sandbox.sites`."""

from __future__ import annotations

import importlib
import pkgutil
import time
from collections.abc import Mapping
from typing import ClassVar

from optout.sandbox.messages import Request, Response
from optout.sandbox.state import SESSION, SiteState

# Faults every site understands; a site adds its own in `faults`.
COMMON_FAULTS = frozenset({"no-persist", "save-500", "slow"})
DEFAULT_SLOW_SECONDS = 2.0

# Counter names, as read by Sandbox.writes / password_submissions / challenge_clicks.
WRITES = "writes"
PASSWORD_SUBMISSIONS = "password_submissions"
CHALLENGE_CLICKS = "challenge_clicks"


class Site:
    """A replica site: its name, the hosts it answers, its default settings, and `handle()`."""

    name: ClassVar[str]
    hosts: ClassVar[tuple[str, ...]]
    default_settings: ClassVar[Mapping[str, object]] = {}
    faults: ClassVar[frozenset[str]] = COMMON_FAULTS
    session_cookie: ClassVar[str | None] = None  # the cookie whose value is a SESSION token

    def __init__(self, state: SiteState) -> None:
        self.state = state
        self.setup()

    def setup(self) -> None:
        """Create what a fresh site starts with (called at construction and after a reset)."""

    def handle(self, request: Request) -> Response:
        """Answer one request."""
        raise NotImplementedError

    def account_of(self, request: Request) -> str | None:
        """Return the account whose valid session cookie the request carries, if any."""
        if self.session_cookie is None:
            return None
        session = self.state.lookup(SESSION, request.cookies.get(self.session_cookie))
        return session["account"] if session else None

    def save(self, account: str, key: str, value: object) -> bool:
        """Count a setting-changing request and apply the save faults; False means answer 500."""
        self.state.count(account, WRITES)
        if self.state.fault("save-500", account):
            return False
        if not self.state.fault("no-persist", account):
            self.state.set_setting(account, key, value)
        return True

    def delay(self, account: str | None) -> None:
        """Sleep as long as the `slow` fault says (True means the default of 2 seconds)."""
        value = self.state.fault("slow", account)
        if value is None:
            return
        seconds = DEFAULT_SLOW_SECONDS if value is True else float(str(value))
        time.sleep(seconds)


def site_classes(package: str = "optout.sandbox.sites") -> list[type[Site]]:
    """Import every public module of `package` and return the `SITE` class each one defines."""
    found: list[type[Site]] = []
    module = importlib.import_module(package)
    for info in sorted(pkgutil.iter_modules(module.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        site = getattr(importlib.import_module(f"{package}.{info.name}"), "SITE", None)
        if not (isinstance(site, type) and issubclass(site, Site)):
            raise TypeError(f"{package}.{info.name} must define SITE, a subclass of Site")
        found.append(site)
    names = [site.name for site in found]
    hosts = [host for site in found for host in site.hosts]
    if len(set(names)) != len(names) or len(set(hosts)) != len(hosts):
        raise ValueError(f"replica sites must have unique names and hosts: {names}, {hosts}")
    return found
