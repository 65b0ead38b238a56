"""Thread-safe server-side state of the replica sites: accounts, settings, faults, counters, tokens."""

from __future__ import annotations

import hmac
import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass

SESSION = "session"  # token kind of a logged-in browser session
EXPIRED_SESSION = "expired-session"  # the fault that invalidates every existing session token
NO_ACCOUNT = "-"  # the account of sites without logins


@dataclass
class _Account:
    """A replica account: its password and its settings."""

    password: str
    settings: dict[str, object]


class SiteState:
    """One site's state; every method holds the lock, so handler threads can share it."""

    def __init__(self, defaults: Mapping[str, object]) -> None:
        self._lock = threading.RLock()
        self._defaults = dict(defaults)
        self._accounts: dict[str, _Account] = {}
        self._faults: dict[tuple[str, str | None], object] = {}
        self._counters: dict[tuple[str, str], int] = {}
        self._tokens: dict[tuple[str, str], dict[str, str]] = {}
        self._received: list[str] = []

    def reset(self) -> None:
        """Forget accounts, faults, counters, tokens and received values."""
        with self._lock:
            self._accounts.clear()
            self._faults.clear()
            self._counters.clear()
            self._tokens.clear()
            self._received.clear()

    def add_account(self, account: str, password: str, settings: Mapping[str, object] | None = None) -> None:
        """Create (or replace) an account; settings not given take the site's defaults."""
        given = dict(settings or {})
        unknown = set(given) - set(self._defaults)
        if unknown:
            raise KeyError(f"unknown setting(s) {sorted(unknown)}; known: {sorted(self._defaults)}")
        with self._lock:
            self._accounts[account] = _Account(password, {**self._defaults, **given})

    def has_account(self, account: str) -> bool:
        """Whether the account exists."""
        with self._lock:
            return account in self._accounts

    def password_matches(self, account: str, password: str) -> bool:
        """Whether the account exists and `password` is its password (constant-time compare)."""
        with self._lock:
            known = self._accounts.get(account)
        if known is None:
            return False
        return hmac.compare_digest(known.password.encode(), password.encode())

    def _settings(self, account: str, key: str) -> dict[str, object]:
        """The settings of an account that must hold `key`; KeyError otherwise."""
        if account not in self._accounts:
            raise KeyError(f"no account {account!r}")
        settings = self._accounts[account].settings
        if key not in settings:
            raise KeyError(f"unknown setting {key!r}; known: {sorted(settings)}")
        return settings

    def get_setting(self, account: str, key: str) -> object:
        """Return the stored value of a setting."""
        with self._lock:
            return self._settings(account, key)[key]

    def set_setting(self, account: str, key: str, value: object) -> None:
        """Store a setting's value."""
        with self._lock:
            self._settings(account, key)[key] = value

    def set_fault(self, fault: str, value: object = True, account: str | None = None) -> None:
        """Switch a fault on (any value but None/False) or off, for one account or (None) all."""
        with self._lock:
            if value is None or value is False:
                self._faults.pop((fault, account), None)
            else:
                self._faults[(fault, account)] = value
            if fault == EXPIRED_SESSION and value not in (None, False):
                self.drop_tokens(SESSION, account)

    def clear_faults(self) -> None:
        """Switch every fault off."""
        with self._lock:
            self._faults.clear()

    def fault(self, fault: str, account: str | None = None) -> object | None:
        """Return a fault's value for `account` (its own setting first, then the site-wide one)."""
        with self._lock:
            if account is not None and (fault, account) in self._faults:
                return self._faults[(fault, account)]
            return self._faults.get((fault, None))

    def count(self, account: str, counter: str) -> None:
        """Add one to an account's counter."""
        with self._lock:
            self._counters[(account, counter)] = self._counters.get((account, counter), 0) + 1

    def counter(self, account: str, counter: str) -> int:
        """Return an account's counter."""
        with self._lock:
            return self._counters.get((account, counter), 0)

    def issue(self, kind: str, account: str, **data: str) -> str:
        """Mint a random token of `kind` for an account, carrying `data`; return the token."""
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._tokens[(kind, token)] = {"account": account, **data}
        return token

    def lookup(self, kind: str, token: str | None) -> dict[str, str] | None:
        """Return a token's data (with "account"), or None when it is unknown or dropped."""
        if not token:
            return None
        with self._lock:
            data = self._tokens.get((kind, token))
            return dict(data) if data is not None else None

    def drop_tokens(self, kind: str, account: str | None = None) -> None:
        """Invalidate every token of `kind` of one account, or of all accounts."""
        with self._lock:
            for key in [k for k, v in self._tokens.items() if k[0] == kind]:
                if account is None or self._tokens[key]["account"] == account:
                    del self._tokens[key]

    def receive(self, value: str) -> None:
        """Remember a value a site was sent (the look-alike origin's harvest)."""
        with self._lock:
            self._received.append(value)

    def received(self) -> list[str]:
        """Return every value remembered by `receive`, oldest first."""
        with self._lock:
            return list(self._received)
