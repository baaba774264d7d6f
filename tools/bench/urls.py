"""The site's own URLs plus the bare baseline view, ahead of Wagtail's catch-all."""

from __future__ import annotations

from django.urls import include, path

from tools.bench import views

urlpatterns = [
    path("bench/bare/", views.bare, name="bench_bare"),
    path("", include("elearning.urls")),
]
