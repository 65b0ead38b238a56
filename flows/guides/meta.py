"""Meta (Facebook, Instagram): the "Right to object" form against AI training; there is no switch.

Written from shared/reference/platforms.md section 7 and platforms.json `meta.ai_right_to_object_form`
(confidence there: medium for the URLs and the flow, low for the exact labels because the Privacy
Center is login-gated, high that there is no US opt-out). The Muse and Instagram "reuse" settings
(platforms.json `meta_muse.help_improve_ai_models`, `instagram.allow_reuse_with_ai_features`) are
noted only: their pages are unknown, so optout cannot automate them either.
"""

from __future__ import annotations

from optout.guide import Guide, Link

GUIDE = Guide(
    id="meta",
    title="Meta (Facebook, Instagram)",
    kind="guided",
    summary=(
        'Meta has no switch for AI training. It takes objections through a "Right to object" form; '
        "without one, your public posts, photos, captions and comments (and Meta AI chats) are used."
    ),
    regions=(
        "the form is offered in the EU/EEA, the UK and Switzerland (also reported: Brazil, Japan, "
        "South Korea). There is no opt-out in the US or the rest of the world."
    ),
    scope="per account: file one objection for each Facebook account and one for each Instagram account.",
    steps=(
        "Sign in to Facebook (or Instagram) in your browser: the Privacy Center shows the form only to "
        "signed-in users.",
        "Open the objection form (first link below). By hand: Settings & privacy > Privacy Center > "
        'Privacy Topics > "AI at Meta" > the "object" link at the bottom.',
        "Check the email address (pre-filled when you are signed in); a reason is optional.",
        "Press Send. Some flows first send a code or link to that address to verify it.",
        "Keep the confirmation screen and the email that follows; an approval notice arrives about "
        "24 hours later. The objection applies from then on, not to training already done.",
        "For information about you that other people shared, use the third-party data form as well.",
        "Repeat for each Facebook and each Instagram account.",
    ),
    confirmation="a confirmation screen, an email, and an approval notice about 24 hours later.",
    links=(
        Link("Objection form (AI at Meta)", "https://www.facebook.com/help/contact/6359191084165019"),
        Link("Third-party data objection form", "https://www.facebook.com/help/contact/510058597920541"),
        Link("Meta's page on generative AI and privacy", "https://www.facebook.com/privacy/genai"),
    ),
    notes=(
        "Private messages between users are not used for this training, according to the sources.",
        'Muse has its own "Help improve our AI models" switch (US/Canada; off needs "Turn off to '
        'confirm"); its page is unknown. Reported: Instagram\'s "Allow people to reuse your content on '
        'Instagram and with AI features at Meta" (Profile > Menu > Sharing and reuse).',
    ),
    confidence="medium for the URLs and steps; low for the exact labels (login-gated); high that the US has no opt-out",
    sources=(
        "AI-vendor privacy audit, vendors/meta-ai.md (unnamed public source, last verified 2026-10-02)",
        "https://legalclarity.org/how-to-find-and-submit-the-meta-ai-data-objection-form/",
        "https://www.mgillion.be/articles/08-05-2025",
        "https://tg24.sky.it/tecnologia/2025/05/27/meta-opposizione-dati-personali",
    ),
)
