"""A case narrative is rendered by the site's one Markdown renderer."""

from __future__ import annotations

import pytest

from lib.markdown import render_markdown


@pytest.mark.django_db
def test_scenario_narratives_and_lessons_go_through_the_same_renderer(scenario_page, rf):
    """A case narrative gets the lesson text's allow-list, classes and safe links."""
    from django.contrib.auth.models import AnonymousUser

    scenario_page.narrative = "## At home\n\nRead [the plan](https://example.org/plan).<script>x()</script>"
    request = rf.get("/")
    request.user = AnonymousUser()
    html = str(scenario_page.get_context(request)["narrative_html"])
    assert html == render_markdown(scenario_page.narrative)
    assert '<h2 class="govuk-heading-m">At home</h2>' in html
    assert 'rel="noopener noreferrer"' in html and "<script" not in html
