"""Who gets what from every URL of the Wagtail admin.

The route list comes from the URL configuration (everything under
`admin/`: choosers, history, usage, bulk actions, reports), so a new admin
view is crawled without anyone listing it. Every persona asks for every
route. People without admin access are refused everywhere; for a route that
belongs to one model (snippets, their choosers, users, groups) the answer
follows the permission table in docs/security.md: whoever may not list the
model is refused, whatever the view. Nothing answers a 500.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db.models import Model
from django.urls import NoReverseMatch, reverse

from people.admin_views import may_list
from tests.security.access import client_for
from tests.security.conftest import PERSONAS, Site
from tests.security.urls import Route, all_routes

pytestmark = pytest.mark.django_db

ADMIN_STAFF = ("admin", "editor")
NO_ADMIN = [p for p in PERSONAS if p not in ADMIN_STAFF and p != "anonymous"]
ADMIN_ROUTES = [route for route in all_routes() if route.route.startswith("admin/")]

# Static assets of the admin (translations catalogue, icon sprite): no data.
PUBLIC_ASSETS = {"wagtailadmin_javascript_catalog", "wagtailadmin_sprite"}

# Namespaces that belong to one model, beyond the per-model snippet ones.
MODEL_NAMESPACES: dict[str, str] = {"wagtailusers_users": "people.user", "wagtailusers_groups": "auth.group"}


def model_of(route: Route) -> type[Model] | None:
    namespace = route.name.split(":", 1)[0]
    if namespace in MODEL_NAMESPACES:
        return apps.get_model(MODEL_NAMESPACES[namespace])
    for prefix in ("wagtailsnippets_", "wagtailsnippetchoosers_"):
        if namespace.startswith(prefix):
            app_label, model_name = namespace.removeprefix(prefix).split("_", 1)
            return apps.get_model(app_label, model_name)
    return None


def sams(site: Site, model: type[Model]) -> Any:
    """A real object of the model, Sam's own where it can be (his profile, his records)."""
    sam = site.people["learner"]
    for field in ("user", "learner", "to_user"):
        if any(f.name == field for f in model._meta.get_fields()):
            found = model.objects.filter(**{field: sam}).first()
            if found is not None:
                return found
    if model is apps.get_model("people.user"):
        return sam
    return model._default_manager.first()


def url_for(site: Site, route: Route) -> str | None:
    model = model_of(route)
    kwargs: dict[str, Any] = {}
    for param in route.params:
        if param == "pk" and model is not None:
            obj = sams(site, model)
            kwargs[param] = obj.pk if obj is not None else 1
        elif param in ("app_label", "app_name", "content_type_app_name"):
            kwargs[param] = "people"
        elif param in ("model_name", "content_type_model_name"):
            kwargs[param] = "learnerprofile"
        elif param in ("page_id", "parent_page_id", "page_pk", "page_to_move_id", "destination_id"):
            kwargs[param] = site.objects["course"].pk
        elif param == "object_id":
            kwargs[param] = sams(site, apps.get_model("people.learnerprofile")).pk
        else:
            kwargs[param] = "1"
    try:
        return reverse(route.name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def answer(response: Any) -> str:
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        if "/accounts/login/" in location:
            return "login"
        if location in ("/admin/", "/admin"):
            return "refused"  # Wagtail's way of refusing: back to the dashboard with a message
        return "redirect"
    if response.status_code == 403:
        return "refused"
    return str(response.status_code)


# Not crawled: signing out would end the crawl's session (people/tests covers
# it), and Wagtail's "failwhale" raises on purpose to test error reporting.
NOT_CRAWLED = {"wagtailadmin_logout", "wagtailadmin_error_test"}


def crawlable() -> list[Route]:
    return [r for r in ADMIN_ROUTES if not r.name.startswith("<unnamed") and r.name not in NOT_CRAWLED]


def test_the_crawl_covers_the_admins_choosers_history_and_usage_views():
    names = {route.name for route in crawlable()}
    assert len(names) > 300
    for expected in (
        "wagtailsnippetchoosers_people_learnerprofile:choose_results",
        "wagtailsnippetchoosers_people_learnerprofile:chosen",
        "wagtailsnippets_people_learnerprofile:history",
        "wagtailsnippets_people_learnerprofile:usage",
        "wagtailusers_users:edit",
    ):
        assert expected in names


@pytest.mark.parametrize("persona", ["anonymous", *NO_ADMIN])
def test_people_without_admin_access_are_refused_every_admin_url(site, persona):
    client = client_for(site, persona)
    expected = "login" if persona == "anonymous" else "refused"
    wrong = []
    for route in crawlable():
        url = url_for(site, route)
        if url is None:
            continue
        got = answer(client.get(url))
        if persona == "anonymous" and route.name in PUBLIC_ASSETS:
            continue
        if got != expected:
            wrong.append(f"{route.name} ({url}): {got}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("persona", ADMIN_STAFF)
def test_admin_staff_reach_a_models_views_only_if_the_table_lets_them_list_it(site, persona):
    user = site.people[persona]
    client = client_for(site, persona)
    wrong = []
    reached = 0
    for route in crawlable():
        url = url_for(site, route)
        if url is None:
            continue
        got = answer(client.get(url))
        if got == "500":
            wrong.append(f"{route.name} ({url}): 500")
        model = model_of(route)
        if model is None:
            continue
        if not may_list(user, model) and got not in ("refused", "404", "405"):
            wrong.append(f"{route.name} ({url}): {got}, but {persona} may not list {model._meta.label}")
        reached += got == "200"
    assert not wrong, "\n".join(wrong)
    assert reached > 10  # the crawl really reached pages this persona may use


def test_an_administrator_never_reaches_the_group_editor(site):
    client = client_for(site, "admin")
    group = Group.objects.first()
    assert answer(client.get(reverse("wagtailusers_groups:edit", args=[group.pk]))) == "refused"
