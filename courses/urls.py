from __future__ import annotations

from django.urls import path

from courses import views

app_name = "courses"

urlpatterns = [
    path("lessons/<int:lesson_id>/questions/<str:question_id>/", views.answer, name="answer"),
    path("lessons/<int:lesson_id>/reflections/<str:prompt_id>/", views.reflect, name="reflect"),
    path("lessons/<int:lesson_id>/complete/", views.complete, name="complete"),
    path("courses/<int:course_id>/renew/", views.renew, name="renew"),
    path("journal/", views.journal, name="journal"),
    path("certificates/verify/", views.verify, name="verify"),
    path("certificates/verify/<str:code>/", views.verify, name="verify_code"),
    path("certificates/<str:code>/", views.certificate, name="certificate"),
    path("certificates/<str:code>/pdf/", views.certificate_download, name="certificate_pdf"),
]
