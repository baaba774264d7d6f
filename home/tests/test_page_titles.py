"""The browser tab says what the page is, then the site, and never the site's name twice."""

from __future__ import annotations

from home.templatetags.page_titles import with_site_name

SITE = "Signs of Safety learning"


def test_a_page_title_comes_before_the_site_name():
    assert with_site_name("Map the case: The Hollins family", SITE) == f"Map the case: The Hollins family - {SITE}"


def test_the_home_page_named_after_the_site_shows_the_name_once():
    assert with_site_name(SITE, SITE) == SITE
    assert with_site_name("  \n ", SITE) == SITE


def test_a_title_is_escaped_once():
    assert with_site_name("Tom & Jerry", SITE) == f"Tom &amp; Jerry - {SITE}"


def test_the_home_page_title_in_the_browser_is_not_doubled(client, home_page):
    html = client.get("/").content.decode()
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.count(SITE) == 1, title
