"""Browser sessions (Playwright storage state) on disk, AES-GCM encrypted, bound to an account."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from optout import credentials, log, paths

HEADER = b"optout-session v1\n"
NONCE_BYTES = 12

_log = log.get_logger()


def _aad(platform: str, account: str) -> bytes:
    # Binds the file to its account: another account's file, copied over, fails to decrypt.
    return f"optout-session:v1:{platform}:{account}".encode()


def _cipher() -> AESGCM:
    # A key of its own for sessions, derived from the keyring's key, not the key itself.
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"optout session state v1")
    return AESGCM(hkdf.derive(credentials.session_key()))


def _normalise(domain: str) -> str:
    return domain.strip().lstrip(".").rstrip(".").lower()


def _allowed(host: str, allowed: Sequence[str]) -> bool:
    host = _normalise(host)
    return bool(host) and any(host == domain or host.endswith("." + domain) for domain in allowed if domain)


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def _register(state: dict[str, Any]) -> None:
    for cookie in state.get("cookies", []):
        if isinstance(cookie, dict) and isinstance(cookie.get("value"), str):
            log.register_secret(cookie["value"])
    for origin in state.get("origins", []):
        if isinstance(origin, dict):
            for item in origin.get("localStorage", []) or []:
                if isinstance(item, dict) and isinstance(item.get("value"), str):
                    log.register_secret(item["value"])


def _filter(state: dict[str, Any], allowed_domains: Sequence[str]) -> dict[str, Any]:
    """Keep only cookies and origins of the allowed domains (and their subdomains)."""
    allowed = [_normalise(d) for d in allowed_domains]
    kept_cookies: list[dict[str, Any]] = []
    kept_origins: list[dict[str, Any]] = []
    dropped: set[str] = set()
    for cookie in state.get("cookies", []):
        domain = str(cookie.get("domain", "")) if isinstance(cookie, dict) else ""
        if isinstance(cookie, dict) and _allowed(domain, allowed):
            kept_cookies.append(cookie)
        else:
            dropped.add(domain)
    for origin in state.get("origins", []):
        url = str(origin.get("origin", "")) if isinstance(origin, dict) else ""
        if isinstance(origin, dict) and _allowed(_host(url), allowed):
            kept_origins.append(origin)
        else:
            dropped.add(url)
    if dropped:
        _log.warning("session.foreign_dropped", dropped=sorted(dropped), allowed=allowed)
    return {**state, "cookies": kept_cookies, "origins": kept_origins}


def save_session(platform: str, account: str, state: dict[str, Any], allowed_domains: Sequence[str]) -> None:
    """Encrypt a storage state (allowed domains only) and write it atomically, 0600."""
    path = paths.session_file(platform, account)
    _register(state)
    kept = _filter(state, allowed_domains)
    plaintext = json.dumps(kept, separators=(",", ":")).encode("utf-8")
    nonce = os.urandom(NONCE_BYTES)
    sealed = _cipher().encrypt(nonce, plaintext, _aad(platform, account))
    paths.write_private(path, HEADER + nonce + sealed)
    _log.info("session.saved", cookies=len(kept["cookies"]), origins=len(kept["origins"]))


def _discard(reason: str) -> None:
    _log.warning("session.discarded", reason=reason)


def load_session(platform: str, account: str, allowed_domains: Sequence[str]) -> dict[str, Any] | None:
    """Return the decrypted storage state, or None if there is none or it cannot be trusted."""
    data = paths.read_private(paths.session_file(platform, account))
    if data is None:
        return None
    if not data.startswith(HEADER) or len(data) < len(HEADER) + NONCE_BYTES + 16:
        _discard("not an optout session file, or a newer version")
        return None
    body = data[len(HEADER) :]
    nonce, sealed = body[:NONCE_BYTES], body[NONCE_BYTES:]
    try:
        plaintext = _cipher().decrypt(nonce, sealed, _aad(platform, account))
    except InvalidTag:
        _discard("it does not decrypt: changed, for another account, or the key changed")
        return None
    try:
        state = json.loads(plaintext.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        _discard("its content is not a storage state")
        return None
    if not isinstance(state, dict) or not all(isinstance(state.get(key, []), list) for key in ("cookies", "origins")):
        _discard("its content is not a storage state")
        return None
    _register(state)
    return _filter(state, allowed_domains)


def delete_session(platform: str, account: str) -> bool:
    """Delete an account's session file; return False if there was none."""
    try:
        paths.session_file(platform, account).unlink()
    except FileNotFoundError:
        return False
    return True


def session_age(platform: str, account: str) -> datetime | None:
    """Return when the session was last saved (UTC), or None if there is none."""
    try:
        mtime = paths.session_file(platform, account).lstat().st_mtime
    except FileNotFoundError:
        return None
    return datetime.fromtimestamp(mtime, UTC)
