"""Unit tests of the unattended half's pure parts: drift wording, off-since, keywords, cron times."""

from __future__ import annotations

import pytest

from optout import drift, schedule
from optout.cli.run import command_line
from optout.errors import UsageError
from optout.history import wanted_since
from optout.inventory import speaks_of_ai_or_sharing
from optout.result import Result


def test_wanted_since_skips_the_drift_itself_and_unread_runs() -> None:
    newest_first = [
        ("not-off", "would-change", "2026-11-20T08:00:00Z"),  # found back on: the drift
        ("needs-you", "none", "2026-11-19T08:00:00Z"),  # not read
        ("ok", "unchanged", "2026-11-10T08:00:00Z"),
        ("ok", "changed", "2026-11-02T08:00:00Z"),  # switched off here
        ("not-off", "would-change", "2026-11-01T08:00:00Z"),
    ]
    assert wanted_since(newest_first) == "2026-11-02T08:00:00Z"
    assert wanted_since([("not-off", "would-change", "2026-11-01T08:00:00Z")]) is None
    assert wanted_since([]) is None


def test_drift_is_named_for_what_it_is() -> None:
    row = Result("linkedin", "me", "genai-training", "Use my data", "off", before="on", after="off")
    row.status, row.action = "ok", "changed"
    drift.explain([row], lambda r: "2026-11-02T08:00:00Z", lambda p: "LinkedIn")
    assert row.message == "LinkedIn turned 'Use my data' back on (off since 2026-11-02); switched off again."
    assert row.drift_since == "2026-11-02T08:00:00Z"
    first = Result("linkedin", "me", "genai-training", "Use my data", "off", before="on", after="off")
    drift.explain([first], lambda r: None, lambda p: "LinkedIn")
    assert first.drift_since is None and "turned" not in first.message


@pytest.mark.parametrize(
    "name",
    [
        "Use my data for training content creation AI models",
        "Daten für generative KI verwenden",
        "Utiliser mes données pour l'entraînement des modèles",
        "Usar mis datos para entrenar la inteligencia artificial",
        "Consenti l'addestramento dei modelli",
        "Gegevens delen met derden",
        "Partilhar dados com parceiros",
        "Share data with affiliates and select partners",
        "Allow large language models to be trained on your content",
    ],
)
def test_ai_and_sharing_names_in_seven_languages_are_recognised(name: str) -> None:
    assert speaks_of_ai_or_sharing(name)


@pytest.mark.parametrize("name", ["Email notifications", "Dark mode", "Show my profile photo", "Daily digest"])
def test_unrelated_switches_are_not_new_ai_settings(name: str) -> None:
    assert not speaks_of_ai_or_sharing(name)


def test_notification_urls_are_cut_to_scheme_and_host_in_the_recorded_command() -> None:
    recorded = command_line(["verify", "--notify", "tgram://bot123:token@telegram/", "--notify=json://h/secret"])
    assert "token" not in recorded and "secret" not in recorded
    assert recorded == "optout verify --notify tgram://telegram --notify=json://h"


def test_cron_times() -> None:
    assert schedule.cron_times("07:30", None) == "30 7 * * *"
    assert schedule.cron_times(None, "5 4 * * 1") == "5 4 * * 1"
    minute, _hour, *rest = schedule.cron_times(None, None).split()
    assert 1 <= int(minute) <= 59 and rest == ["*", "*", "*"]
    for bad in (("7:61", None), (None, "daily"), ("07:00", "0 7 * * *")):
        with pytest.raises(UsageError):
            schedule.cron_times(*bad)


def test_cron_reaches_the_keyring_only_through_a_lasting_session_bus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus")
    assert schedule.keyring_reach().ok
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/tmp/dbus-abc,guid=1")
    assert not schedule.keyring_reach().ok
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS")
    reach = schedule.keyring_reach()
    assert not reach.ok and "README" in reach.advice and reach.environment == {}
