"""Finding and launching Chromium, and wiring it to the sandbox when one is named."""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import os
import shutil
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from playwright.async_api import Browser, Playwright
from playwright.async_api import Error as PlaywrightError

from optout.errors import NeedsYou, UsageError

# Without these, Chromium phones home at start and floods a closed network with requests.
QUIET_ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--no-pings",
)
CHROME_PATHS = (
    "/opt/google/chrome/chrome",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
)
SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@dataclass(frozen=True)
class SandboxTarget:
    """A replica server on loopback: where it listens and the SPKI pin of its certificate."""

    host: str
    port: int
    pin: str

    def chromium_args(self) -> tuple[str, ...]:
        """Send every host name to the sandbox and trust only its certificate's key."""
        return (
            f"--host-resolver-rules=MAP * {self.host}:{self.port}",
            f"--ignore-certificate-errors-spki-list={self.pin}",
        )


def parse_sandbox(url: str) -> tuple[str, int]:
    """Host and port of a `--sandbox` URL; only https on a loopback address is accepted."""
    parts = urlsplit(url)
    try:
        address = ipaddress.ip_address(parts.hostname or "")
        port = parts.port
    except ValueError:
        address, port = None, None
    if parts.scheme != "https" or address is None or not address.is_loopback or not port:
        raise UsageError(
            f"--sandbox must be https://<loopback address>:<port>, not {url!r}",
            hint="start one with: optout sandbox",
        )
    return str(address), port


def spki_pin(der_certificate: bytes) -> str:
    """base64(SHA-256(SubjectPublicKeyInfo)): the form Chromium's SPKI allowlist takes."""
    cert = x509.load_der_x509_certificate(der_certificate)
    spki = cert.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")


def probe_sandbox(url: str, timeout: float = 5.0) -> SandboxTarget:
    """Connect to the sandbox once and pin the certificate it presents."""
    host, port = parse_sandbox(url)
    context = ssl.create_default_context()
    # Only the key is trusted, by pin, below; the name and chain cannot match on loopback.
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with (
            socket.create_connection((host, port), timeout=timeout) as raw,
            context.wrap_socket(raw, server_hostname="sandbox.invalid") as tls,
        ):
            der = tls.getpeercert(binary_form=True)
    except OSError as exc:
        raise UsageError(
            f"no sandbox answers at {url} ({exc.strerror or exc})",
            hint="start one with: optout sandbox",
        ) from None
    if not der:
        raise UsageError(f"the sandbox at {url} presented no certificate")
    return SandboxTarget(host, port, spki_pin(der))


def find_chromium(playwright: Playwright) -> str:
    """The browser to drive: $OPTOUT_CHROMIUM, Playwright's own, Chrome, then the system's."""
    override = os.environ.get("OPTOUT_CHROMIUM")
    if override:
        if not os.access(override, os.X_OK):
            raise NeedsYou(
                f"OPTOUT_CHROMIUM={override} is not an executable file",
                hint="point it at a Chromium or Chrome binary, or unset it",
            )
        return override
    candidates = [playwright.chromium.executable_path, *CHROME_PATHS]
    candidates += [found for name in SYSTEM_NAMES if (found := shutil.which(name))]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise NeedsYou(
        "no Chromium browser found",
        hint="run: python -m playwright install chromium (or install Chromium / Chrome, "
        "or set OPTOUT_CHROMIUM to its path)",
    )


async def launch(playwright: Playwright, *, headed: bool = False, sandbox: SandboxTarget | None = None) -> Browser:
    """Launch one Chromium for the whole run; the sandbox flags only when a sandbox is named."""
    args = list(QUIET_ARGS)
    if sandbox is not None:
        args += sandbox.chromium_args()
    executable = find_chromium(playwright)
    try:
        return await playwright.chromium.launch(executable_path=executable, headless=not headed, args=args)
    except PlaywrightError as error:
        reason = str(error).strip().splitlines()[0][:160] if str(error).strip() else "no reason given"
        raise NeedsYou(
            f"the browser at {executable} did not start ({reason})",
            hint="run: python -m playwright install chromium, or set OPTOUT_CHROMIUM to a working Chromium"
            + (" (a visible window needs a desktop session)" if headed else ""),
        ) from None
