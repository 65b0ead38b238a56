"""The sandbox's certificate: the pin optout computes from the wire equals `Sandbox.pin`; key files are private."""

from __future__ import annotations

import base64
import hashlib
import socket
import ssl
import stat
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from optout.sandbox import Sandbox


def presented_certificate(port: int, server_name: str) -> bytes:
    """Connect over TLS as a client that trusts nothing and return the certificate it was shown."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with (
        socket.create_connection(("127.0.0.1", port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname=server_name) as tls,
    ):
        der = tls.getpeercert(binary_form=True)
    assert der is not None
    return der


def pin_of(der: bytes) -> str:
    """base64(sha256(DER SubjectPublicKeyInfo)), computed here independently of the sandbox."""
    public_key = x509.load_der_x509_certificate(der).public_key()
    spki = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode()


def test_pin_matches_the_presented_certificate(sandbox: Sandbox) -> None:
    for server_name in ("www.linkedin.com", "controls.sandbox.test"):
        assert pin_of(presented_certificate(sandbox.port, server_name)) == sandbox.pin


def test_every_start_makes_a_new_key() -> None:
    with Sandbox() as first, Sandbox() as second:
        assert first.pin != second.pin
        assert first.port != second.port


def test_key_files_are_private_and_removed_at_stop() -> None:
    server = Sandbox().start()
    cert = Path(server.cert_path)
    folder = cert.parent
    try:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for name in ("cert.pem", "key.pem"):
            assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
    finally:
        server.stop()
    assert not folder.exists()
