"""A throwaway self-signed certificate for the sandbox, and the SPKI pin Chromium is told to trust."""

from __future__ import annotations

import base64
import datetime
import hashlib
import ipaddress
import os
import shutil
import ssl
import tempfile
import weakref
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def spki_pin(der_certificate: bytes) -> str:
    """Return base64(sha256(DER SubjectPublicKeyInfo)) of a DER certificate: Chromium's SPKI pin."""
    cert = x509.load_der_x509_certificate(der_certificate)
    spki = cert.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")


def _write_private(path: Path, data: bytes) -> None:
    """Create `path` with mode 0600 (never widened by the umask) and write `data` to it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _certificate(key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    """Build a short-lived self-signed certificate for loopback names."""
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "optout sandbox")])
    now = datetime.datetime.now(datetime.UTC)
    alt_names = x509.SubjectAlternativeName(
        [
            x509.DNSName("localhost"),
            x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
            x509.IPAddress(ipaddress.ip_address("::1")),
        ]
    )
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=7))
        .add_extension(alt_names, critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )


class TLSMaterial:
    """A fresh EC P-256 key and certificate in a private temporary folder, removed by `remove()`."""

    def __init__(self) -> None:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = _certificate(key)
        self.folder = Path(tempfile.mkdtemp(prefix="optout-sandbox-"))  # mkdtemp makes it 0700
        # Also removed at interpreter exit when stop() was never reached.
        self._cleanup = weakref.finalize(self, shutil.rmtree, self.folder, ignore_errors=True)
        self.cert_path = self.folder / "cert.pem"
        self.key_path = self.folder / "key.pem"
        _write_private(self.cert_path, cert.public_bytes(serialization.Encoding.PEM))
        _write_private(
            self.key_path,
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ),
        )
        self.pin = spki_pin(cert.public_bytes(serialization.Encoding.DER))

    def server_context(self) -> ssl.SSLContext:
        """Return a server-side TLS context (TLS 1.2+, HTTP/1.1 only) holding this certificate."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.set_alpn_protocols(["http/1.1"])
        context.load_cert_chain(self.cert_path, self.key_path)
        return context

    def remove(self) -> None:
        """Delete the key, the certificate and their folder."""
        self._cleanup()
