"""Passwords and the session key in the OS keyring: secure backends only, every call timed out."""

from __future__ import annotations

import base64
import binascii
import os
import queue
import secrets
import threading
from collections.abc import Callable
from typing import TypeVar, cast

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from optout import log
from optout.errors import NeedsYou, UsageError
from optout.secrets import Secret

T = TypeVar("T")

SESSION_KEY_SERVICE = "optout:session-key"
SESSION_KEY_USER = "default"
DEFAULT_TIMEOUT = 10.0
MAX_SECRET_BYTES = 1024  # Windows caps items at 2,560 bytes of UTF-16; bulky secrets go to disk

REMEDY = (
    "on a desktop, log in to your graphical session so that its keyring is unlocked; "
    "on a headless Linux machine or under cron, run optout inside its own D-Bus session "
    "with GNOME Keyring unlocked, for example: "
    'dbus-run-session -- sh -c \'printf %s "$KEYRING_PASSWORD" | '
    "gnome-keyring-daemon --unlock --components=secrets >/dev/null; optout verify --all'. "
    "optout never keeps passwords in a plaintext file, so setting PYTHON_KEYRING_BACKEND "
    "to a plaintext or file backend is refused, not a way around this"
)

_cache_lock = threading.Lock()
_cache: tuple[object, KeyringBackend, str] | None = None
_log = log.get_logger()


def service_name(platform: str) -> str:
    """Return the keyring service under which a platform's passwords live (contract)."""
    return f"optout:{platform}"


