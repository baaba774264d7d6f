"""Apps add themselves to the data export and erasure through a Wagtail hook."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from wagtail import hooks

from privacy.registry import PRIVACY_PROVIDER_HOOK, export_user_data, providers


def test_every_app_that_keeps_data_about_a_person_is_a_provider_and_people_come_last():
    assert [provider.SECTION for provider in providers()] == [
        "elearning",
        "classroom_training",
        "case_scenarios",
        "training_record",
        "impact",
        "privacy",
        "account",
    ]


@pytest.mark.django_db
def test_a_new_app_joins_the_export_by_registering_the_hook_alone(new_staff):
    extra = SimpleNamespace(
        SECTION="new_app", export_user_data=lambda user: {"email": user.email}, anonymise_user=lambda user: None
    )
    with hooks.register_temporarily(PRIVACY_PROVIDER_HOOK, lambda: extra):
        data = export_user_data(new_staff)
    assert data["new_app"] == {"email": new_staff.email}
    assert "account" in data
