"""One result per (platform, account, setting): the --json row and its exit bit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from optout.errors import Exit

Action = Literal["unchanged", "changed", "would-change", "none"]


@dataclass
class Result:
    """What one run found and did for one (platform, account, setting): the --json row."""

    platform: str
    account: str | None
    setting: str
    label: str
    wanted: str | None
    before: str | None = None
    after: str | None = None
    action: Action = "none"
    status: str = "unavailable"
    message: str = ""
    url: str | None = None
    site: str | None = None  # the blog, site or publication, on platforms with per-site settings
    drift_since: str | None = None  # set when the platform turned back a setting read as wanted since then
    evidence: dict[str, str] | None = None  # {"path", "sha256"} of the read-back's screenshot
    checked_at: str = field(default_factory=lambda: utc_now())

    @property
    def exit(self) -> Exit:
        """The exit bit this result contributes."""
        return STATUS_EXIT[self.status]

    def as_json(self) -> dict[str, object]:
        """The row of the --json document (contract)."""
        return {
            "platform": self.platform,
            "account": self.account,
            "setting": self.setting,
            "label": self.label,
            "wanted": self.wanted,
            "before": self.before,
            "after": self.after,
            "action": self.action,
            "status": self.status,
            "message": self.message,
            "url": self.url,
            "site": self.site,
            "evidence": self.evidence,
            "drift_since": self.drift_since,
            "checked_at": self.checked_at,
        }


STATUS_EXIT = {
    "ok": Exit.OK,
    "absent": Exit.OK,
    "not-off": Exit.NOT_OFF,
    "needs-you": Exit.NEEDS_YOU,
    "site-changed": Exit.SITE_CHANGED,
    "unavailable": Exit.UNAVAILABLE,
    "refused": Exit.REFUSED,
    "bug": Exit.BUG,
}


def utc_now() -> str:
    """The current time as UTC ISO 8601, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def exit_code(results: Sequence[Result]) -> int:
    """The OR of every result's exit bit (contract)."""
    code = Exit.OK
    for result in results:
        code |= result.exit
    return int(code)
