"""Replica sites served by a real HTTPS server on loopback, for `optout demo`, `optout sandbox` and tests.

This package is the only place in `optout/` that names platforms. Each module in
`optout.sandbox.sites` defines `SITE`, a `Site` subclass; adding a replica means adding a module.
"""

from __future__ import annotations

from optout.sandbox.messages import Request, RequestRecord, Response
from optout.sandbox.server import Sandbox
from optout.sandbox.site import Site

__all__ = ["Request", "RequestRecord", "Response", "Sandbox", "Site"]
