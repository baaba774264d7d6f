from __future__ import annotations

from django.urls import path

from impact import views

app_name = "impact"

urlpatterns = [
    path("", views.home, name="home"),
    path("coach/", views.coach_page, name="coach"),
    path("events/", views.events, name="events"),
    path("events/<int:pk>/days/<int:day>/feedback/", views.day_feedback, name="day_feedback"),
    path("events/<int:pk>/follow-up/", views.follow_up, name="follow_up"),
    path("events/<int:pk>/evaluation/", views.event_evaluation, name="event_evaluation"),
    path("events/<int:pk>/cohort/", views.cohort, name="cohort"),
    path("events/<int:pk>/scenarios/", views.plan, name="plan"),
    path("evaluation/", views.evaluation, name="evaluation"),
    path("observations/", views.observations, name="observations"),
    path("observations/new/", views.observe, name="observe"),
    path("observations/mine/<int:pk>/", views.my_observation, name="my_observation"),
]
