"""Origin canonicalisation and the exact-origin allowlist (security.md 13.A, O-1 and O-14)."""

from __future__ import annotations

import pytest

from optout.safety import normalize_origin, origin_allowed

LINKEDIN = frozenset({"https://www.linkedin.com"})


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/login",
        "https://WWW.LINKEDIN.COM/x",
        "HTTPS://www.LinkedIn.com/x",
        "https://www.linkedin.com./",
        "https://www.linkedin.com:443/",
        "  https://www.linkedin.com/login?x=1#y  ",
    ],
)
def test_the_same_origin_spelled_differently_is_allowed(url: str) -> None:
    assert normalize_origin(url) == "https://www.linkedin.com"
    assert origin_allowed(url, LINKEDIN)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com:8443/login",
        "http://www.linkedin.com/login",
        "http://www.linkedin.com:443/login",
        "https://www.linkedin.com@evil.test/",
        "https://user:pw@www.linkedin.com/",
        "https://www.linkedin.com.evil.test/login",
        "https://www.linkedin.com.evil.test",
        "https://evil.test/www.linkedin.com",
        "https://evil.test/?next=https://www.linkedin.com",
        "https://linkedin.com/login",
        "https://linkedln.com/login",
        "https://m.linkedin.com/login",
        "https://www.l\u0456nkedin.com/login",  # U+0456, a Cyrillic i
        "https://www.linked\u0456n.com/login",
        "https://xn--www-linkedin-com.evil.test/",
        "wss://www.linkedin.com/",
        "ftp://www.linkedin.com/",
        "javascript:alert(1)//www.linkedin.com",
        "data:text/html,https://www.linkedin.com",
        "about:blank",
        "",
    ],
)
def test_look_alikes_other_ports_schemes_and_userinfo_are_refused(url: str) -> None:
    assert not origin_allowed(url, LINKEDIN)


def test_a_homograph_is_not_canonicalised_into_the_real_host() -> None:
    homograph = normalize_origin("https://www.l\u0456nkedin.com/")
    assert homograph is not None
    assert homograph.startswith("https://www.xn--")
    assert homograph != "https://www.linkedin.com"


def test_explicit_default_port_and_other_port_differ() -> None:
    assert normalize_origin("https://www.linkedin.com:443/") == "https://www.linkedin.com"
    assert normalize_origin("https://www.linkedin.com:8443/") == "https://www.linkedin.com:8443"
    assert normalize_origin("http://www.linkedin.com:80/") == "http://www.linkedin.com"


def test_the_allowlist_itself_is_normalised() -> None:
    assert origin_allowed("https://www.linkedin.com/login", frozenset({"https://WWW.LinkedIn.com."}))
    assert origin_allowed("https://www.linkedin.com/login", frozenset({"https://www.linkedin.com:443"}))


def test_an_http_entry_in_the_allowlist_never_lets_http_through() -> None:
    assert not origin_allowed("http://www.linkedin.com/login", frozenset({"http://www.linkedin.com"}))


def test_an_empty_allowlist_allows_nothing() -> None:
    assert not origin_allowed("https://www.linkedin.com/login", frozenset())


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "not a url",
        "www.linkedin.com/login",
        "//www.linkedin.com/login",
        "https://",
        "https:///login",
        "https://www.linkedin.com:99999/",
        "https://www.linkedin.com:port/",
        "https://[::1/",
        "https://www.linkedin.com@evil.test/",
        "https://@www.linkedin.com/",
        "https://" + "a" * 64 + ".com/",  # a DNS label longer than 63 characters
    ],
)
def test_malformed_urls_have_no_origin(url: str) -> None:
    assert normalize_origin(url) is None
    assert not origin_allowed(url, LINKEDIN)
