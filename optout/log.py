"""Logging: console on a terminal, JSON lines otherwise, to stderr, with secrets redacted.

Importing this module installs the default configuration (auto format, warnings only), so
nothing can be logged unredacted, or to stdout, before the CLI calls `configure()`.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import re
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import Token
from typing import Any
from urllib.parse import quote, quote_plus

import structlog
from structlog.dev import ConsoleRenderer, plain_traceback
from structlog.processors import ExceptionRenderer, JSONRenderer, TimeStamper
from structlog.tracebacks import ExceptionDictTransformer
from structlog.typing import EventDict, Processor, WrappedLogger

from optout.secrets import Secret

REDACTED = "[redacted]"
CONTEXT_KEYS = ("platform", "account", "setting")
MIN_SECRET_LENGTH = 4

# Key names matched anywhere in a key ("x-csrf-token", "Set-Cookie", "session_key_b64").
_SECRET_KEY_PARTS = (
    "password",
    "passwd",
    "passphrase",
    "secret",
    "token",
    "cookie",
    "authorization",
    "session_key",
    "sessionkey",
    "csrf",
    "xsrf",
    "storage_state",
    "api_key",
    "apikey",
    "private_key",
)
# Short names match only as whole words, so "pin" masks "pin_code" but not "spinner".
_SECRET_KEY_WORDS = frozenset({"pwd", "pass", "otp", "totp", "pin"})
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")

_registry_lock = threading.Lock()
_registered: set[str] = set()
_pattern: re.Pattern[str] | None = None
_handler: logging.Handler | None = None


def _encoded_forms(value: str) -> set[str]:
    """Return the forms in which `value` may show up in text: raw, URL, base64, escaped."""
    forms = {
        value,
        quote(value),
        quote(value, safe=""),
        quote_plus(value),
        quote_plus(value, safe=""),
        json.dumps(value)[1:-1],
        repr(value)[1:-1],
    }
    raw = value.encode("utf-8")
    for encode in (base64.b64encode, base64.urlsafe_b64encode):
        forms.add(encode(raw).decode("ascii"))
        # Inside a longer base64 blob ("user:password" in a Basic header) the value starts
        # at any of three bit offsets; keep the characters that depend on the value alone.
        for offset in range(3):
            text = encode(b"\0" * offset + raw).decode("ascii")
            start = -(-8 * offset // 6)
            end = 8 * (offset + len(raw)) // 6
            forms.add(text[start:end])
    return {form for form in forms if len(form) >= MIN_SECRET_LENGTH}


def register_secret(value: str | Secret) -> None:
    """Redact `value` (and its URL/base64 forms) from every log event from now on."""
    text = value.reveal() if isinstance(value, Secret) else value
    if not isinstance(text, str) or len(text) < MIN_SECRET_LENGTH:
        return  # masking a two-letter value would mask half of every message
    global _pattern
    with _registry_lock:
        new = _encoded_forms(text) - _registered
        if new:
            _registered.update(new)
            ordered = sorted(_registered, key=len, reverse=True)
            _pattern = re.compile("|".join(map(re.escape, ordered)))


def _scrub(text: str) -> str:
    pattern = _pattern
    return pattern.sub(REDACTED, text) if pattern is not None else text


def _is_secret_key(key: str) -> bool:
    lowered = _CAMEL.sub("_", key).lower()
    if any(part in lowered for part in _SECRET_KEY_PARTS):
        return True
    return any(word in _SECRET_KEY_WORDS for word in _WORD_SPLIT.split(lowered))


def _redact_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return _scrub(value)
    if isinstance(value, Secret):
        return repr(value)
    if isinstance(value, Mapping):
        return _redact_mapping(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [_redact_value(item) for item in value]
    if isinstance(value, bytes | bytearray):
        return _scrub(repr(bytes(value)))
    try:
        # Any other object is rendered here, so that its text is scrubbed too.
        return _scrub(str(value))
    except Exception:  # a broken __str__ must not lose the event
        return f"<unprintable {type(value).__name__}>"


def _redact_mapping(mapping: Mapping[Any, Any]) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    for key, value in mapping.items():
        name = _scrub(key) if isinstance(key, str) else key
        # None and booleans ("otp_required": True) cannot hold a secret; keep them readable.
        if isinstance(key, str) and _is_secret_key(key) and not isinstance(value, bool | None):
            result[name] = REDACTED
        else:
            result[name] = _redact_value(value)
    return result


def redact(_: WrappedLogger, __: str, event_dict: EventDict) -> EventDict:
    """Mask values under secret-sounding keys and every registered secret, recursively."""
    return _redact_mapping(event_dict)


def _add_context_keys(_: WrappedLogger, __: str, event_dict: EventDict) -> EventDict:
    for key in CONTEXT_KEYS:
        event_dict.setdefault(key, None)
    return event_dict


class _StderrHandler(logging.Handler):
    """Writes formatted records to whatever sys.stderr is at the time of the call."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
            stream = sys.stderr
            if stream is not None:
                stream.write(text + "\n")
                stream.flush()
        except RecursionError:
            raise
        except Exception:  # logging's own contract for emit
            self.handleError(record)

    def handleError(self, record: logging.LogRecord) -> None:
        # logging's default prints the record's arguments, which may hold a secret.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            sys.stderr.write(f"optout: a log event could not be written ({record.name})\n")


