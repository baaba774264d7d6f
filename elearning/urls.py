from __future__ import annotations

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from people.views import sign_in_through_allauth

# App URLs come first; every other path is a Wagtail page. A course file may not
# take a slug that one of these paths begins with (courses.content_file.RESERVED_SLUGS,
# held equal to this list by a test).
urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    # Every sign-in goes through allauth (email confirmation, two-step
    # sign-in, rate limits): Wagtail's own sign-in pages only point there.
    path("admin/login/", sign_in_through_allauth),
    path("admin/password_reset/", sign_in_through_allauth),
    path("admin/password_reset/<path:rest>", sign_in_through_allauth),
    path("_util/login/", sign_in_through_allauth, name="wagtailcore_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("", include("people.urls")),
    path("learning/", include("courses.urls")),
    path("training/", include("training.urls")),
    path("mapping/", include("scenarios.urls")),
    path("matrix/", include("matrix.urls")),
    path("impact/", include("impact.urls")),
    path("my-data/", include("privacy.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