def _timeout() -> float:
    try:
        value = float(os.environ.get("OPTOUT_KEYRING_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT


def _translate(err: BaseException, action: str) -> NeedsYou:
    """Turn a backend error into NeedsYou whose message carries none of the error's arguments."""
    if isinstance(err, NeedsYou):
        return err
    if isinstance(err, keyring.errors.KeyringLocked):
        return NeedsYou(f"The keyring is locked, so optout could not {action}.", hint=REMEDY)
    if isinstance(err, keyring.errors.InitError | keyring.errors.NoKeyringError):
        return NeedsYou(f"The keyring could not be opened to {action}.", hint=REMEDY)
    # D-Bus, secretstorage and jeepney errors and anything else: the type name is safe to
    # show, the message is not (some backends echo what they were asked to store).
    return NeedsYou(f"The keyring failed to {action} ({type(err).__name__}).", hint=REMEDY)


def _call(fn: Callable[[], T], action: str) -> T:
    """Run one keyring call in a daemon thread; give up after the timeout with NeedsYou."""
    timeout = _timeout()
    box: queue.Queue[tuple[bool, object]] = queue.Queue(maxsize=1)

    def run() -> None:
        try:
            box.put((True, fn()))
        except BaseException as err:  # handed to the caller, translated there
            box.put((False, err))

    # A daemon thread, not a ThreadPoolExecutor: a hung D-Bus call must not block exit.
    threading.Thread(target=run, name="optout-keyring", daemon=True).start()
    try:
        ok, value = box.get(timeout=timeout)
    except queue.Empty:
        raise NeedsYou(
            f"The keyring did not answer within {timeout:g} s while optout tried to {action} "
            "(is it locked, or waiting for an unlock prompt that nobody can see?).",
            hint=REMEDY,
        ) from None
    if ok:
        return cast(T, value)
    assert isinstance(value, BaseException)
    # `from None`, and the original dropped: its traceback's frames hold the arguments.
    raise _translate(value, action) from None


def _insecure_reason(backend: KeyringBackend) -> str | None:
    """Say why `backend` is not a secure store, or None if it is one."""
    cls = type(backend)
    name = f"{cls.__module__}.{cls.__qualname__}"
    if isinstance(backend, fail.Keyring):
        return "no secure keyring backend was found (keyring chose its 'fail' backend)"
    if isinstance(backend, null.Keyring):
        return "the keyring is switched off (its 'null' backend is active)"
    lowered = name.lower()
    if lowered.startswith("keyrings.alt") or any(word in lowered for word in ("plaintext", "cryptfile")):
        return f"{name} keeps passwords in a file, not in a secure store"
    try:
        priority = float(backend.priority)
    except Exception as err:  # a backend that cannot say is not usable
        # Probing availability involves no password, so its reason is safe and useful
        # ("DBUS_SESSION_BUS_ADDRESS is unset").
        return f"{name} cannot start: {str(err)[:200] or type(err).__name__}"
    if priority < 1:
        return f"{name} is not a recommended, secure store (priority {priority:g})"
    return None


def _resolve() -> tuple[KeyringBackend, str]:
    global _cache
    try:
        active = keyring.get_keyring()
    except Exception as err:
        # Choosing a backend involves no password, so its reason is safe to show.
        why = str(err)[:200] or type(err).__name__
        raise NeedsYou(f"The keyring is not usable: {why}.", hint=REMEDY) from None
    with _cache_lock:
        if _cache is not None and _cache[0] is active:
            return _cache[1], _cache[2]
    chosen: KeyringBackend | None = None
    if isinstance(active, chainer.ChainerBackend):
        # Use the best secure member directly, so reads never come from a plaintext member.
        members: list[KeyringBackend] = list(active.backends)
        reasons = []
        for member in members:
            reason = _insecure_reason(member)
            if reason is None:
                chosen = member
                break
            reasons.append(reason)
        if chosen is None:
            detail = "; ".join(reasons) or "it chains no backends at all"
            raise NeedsYou(f"The keyring is not usable: {detail}.", hint=REMEDY)
    else:
        reason = _insecure_reason(active)
        if reason is not None:
            raise NeedsYou(f"The keyring is not usable: {reason}.", hint=REMEDY)
        chosen = active
    description = str(getattr(chosen, "name", type(chosen).__name__))
    with _cache_lock:
        _cache = (active, chosen, description)
    return chosen, description


def _backend() -> KeyringBackend:
    return _call(_resolve, "open the keyring")[0]


def check_backend() -> str:
    """Return the active keyring backend's name; raise NeedsYou if it is not a secure store."""
    return _call(_resolve, "open the keyring")[1]


def _validate(platform: str, account: str) -> None:
    if not platform or not account:
        raise UsageError("A platform and an account id are needed.", hint="pass --account ID")


def get_password(platform: str, account: str) -> Secret | None:
    """Return the stored password of an account, or None if none is stored."""
    _validate(platform, account)
    backend = _backend()
    value = _call(lambda: backend.get_password(service_name(platform), account), "read a password")
    if value is None:
        return None
    log.register_secret(value)
    return Secret(value)


def set_password(platform: str, account: str, password: Secret) -> None:
    """Store an account's password in the keyring, replacing any previous one."""
    _validate(platform, account)
    value = password.reveal()
    log.register_secret(value)
    if not value:
        raise UsageError("The password is empty.", hint="run: optout login PLATFORM again")
    if len(value.encode("utf-8")) > MAX_SECRET_BYTES:
        raise UsageError(
            f"The password is longer than {MAX_SECRET_BYTES} bytes; keyrings do not take it.",
            hint="check what was piped to --password-stdin",
        )
    backend = _backend()
    _call(
        lambda: backend.set_password(service_name(platform), account, value),
        "store a password",
    )


def delete_password(platform: str, account: str) -> bool:
    """Delete an account's password; return False if none was stored."""
    _validate(platform, account)
    backend = _backend()

    def delete() -> bool:
        try:
            backend.delete_password(service_name(platform), account)
        except keyring.errors.PasswordDeleteError:
            return False  # keyring's way of saying "not found"
        return True

    return _call(delete, "delete a password")


def _decode_key(stored: str) -> bytes | None:
    try:
        key = base64.urlsafe_b64decode(stored.encode("ascii"))
    except (binascii.Error, ValueError):
        return None
    return key if len(key) == 32 else None


_session_key_lock = threading.Lock()


def session_key() -> bytes:
    """Return the 32-byte key that encrypts browser sessions, creating it on first use."""
    # Tasks of one run ask from several threads; only one may create the key.
    with _session_key_lock:
        return _session_key()


def _session_key() -> bytes:
    backend = _backend()

    def read() -> str | None:
        return backend.get_password(SESSION_KEY_SERVICE, SESSION_KEY_USER)

    stored = _call(read, "read the session key")
    if stored is not None:
        log.register_secret(stored)
        key = _decode_key(stored)
        if key is not None:
            return key
        # Only sessions are lost (each needs a fresh login); there is nothing to recover.
        _log.warning("session_key.replaced", reason="the stored key is malformed")
    fresh = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii")
    log.register_secret(fresh)
    _call(
        lambda: backend.set_password(SESSION_KEY_SERVICE, SESSION_KEY_USER, fresh),
        "store the session key",
    )
    # Read back: if another run stored its key at the same time, both use the winner's.
    stored = _call(read, "read the session key")
    key = _decode_key(stored) if stored is not None else None
    if key is None:
        raise NeedsYou("The keyring did not keep the session key optout stored.", hint=REMEDY)
    if stored is not None:
        log.register_secret(stored)
    return key
