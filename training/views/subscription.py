"""The calendar subscription: a private address a person adds to Outlook (or
any calendar program) once, which then shows their confirmed training and the
events they run, kept up to date."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from training.calendar import subscription_calendar
from training.models import CalendarFeed

ACTIONS = ("create", "renew", "stop")


@login_required
@require_http_methods(["GET", "POST"])
def calendar_subscription(request: HttpRequest) -> HttpResponse:
    user: Any = request.user  # signed in: login_required
    feed = CalendarFeed.objects.filter(user=user).first()
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in ACTIONS:
            messages.error(request, "Choose what to do with your calendar address.")
        elif action == "create":
            # A double click, or a second tab, keeps the first address.
            CalendarFeed.objects.get_or_create(user=user)
            messages.success(request, "Your calendar address is ready. Add it to your calendar program.")
        elif feed is None:
            messages.info(request, "You do not have a calendar address.")
        elif action == "renew":
            feed.renew()
            messages.success(
                request, "You have a new calendar address. The old one no longer works: add the new one instead."
            )
        else:
            feed.delete()
            messages.success(request, "Your calendar address has been turned off. It no longer works.")
        return redirect("training:calendar_subscription")
    url = request.build_absolute_uri(reverse("training:calendar_feed", args=[feed.token])) if feed else ""
    return render(
        request,
        "training/calendar_subscription.html",
        {"feed": feed, "feed_url": url},
    )


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """No sign-in: the token is the key. An unknown, replaced or turned-off
    token, or an account that is no longer active, answers 404."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token, user__is_active=True).first()
    if feed is None:
        raise Http404("No calendar at this address.")
    CalendarFeed.objects.filter(pk=feed.pk).update(last_fetched_at=timezone.now())
    response = HttpResponse(subscription_calendar(feed.user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="training.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response
