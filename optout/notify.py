"""Sending the report through apprise (the optional extra `optout[notify]`), to each --notify URL."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from optout.errors import UsageError
from optout.log import get_logger

log = get_logger()
TITLE = "optout: something needs your attention"


def check_available(urls: Sequence[str]) -> None:
    """Fail before the run (exit 2) when notifications are asked for but cannot be sent."""
    if not urls:
        return
    try:
        import apprise
    except ImportError:
        raise UsageError(
            "--notify needs apprise, which is not installed",
            hint="run: pip install 'optout[notify]'",
        ) from None
    for url in urls:
        if apprise.Apprise.instantiate(url) is None:
            raise UsageError(
                f"--notify: {scheme_of(url)} is not a notification URL apprise knows",
                hint="see the apprise documentation for the URL forms",
            )


def scheme_of(url: str) -> str:
    """A notification URL shown without its secrets (they often carry tokens): scheme and host."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or ''}"


def send(urls: Sequence[str], body: str) -> list[str]:
    """Send the report to every URL; returns the URLs (shown without secrets) that failed."""
    if not urls or not body:
        return []
    import apprise

    failed = []
    for url in urls:
        sender = apprise.Apprise()
        sender.add(url)
        if not sender.notify(title=TITLE, body=body):
            failed.append(scheme_of(url))
            log.warning("notify.failed", target=scheme_of(url))
    return failed
