from __future__ import annotations

from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("welcome/", views.welcome, name="welcome"),
    path("profile/", views.profile, name="profile"),
    path("profile/reminders/", views.pause_reminders, name="pause_reminders"),
    path("profile/changes/<int:change_id>/withdraw/", views.withdraw_change, name="withdraw_change"),
    path("changes/", views.changes, name="changes"),
]
