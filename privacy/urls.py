from __future__ import annotations

from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.my_data, name="my_data"),
    path("download.json", views.my_data_json, name="download"),
    path("delete/", views.delete_account, name="delete"),
    path("delete/withdraw/", views.withdraw, name="withdraw"),
    path("requests/", views.requests, name="requests"),
    path("people/<int:pk>/", views.person, name="person"),
    path("audit/", views.audit_log, name="audit_log"),
]