def _level(verbosity: int) -> int:
    if verbosity >= 2:
        return logging.DEBUG
    return logging.INFO if verbosity == 1 else logging.WARNING


def configure(fmt: str = "auto", verbosity: int = 0) -> None:
    """Send structlog and stdlib logging to stderr, redacted, as console text or JSON lines."""
    global _handler
    if fmt == "auto":
        fmt = "console" if sys.stderr is not None and sys.stderr.isatty() else "json"
    if fmt not in ("console", "json"):
        raise ValueError(f"unknown log format {fmt!r} (use auto, console or json)")

    shared: list[Processor] = [
        structlog.contextvars.merge_contextvars,  # platform=, account=, setting= from context()
        _add_context_keys,
        structlog.stdlib.add_logger_name,
        structlog.processors.add_log_level,
        TimeStamper(fmt="iso", utc=True),
    ]
    # Exceptions are turned into text before redaction, so their messages are scrubbed too;
    # frame locals can hold the password, so they are never rendered.
    tail: list[Processor]
    if fmt == "console":
        tail = [
            ExceptionRenderer(),  # plain text traceback, no locals
            redact,
            ConsoleRenderer(
                colors=sys.stderr is not None and sys.stderr.isatty(),
                exception_formatter=plain_traceback,
            ),
        ]
    else:
        tail = [
            ExceptionRenderer(ExceptionDictTransformer(show_locals=False, use_rich=False)),
            redact,  # last before the renderer
            JSONRenderer(),
        ]

    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *tail],
    )
    handler = _StderrHandler()
    handler.setFormatter(formatter)

    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
    root.addHandler(handler)
    root.setLevel(_level(verbosity))
    _handler = handler
    logging.captureWarnings(True)

    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *shared,
            structlog.stdlib.PositionalArgumentsFormatter(),
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        context_class=dict,
        # Not cached, so that a later configure() (the CLI's -v) reaches every logger.
        cache_logger_on_first_use=False,
    )


def get_logger(**bind: Any) -> structlog.stdlib.BoundLogger:
    """Return a logger for optout, with `bind` added to every event it logs."""
    logger: structlog.stdlib.BoundLogger = structlog.stdlib.get_logger("optout", **bind)
    return logger


def bind_context(**kv: Any) -> Mapping[str, Token[Any]]:
    """Bind platform=, account=, setting= (or more) to every event in this context."""
    return structlog.contextvars.bind_contextvars(**kv)


@contextmanager
def context(**kv: Any) -> Iterator[None]:
    """Bind `kv` to every event inside the block, and restore the previous values after."""
    with structlog.contextvars.bound_contextvars(**kv):
        yield


if not structlog.is_configured():
    configure()
