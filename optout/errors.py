"""Error classes, each carrying the exit bit (DESIGN.md, "Exit status") it maps to."""

from __future__ import annotations

from enum import IntFlag


class Exit(IntFlag):
    """Exit bits, ORed across every platform and account in one run (contract)."""

    OK = 0
    BUG = 1
    USAGE = 2
    NOT_OFF = 4
    NEEDS_YOU = 8
    SITE_CHANGED = 16
    UNAVAILABLE = 32
    REFUSED = 64


class OptoutError(Exception):
    """An expected failure: a message that says what to do next, and its exit bit."""

    exit: Exit = Exit.BUG
    status: str = "bug"

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class UsageError(OptoutError):
    """The command line asked for something that does not exist."""

    exit = Exit.USAGE
    status = "usage"


class NeedsYou(OptoutError):
    """Only the user can go on: log in, solve a challenge, unlock the keyring."""

    exit = Exit.NEEDS_YOU
    status = "needs-you"


class SiteChanged(OptoutError):
    """The page is not as the flow expects: control missing, ambiguous or unknown page."""

    exit = Exit.SITE_CHANGED
    status = "site-changed"


class Unavailable(OptoutError):
    """The site or a resource could not be reached: network, 5xx, timeout, lock held."""

    exit = Exit.UNAVAILABLE
    status = "unavailable"


class Refused(OptoutError):
    """A safety check refused to act; nothing was typed or clicked."""

    exit = Exit.REFUSED
    status = "refused"


class PasswordRejected(NeedsYou):
    """The site said the password is wrong; it is not tried again until the user re-enters it."""


class ChallengeSeen(NeedsYou):
    """The site showed a security check (CAPTCHA, code, checkpoint, restriction): the account
    cools down until the user signs in by hand."""
