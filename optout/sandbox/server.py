"""Sandbox: the replica sites served over real HTTPS on a loopback address, with a test API."""

from __future__ import annotations

import ipaddress
import socket
import threading
from types import TracebackType

from optout.sandbox import control
from optout.sandbox.html import escape, page
from optout.sandbox.httpd import TLSServer
from optout.sandbox.messages import Request, RequestRecord, Response
from optout.sandbox.site import CHALLENGE_CLICKS, PASSWORD_SUBMISSIONS, WRITES, Site, site_classes
from optout.sandbox.state import SiteState
from optout.sandbox.tls import TLSMaterial

LOOKALIKE_SITE = "lookalike"
MAX_RECORDS = 10_000


def loopback_address(host: str) -> tuple[str, socket.AddressFamily]:
    """Return the address to bind and its family; ValueError unless it is a loopback address."""
    literal = "127.0.0.1" if host == "localhost" else host
    try:
        address = ipaddress.ip_address(literal)
    except ValueError:
        raise ValueError(f"the sandbox binds only loopback addresses, not {host!r}") from None
    if not address.is_loopback:
        raise ValueError(f"the sandbox binds only loopback addresses, not {host!r}")
    family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
    return str(address), family


class Sandbox:
    """The replica sites on https://127.0.0.1:PORT, dispatched on the Host header."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, quiet: bool = True) -> None:
        self._host, self._family = loopback_address(host)
        self._requested_port = port
        self.quiet = quiet
        self._sites: dict[str, Site] = {}
        self._by_host: dict[str, Site] = {}
        for cls in site_classes():
            site = cls(SiteState(cls.default_settings))
            self._sites[cls.name] = site
            self._by_host.update({h: site for h in cls.hosts})
        self._records: list[RequestRecord] = []
        self._records_lock = threading.Lock()
        self._tls: TLSMaterial | None = None
        self._server: TLSServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> Sandbox:
        """Create a fresh certificate, bind, and serve in a background daemon thread."""
        if self._server is not None:
            raise RuntimeError("the sandbox is already running")
        tls = TLSMaterial()
        try:
            address = (self._host, self._requested_port)
            server = TLSServer(address, self._family, tls.server_context(), self._dispatch)
        except BaseException:
            tls.remove()
            raise
        self._tls, self._server = tls, server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.2}, name="optout-sandbox"
        )
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, close the socket and delete the key and certificate."""
        server, tls, thread = self._server, self._tls, self._thread
        self._server = self._tls = self._thread = None
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)
        if tls is not None:
            tls.remove()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _running(self) -> tuple[TLSServer, TLSMaterial]:
        """The server and its TLS material; RuntimeError when not started."""
        if self._server is None or self._tls is None:
            raise RuntimeError("the sandbox is not running: call start() first")
        return self._server, self._tls

    @property
    def port(self) -> int:
        """The bound TCP port."""
        return int(self._running()[0].server_address[1])

    @property
    def url(self) -> str:
        """The address to pass as --sandbox, e.g. https://127.0.0.1:8443."""
        host = f"[{self._host}]" if self._family == socket.AF_INET6 else self._host
        return f"https://{host}:{self.port}"

    @property
    def pin(self) -> str:
        """base64(sha256(SPKI)) of the served certificate, for --ignore-certificate-errors-spki-list."""
        return self._running()[1].pin

    @property
    def cert_path(self) -> str:
        """The PEM certificate (valid for 127.0.0.1, ::1, localhost), e.g. for curl --cacert."""
        return str(self._running()[1].cert_path)

    @property
    def sites(self) -> dict[str, tuple[str, ...]]:
        """Every replica site's name and hosts."""
        return {name: site.hosts for name, site in self._sites.items()}

    # -- test API ----------------------------------------------------------------------------

    def _state(self, site: str) -> SiteState:
        """The state of a site by name; KeyError names the known sites."""
        if site not in self._sites:
            raise KeyError(f"no replica site {site!r}; known: {sorted(self._sites)}")
        return self._sites[site].state

    def add_account(self, site: str, account: str, password: str, settings: dict[str, object] | None = None) -> None:
        """Create an account; every setting not given takes the site's default (LinkedIn: on)."""
        self._state(site).add_account(account, password, settings)

    def get_setting(self, site: str, account: str, key: str) -> object:
        """Return what the server has stored for a setting."""
        return self._state(site).get_setting(account, key)

    def set_setting(self, site: str, account: str, key: str, value: object) -> None:
        """Change a setting behind the browser's back (the site turning it on again)."""
        self._state(site).set_setting(account, key, value)

    def set_fault(self, site: str, fault: str, value: object = True, account: str | None = None) -> None:
        """Switch a fault on (or off with value False/None), for one account or the whole site."""
        known = self._sites[site].faults if site in self._sites else frozenset()
        if fault not in known:
            raise ValueError(f"site {site!r} has no fault {fault!r}; known: {sorted(known)}")
        self._state(site).set_fault(fault, value, account)

    def get_fault(self, site: str, fault: str, account: str | None = None) -> object | None:
        """The value a fault has for the account (its own, else the site-wide one), or None."""
        return self._state(site).fault(fault, account)

    def clear_faults(self, site: str | None = None) -> None:
        """Switch every fault off, on one site or on all."""
        for name in [site] if site is not None else list(self._sites):
            self._state(name).clear_faults()

    def reset(self, site: str | None = None) -> None:
        """Return one site (or all) to its fresh state; also forgets the request records."""
        for name in [site] if site is not None else list(self._sites):
            self._state(name).reset()
            self._sites[name].setup()
        with self._records_lock:
            self._records = [r for r in self._records if site is not None and r.site != site]

    def writes(self, site: str, account: str) -> int:
        """How many setting-changing requests the account sent (dropped ones included)."""
        return self._state(site).counter(account, WRITES)

    def password_submissions(self, site: str, account: str) -> int:
        """How many times the login form was posted for the account."""
        return self._state(site).counter(account, PASSWORD_SUBMISSIONS)

    def challenge_clicks(self, site: str, account: str) -> int:
        """How many clicks or submits the account's challenge pages received."""
        return self._state(site).counter(account, CHALLENGE_CLICKS)

    def lookalike_received(self) -> list[str]:
        """Every value posted or typed into the look-alike login origin, oldest first."""
        return self._state(LOOKALIKE_SITE).received()

    def requests(self, site: str | None = None) -> list[RequestRecord]:
        """Method, host, path, account and status of each request (never a body), oldest first."""
        with self._records_lock:
            return [r for r in self._records if site is None or r.site == site]

    # -- serving -----------------------------------------------------------------------------

    def _dispatch(self, request: Request) -> Response:
        """Route a request to the control API or to the site named by its Host header."""
        site = self._by_host.get(request.host)
        if request.path.startswith(control.PREFIX):
            site, response = None, control.handle(self, request)
            account = None
        elif site is None:
            account = None
            body = f"<h1>Not found</h1><p>no replica for {escape(request.host)}</p>"
            response = Response.html(page("Not found", body), 404)
        else:
            account = site.account_of(request)
            response = site.handle(request)
        record = RequestRecord(
            site.name if site else None,
            request.method,
            request.host,
            request.path,
            account,
            response.status,
        )
        with self._records_lock:
            self._records.append(record)
            del self._records[:-MAX_RECORDS]
        if not self.quiet:
            who = f" ({account})" if account else ""
            print(f"{record.status} {record.method} {record.host}{record.path}{who}", flush=True)
        return response
