"""A threading HTTPS server that turns each request into a `Request` and writes back a `Response`."""

from __future__ import annotations

import logging
import socket
import socketserver
import ssl
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit

from optout.sandbox.messages import Request, Response, first_values, parse_cookies

MAX_BODY = 1 << 20
HANDSHAKE_TIMEOUT = 30.0
log = logging.getLogger("optout.sandbox")

Dispatch = Callable[[Request], Response]


def host_of(header: str) -> str:
    """Lower-case a Host header and strip its port and any trailing dot."""
    host = header.strip().lower()
    if host.startswith("["):  # [::1]:8443
        host = host[1 : host.find("]")] if "]" in host else host[1:]
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


class _Handler(BaseHTTPRequestHandler):
    """Reads one request, hands it to the server's dispatch function, writes the answer."""

    server: TLSServer
    protocol_version = "HTTP/1.0"  # one request per connection keeps shutdown simple
    server_version = "optout-sandbox"
    sys_version = ""

    def do_GET(self) -> None:
        """Serve GET."""
        self._serve()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = do_OPTIONS = do_GET

    def _serve(self) -> None:
        """Build the Request, dispatch it, and send the Response."""
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._send(Response.text("request body too large", 413))
            return
        body = self.rfile.read(length) if length > 0 else b""
        split = urlsplit(self.path)
        request = Request(
            method=self.command,
            host=host_of(self.headers.get("Host", "")),
            path=unquote(split.path) or "/",
            query=first_values(split.query),
            headers={name.lower(): value for name, value in self.headers.items()},
            cookies=parse_cookies(self.headers.get("Cookie", "")),
            body=body,
        )
        try:
            response = self.server.dispatch(request)
        except Exception:
            log.exception("sandbox: %s %s %s failed", request.method, request.host, request.path)
            response = Response.text("sandbox error", 500)
        self._send(response)

    def _send(self, response: Response) -> None:
        """Write status, headers, cookies and (except for HEAD) the body."""
        self.send_response(response.status)
        headers = {"Cache-Control": "no-store", **response.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        for cookie in response.set_cookies:
            self.send_header("Set-Cookie", cookie)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:
        """Stay silent: the Sandbox logs requests itself, and never their bodies."""


class TLSServer(ThreadingHTTPServer):
    """ThreadingHTTPServer whose connections are wrapped in TLS inside their own thread."""

    daemon_threads = True
    block_on_close = False

    def __init__(
        self,
        address: tuple[str, int],
        family: socket.AddressFamily,
        context: ssl.SSLContext,
        dispatch: Dispatch,
    ) -> None:
        self.address_family = family
        self.context = context
        self.dispatch = dispatch
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        """Bind without HTTPServer's reverse DNS lookup of the address."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def finish_request(self, request: Any, client_address: Any) -> None:
        """Do the TLS handshake in the connection's thread, then handle the request."""
        request.settimeout(HANDSHAKE_TIMEOUT)
        try:
            tls = self.context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return  # a client that gave up or does not trust us: nothing to answer
        try:
            super().finish_request(tls, client_address)
        except (ssl.SSLError, OSError):
            pass  # the client went away mid-answer
        finally:
            tls.close()
