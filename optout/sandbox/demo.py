"""The replica the demo and `optout sandbox` use: which platform, and how it is made to drift."""

from __future__ import annotations

from dataclasses import dataclass

from optout.sandbox.server import Sandbox


@dataclass(frozen=True)
class Scenario:
    """One platform of the sandbox, set up for showing the whole journey."""

    platform: str
    title: str
    account: str
    drift_key: str

    def seed(self, server: Sandbox, password: str) -> None:
        """Create the demo account (its settings start on, as the platform's defaults are)."""
        server.add_account(self.platform, self.account, password)

    def drift(self, server: Sandbox) -> None:
        """Turn the main setting back on behind optout's back, as platforms do."""
        server.set_setting(self.platform, self.account, self.drift_key, True)


DEMO = Scenario(
    platform="linkedin",
    title="LinkedIn",
    account="demo@optout.invalid",
    drift_key="allowDataForGenerativeAI",
)
