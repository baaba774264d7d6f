from __future__ import annotations

from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("welcome/", views.welcome, name="welcome"),
    path("profile/", views.profile, name="profile"),
]
