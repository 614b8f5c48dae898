"""URL canonicalisation and crawl scope, so one review is one page however it was linked."""

from __future__ import annotations

import ipaddress
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
DEFAULT_PORTS = {"http": 80, "https": 443}


def canonicalise(url: str, base: str | None = None) -> str:
    """Lower-case scheme and host, drop default ports, fragments and tracking parameters.

    Not w3lib.url.canonicalize_url: it keeps default ports (":80") and re-encodes paths,
    which would change the keys of every page already stored; these rules are the contract
    of `pages.url`, tested in tests/test_discovery.py.
    """
    parts = urlsplit(urljoin(base, url) if base else url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"  # IPv6 literal
    port = parts.port
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not k.lower().startswith(TRACKING_PREFIXES)))
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, query, ""))


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


def is_private_ip_literal(host: str) -> bool:
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved


def scope_violation(url: str, allowed_hosts: set[str]) -> str | None:
    """Why `url` must not be fetched, or None when it is in scope.

    Configured hosts are trusted even on loopback (the demo sites); any other host,
    scheme or private address literal is out of scope.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return "scheme_not_allowed"
    if parts.netloc.lower() in allowed_hosts:
        return None
    if is_private_ip_literal(parts.hostname or ""):
        return "private_address"
    return "host_out_of_scope"
