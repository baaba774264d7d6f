"""The address of the person making a request, behind the load balancer.

Behind a load balancer REMOTE_ADDR is the load balancer's own address, and
X-Forwarded-For is a list each proxy appends to: "client, proxy1, proxy2".
Only the entries our own proxies added can be trusted; anything to their
left was sent by the client and may be made up. With TRUSTED_PROXY_COUNT set
to the number of our proxies in front of the site, the client is the entry
that many places from the right (the one our outermost proxy added). A
proxy that puts the client's address in a header of its own instead is named
by TRUSTED_CLIENT_IP_HEADER.

allauth's sign-in rate limits (through people.adapters.AccountAdapter) and
the audit log both take the address from here, so they count the same
person.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The client's address as text, or None when there is none we can read."""
    header = getattr(settings, "TRUSTED_CLIENT_IP_HEADER", None)
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if header:
        candidate = request.headers.get(header, "")
    else:
        forwarded = [hop.strip() for hop in request.headers.get("X-Forwarded-For", "").split(",") if hop.strip()]
        if count > 0 and forwarded:
            # Fewer entries than proxies: every entry was added by one of ours,
            # so the leftmost is the furthest we can see.
            candidate = forwarded[-count] if len(forwarded) >= count else forwarded[0]
        else:
            candidate = request.META.get("REMOTE_ADDR", "")
    return _clean(candidate)


def _clean(candidate: str) -> str | None:
    text = candidate.strip()
    if text.startswith("[") and "]" in text:  # [IPv6]:port
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # IPv4:port
        text = text.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None
