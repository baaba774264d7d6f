from __future__ import annotations

from django.urls import path

from scenarios import views

app_name = "scenarios"

urlpatterns = [
    path("<slug:slug>/start/", views.start, name="start"),
    path("<slug:slug>/hints/", views.hints, name="hints"),
    path("attempts/<int:pk>/", views.builder, name="builder"),
    path("attempts/<int:pk>/draft/", views.draft, name="draft"),
    path("attempts/<int:pk>/result/", views.result, name="result"),
    path("attempts/<int:pk>/override/", views.override, name="override"),
    path("reviews/", views.reviews, name="reviews"),
    path("reviews/<int:pk>/", views.review, name="review"),
    path("reviews/<int:pk>/comment/", views.comment, name="comment"),
    path("trainers/<slug:slug>/", views.report, name="report"),
    path("trainers/<slug:slug>/accept/", views.accept, name="accept"),
]
