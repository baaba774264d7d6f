from __future__ import annotations

from django.urls import path

from matrix import views

app_name = "matrix"

urlpatterns = [
    path("", views.people, name="people"),
    path("mine/", views.mine, name="mine"),
    path("people/<int:user_id>/", views.person, name="person"),
    path("summary/", views.summary, name="summary"),
    path("board/", views.board, name="board"),
    path("export/people.<str:fmt>", views.people_export, name="people_export"),
    path("export/summary.<str:fmt>", views.summary_export, name="summary_export"),
    path("import/<str:kind>/", views.import_upload, name="import_upload"),
    path("imports/<int:pk>/", views.import_preview, name="import_preview"),
]
