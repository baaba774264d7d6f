"""Every form on the site speaks GOV.UK-style: no "This field is required." and no "---------" option.

Walks every URL (the same automatic list as the access matrix) and every live page in the tree as
each persona: each page a persona may open is checked for a "---------" option, and each form on
it is sent back empty, so every required field's message is seen.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import pytest
from django.urls import reverse

from tests.security.access import PARAMS, client_for
from tests.security.test_access_matrix import NOT_REQUESTED, ROUTES

pytestmark = pytest.mark.django_db

# The training administrator sees every staff form a trainer or lead does; the learner and the
# signed-out visitor see the rest.
PERSONAS = ["anonymous", "learner", "admin"]
DJANGO_WORDS = ("This field is required.", "---------")
NAMES = sorted(route.name for route in ROUTES if route.name not in NOT_REQUESTED)


class _Forms(HTMLParser):
    """The action of every POST form on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.actions: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "form" and (values.get("method") or "get").lower() == "post":
            self.actions.append(values.get("action") or "")


def _html(response) -> str:
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return ""
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


def _problems(site, url: str) -> list[str]:
    problems = []
    for persona in PERSONAS:
        if persona != "anonymous" and persona not in site.people:
            continue
        client = client_for(site, persona)
        html = _html(client.get(url))
        if not html:
            continue
        problems += [f"{url} as {persona} shows {w!r}" for w in DJANGO_WORDS if w in html]
        parser = _Forms()
        parser.feed(html)
        for action in dict.fromkeys(parser.actions):
            target = urljoin(url, action)
            if urlparse(target).path.startswith(("/admin/", "/accounts/logout/")):
                continue
            answer = _html(client_for(site, persona).post(target, {}))
            problems += [
                f"the form at {url} ({target}) as {persona}, sent empty, says {w!r}"
                for w in DJANGO_WORDS
                if w in answer
            ]
    return problems


@pytest.mark.parametrize("name", NAMES)
def test_no_form_at_this_url_uses_djangos_default_words(site, name):
    url = reverse(name, kwargs=PARAMS[name](site) if name in PARAMS else None)
    problems = _problems(site, url)
    assert not problems, "\n".join(problems)


def test_no_form_on_a_live_page_uses_djangos_default_words(site):
    from wagtail.models import Page

    problems = []
    for page in Page.objects.live().filter(depth__gt=1).specific():
        url = page.get_url()
        if url:
            problems += _problems(site, re.sub(r"^https?://[^/]+", "", url))
    assert not problems, "\n".join(problems)
