"""Redaction through the real logging pipeline (configure() to a captured stderr)."""

from __future__ import annotations

import base64
import json
import logging
import uuid
from typing import Any
from urllib.parse import quote, quote_plus

import pytest

from optout import log
from optout.secrets import Secret


def new_canary() -> str:
    return f"canary{uuid.uuid4().hex[:12]}"


def events(err: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in err.splitlines() if line.strip()]


@pytest.fixture
def json_logs(capsys: pytest.CaptureFixture[str]) -> pytest.CaptureFixture[str]:
    log.configure("json", verbosity=2)
    return capsys


def test_secret_keys_are_redacted(json_logs: pytest.CaptureFixture[str]) -> None:
    canary = new_canary()  # not registered: only the key names protect it
    log.get_logger().info(
        "x",
        password=canary,
        data={"pwd": canary, "headers": [{"Cookie": canary}, {"X-CSRF-Token": canary}]},
        otpCode=canary,
        session_key=canary,
        pinterest="kept",
        otp_required=True,
    )
    out = json_logs.readouterr()
    assert canary not in out.err and out.out == ""
    (event,) = events(out.err)
    assert event["password"] == "[redacted]"
    assert event["data"]["pwd"] == "[redacted]"
    assert event["pinterest"] == "kept" and event["otp_required"] is True
    for key in ("platform", "account", "setting", "timestamp", "level"):
        assert key in event


def test_registered_values_are_redacted_everywhere(json_logs: pytest.CaptureFixture[str]) -> None:
    canary = new_canary()
    log.register_secret(canary)
    logger = log.get_logger()
    logger.warning(f"login failed for password {canary}")
    logger.info("nested", data={"list": [f"a{canary}b", ("t", canary)]}, note=canary)
    logger.info("basic", header="Basic " + base64.b64encode(f"me:{canary}".encode()).decode())
    logger.info("b64", value=base64.b64encode(canary.encode()).decode())
    logger.info("secret object", value=Secret(canary))
    err = json_logs.readouterr().err
    assert canary not in err
    assert base64.b64encode(canary.encode()).decode()[:-2] not in err
    assert "Secret('**********')" in err
    assert len(events(err)) == 5


def test_url_encoded_forms_are_redacted(json_logs: pytest.CaptureFixture[str]) -> None:
    canary = f"p@ss/{uuid.uuid4().hex[:8]} w&rd"
    log.register_secret(Secret(canary))
    log.get_logger().info("post", body=f"user=me&pass={quote_plus(canary)}", url=quote(canary))
    err = json_logs.readouterr().err
    for form in (canary, quote_plus(canary), quote(canary), quote(canary, safe="")):
        assert form not in err


def test_exceptions_are_redacted_and_show_no_locals(
    json_logs: pytest.CaptureFixture[str],
) -> None:
    canary, local_only = new_canary(), new_canary()
    log.register_secret(canary)

    def sign_in(password: str) -> None:
        typed = local_only  # a local a locals-dumping renderer would print
        raise RuntimeError(f"the site rejected {password} ({len(typed)})")

    with log.context(platform="linkedin", account="me@example.com", setting=None):
        try:
            sign_in(canary)
        except RuntimeError:
            log.get_logger().exception("login.failed")
    err = json_logs.readouterr().err
    assert canary not in err and local_only not in err
    (event,) = events(err)
    assert event["platform"] == "linkedin" and event["account"] == "me@example.com"
    assert "[redacted]" in event["exception"][0]["exc_value"]
    assert all("locals" not in frame for frame in event["exception"][0]["frames"])


def test_console_format_redacts_tracebacks(capsys: pytest.CaptureFixture[str]) -> None:
    log.configure("console", verbosity=0)
    canary, local_only = new_canary(), new_canary()
    log.register_secret(canary)
    try:
        password = local_only
        raise ValueError(f"bad {canary} {len(password)}")
    except ValueError:
        log.get_logger().error("boom", exc_info=True, password=canary)
    err = capsys.readouterr().err
    assert "boom" in err and "Traceback" in err
    assert canary not in err and local_only not in err


def test_stdlib_logging_goes_through_redaction(
    json_logs: pytest.CaptureFixture[str],
) -> None:
    canary = new_canary()
    log.register_secret(canary)
    with log.context(platform="x"):
        logging.getLogger("playwright").warning("fill(%r)", canary)
        try:
            raise OSError(canary)
        except OSError:
            logging.getLogger("asyncio").exception("Task exception was never retrieved")
    err = json_logs.readouterr().err
    assert canary not in err
    found = events(err)
    assert len(found) == 2
    assert all(e["platform"] == "x" and "setting" in e and "account" in e for e in found)


def test_context_binds_and_restores(json_logs: pytest.CaptureFixture[str]) -> None:
    logger = log.get_logger()
    with log.context(platform="linkedin", setting="genai-training"):
        with log.context(account="me@example.com"):
            logger.info("inner")
        logger.info("outer")
    logger.info("after")
    inner, outer, after = events(json_logs.readouterr().err)
    assert (inner["platform"], inner["account"], inner["setting"]) == (
        "linkedin",
        "me@example.com",
        "genai-training",
    )
    assert outer["account"] is None and outer["setting"] == "genai-training"
    assert (after["platform"], after["account"], after["setting"]) == (None, None, None)


def test_verbosity_levels(capsys: pytest.CaptureFixture[str]) -> None:
    logger = log.get_logger()
    levels = ((0, {"warning"}), (1, {"info", "warning"}), (2, {"debug", "info", "warning"}))
    for verbosity, shown in levels:
        log.configure("json", verbosity=verbosity)
        logger.debug("debug")
        logger.info("info")
        logger.warning("warning")
        assert {e["event"] for e in events(capsys.readouterr().err)} == shown


def test_short_values_are_not_registered(json_logs: pytest.CaptureFixture[str]) -> None:
    log.register_secret("on")
    log.register_secret("")
    log.get_logger().info("switch is on")
    assert events(json_logs.readouterr().err)[0]["event"] == "switch is on"
