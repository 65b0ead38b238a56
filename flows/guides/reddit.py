"""Reddit: no opt-out exists; public content is licensed to AI companies under platform-wide deals.

Written from shared/reference/platforms.md section 13 and platforms.json `reddit.no_user_optout`
(confidence medium: third-party catalogs and WIRED agree; no official "no opt-out" statement
was fetched). The privacy settings link is given for reference only: it has no AI-training option.
"""

from __future__ import annotations

from optout.guide import Guide, Link

GUIDE = Guide(
    id="reddit",
    title="Reddit",
    kind="informational",
    summary=(
        "Reddit has no AI-training setting for users: public content is licensed under platform-level "
        "data deals (reported: Google, OpenAI)."
    ),
    scope="platform-wide: no per-user choice.",
    steps=(
        "There is nothing to switch off.",
        "What remains in your hands: not posting publicly, or deleting content you do not want used.",
    ),
    links=(
        Link(
            "Reddit privacy settings (for reference; no AI-training option there)",
            "https://www.reddit.com/settings/privacy",
        ),
    ),
    confidence="medium (third-party catalogs and WIRED agree; no official statement fetched)",
    sources=(
        "opt-out catalogs in public repositories (unnamed public source)",
        'WIRED, "How to Stop Your Data From Being Used to Train AI" (via sechead.com)',
    ),
)
