"""Zoom: no training switch exists; Zoom says it does not train on customer content.

Written from shared/reference/platforms.md section 22 and platforms.json `zoom.no_user_toggle`
(confidence medium): since the August 2023 terms controversy Zoom states it does not use audio,
video, chat, screen-share files or similar content to train its own or third-party models;
owners and admins decide whether AI Companion features are enabled.
"""

from __future__ import annotations

from optout.guide import Guide, Link

GUIDE = Guide(
    id="zoom",
    title="Zoom",
    kind="informational",
    summary=(
        "Zoom has no AI-training switch: since August 2023 it says it does not use audio, video, chat, "
        "screen-share files or similar customer content to train Zoom's or third parties' models."
    ),
    scope="account owners and admins decide whether AI Companion features are enabled.",
    steps=(
        "There is no training setting to switch off.",
        "If you do not want the AI Companion features at all, ask your account owner or admin: they "
        "are enabled or disabled in the admin's AI Companion settings.",
        "Service-generated data (telemetry) is covered by Zoom's terms, not by a setting.",
    ),
    links=(
        Link(
            "Report on Zoom's revised AI training policy (2023)",
            "https://techplugged.com/zoom-revises-user-data-ai-training-policy-after-widespread-outcry/3/",
        ),
    ),
    confidence="medium (news reports of Zoom's statement; Zoom's own terms page was not fetched)",
    sources=(
        "https://techplugged.com/zoom-revises-user-data-ai-training-policy-after-widespread-outcry/3/",
        'telecomreview.com, "Zoom\'s updated terms" (article 7278)',
        "https://www.zoom.com/de/products/collaboration-tools/zoom-workplace-pro-annual",
    ),
)
