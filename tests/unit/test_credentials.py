"""Keyring access: insecure backends refused, hangs and locks become needs-you, no leaks."""

from __future__ import annotations

import base64
import os
import threading
import traceback
import uuid
from collections.abc import Iterator
from typing import ClassVar

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from optout import credentials
from optout.errors import Exit, NeedsYou, UsageError
from optout.secrets import Secret


class MemoryKeyring(KeyringBackend):
    """A secure-looking in-memory backend for unit tests."""

    priority = 5  # type: ignore[assignment]
    # Hidden from keyring's own detection, which would otherwise choose (or probe) it.
    viable = False  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.items[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("not found") from None


class PlaintextKeyring(MemoryKeyring):
    """Claims a high priority, but its name says it writes plaintext."""


class LowPriorityKeyring(MemoryKeyring):
    """A backend keyring itself would not recommend."""

    priority = 0.5  # type: ignore[assignment]


class RaisingKeyring(MemoryKeyring):
    """Raises the given error from every operation."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error


release = threading.Event()


class HangingKeyring(MemoryKeyring):
    """Never answers (until the test releases it), like a D-Bus call waiting on a prompt."""

    def get_password(self, service: str, username: str) -> str | None:
        release.wait(30)
        return None


class HangingProbeKeyring(MemoryKeyring):
    """Hangs while keyring asks whether it is usable."""

    @property
    def priority(self) -> float:  # type: ignore[override]
        release.wait(30)
        return 5


def chain_of(*members: KeyringBackend) -> chainer.ChainerBackend:
    """Return a chainer over exactly `members`."""

    class FixedChainer(chainer.ChainerBackend):
        backends: ClassVar[list[KeyringBackend]] = list(members)  # type: ignore[misc]

    return FixedChainer()  # type: ignore[no-untyped-call]


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: os.PathLike[str]) -> Iterator[None]:
    monkeypatch.setenv("OPTOUT_HOME", str(tmp_path))
    monkeypatch.setenv("OPTOUT_KEYRING_TIMEOUT", "0.5")
    previous = keyring.get_keyring()
    release.clear()
    yield
    release.set()
    keyring.set_keyring(previous)


def assert_remedy(err: NeedsYou) -> None:
    text = str(err)
    assert err.exit == Exit.NEEDS_YOU
    assert "dbus-run-session" in text
    assert "gnome-keyring-daemon --unlock --components=secrets" in text
    assert "PYTHON_KEYRING_BACKEND" in text


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])  # type: ignore[no-untyped-call]
def test_fail_and_null_backends_are_refused(backend: KeyringBackend) -> None:
    keyring.set_keyring(backend)
    with pytest.raises(NeedsYou) as caught:
        credentials.check_backend()
    assert_remedy(caught.value)
    with pytest.raises(NeedsYou):
        credentials.get_password("linkedin", "me@example.com")
    with pytest.raises(NeedsYou):
        credentials.set_password("linkedin", "me@example.com", Secret("hunter2hunter2"))


@pytest.mark.parametrize("backend", [PlaintextKeyring(), LowPriorityKeyring()])
def test_plaintext_and_low_priority_backends_are_refused(backend: KeyringBackend) -> None:
    keyring.set_keyring(backend)
    with pytest.raises(NeedsYou) as caught:
        credentials.check_backend()
    assert_remedy(caught.value)


def test_chainer_without_a_secure_member_is_refused() -> None:
    keyring.set_keyring(chain_of(PlaintextKeyring(), fail.Keyring()))  # type: ignore[no-untyped-call]
    with pytest.raises(NeedsYou) as caught:
        credentials.check_backend()
    assert_remedy(caught.value)
    keyring.set_keyring(chain_of())
    with pytest.raises(NeedsYou):
        credentials.check_backend()


def test_chainer_uses_its_secure_member_only() -> None:
    secure, plain = MemoryKeyring(), PlaintextKeyring()
    plain.set_password("optout:linkedin", "me@example.com", "stale-plaintext")
    keyring.set_keyring(chain_of(plain, secure))
    credentials.set_password("linkedin", "me@example.com", Secret("correct horse"))
    assert secure.items[("optout:linkedin", "me@example.com")] == "correct horse"
    assert plain.items[("optout:linkedin", "me@example.com")] == "stale-plaintext"
    got = credentials.get_password("linkedin", "me@example.com")
    assert got is not None and got.reveal() == "correct horse"


@pytest.mark.parametrize("backend_class", [HangingKeyring, HangingProbeKeyring])
def test_a_hanging_backend_is_needs_you_after_the_timeout(
    backend_class: type[KeyringBackend],
) -> None:
    keyring.set_keyring(backend_class())
    with pytest.raises(NeedsYou) as caught:
        credentials.get_password("linkedin", "me@example.com")
    assert "did not answer within 0.5 s" in str(caught.value)
    assert_remedy(caught.value)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (keyring.errors.KeyringLocked("Failed to unlock the collection!"), "locked"),
        (keyring.errors.InitError("no bus"), "could not be opened"),
        (keyring.errors.NoKeyringError("none"), "could not be opened"),
        (RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown"), "RuntimeError"),
    ],
)
def test_backend_errors_become_needs_you(error: Exception, words: str) -> None:
    keyring.set_keyring(RaisingKeyring(error))
    with pytest.raises(NeedsYou) as caught:
        credentials.get_password("linkedin", "me@example.com")
    assert words in str(caught.value)
    assert_remedy(caught.value)


def test_errors_never_carry_the_password() -> None:
    canary = f"canary-{uuid.uuid4().hex}"
    keyring.set_keyring(RaisingKeyring(keyring.errors.PasswordSetError(f"cannot store {canary}")))
    with pytest.raises(NeedsYou) as caught:
        credentials.set_password("linkedin", "me@example.com", Secret(canary))
    err = caught.value
    assert err.__cause__ is None and err.__suppress_context__
    rendered = "".join(traceback.format_exception(err))
    assert canary not in rendered
    assert "PasswordSetError" in rendered


def test_round_trip_in_memory() -> None:
    store = MemoryKeyring()
    keyring.set_keyring(store)
    assert credentials.check_backend()
    assert credentials.get_password("linkedin", "me@example.com") is None
    credentials.set_password("linkedin", "me@example.com", Secret("s3cret pass"))
    assert store.items == {("optout:linkedin", "me@example.com"): "s3cret pass"}
    got = credentials.get_password("linkedin", "me@example.com")
    assert isinstance(got, Secret) and got.reveal() == "s3cret pass"
    assert credentials.delete_password("linkedin", "me@example.com") is True
    assert credentials.delete_password("linkedin", "me@example.com") is False


def test_oversized_password_is_not_stored() -> None:
    store = MemoryKeyring()
    keyring.set_keyring(store)
    with pytest.raises(UsageError):
        credentials.set_password("linkedin", "me@example.com", Secret("x" * 2000))
    assert store.items == {}


def test_session_key_is_created_once_and_small() -> None:
    store = MemoryKeyring()
    keyring.set_keyring(store)
    key = credentials.session_key()
    assert len(key) == 32
    assert credentials.session_key() == key
    stored = store.items[("optout:session-key", "default")]
    assert len(stored.encode()) < 1024
    assert base64.urlsafe_b64decode(stored) == key


def test_a_malformed_session_key_is_replaced() -> None:
    store = MemoryKeyring()
    store.set_password("optout:session-key", "default", "not a key")
    keyring.set_keyring(store)
    key = credentials.session_key()
    assert len(key) == 32
    assert store.items[("optout:session-key", "default")] != "not a key"


@pytest.mark.skipif(
    not os.environ.get("DBUS_SESSION_BUS_ADDRESS"),
    reason="no D-Bus session bus: run under dbus-run-session with gnome-keyring-daemon unlocked",
)
def test_secret_service_round_trip() -> None:
    from keyring.backends import SecretService

    keyring.set_keyring(SecretService.Keyring())  # type: ignore[no-untyped-call]
    assert "SecretService" in credentials.check_backend()
    account = f"test-{uuid.uuid4().hex}@example.com"
    password = Secret(f"pw-{uuid.uuid4().hex}")
    try:
        credentials.set_password("optout-unit-test", account, password)
        assert credentials.get_password("optout-unit-test", account) == password
    finally:
        assert credentials.delete_password("optout-unit-test", account) is True
    assert credentials.get_password("optout-unit-test", account) is None
    assert credentials.delete_password("optout-unit-test", account) is False
