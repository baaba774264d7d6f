from __future__ import annotations

from typing import Any

import pytest

from people.groups import GroupName
from people.models import LearnerProfile, User


@pytest.fixture
def signup_data() -> dict[str, str]:
    """A complete, valid sign-up form for a new social worker."""
    return {
        "first_name": "Ada",
        "last_name": "Brown",
        "email": "ada.brown@northbridge.gov.uk",
        "password1": "kettle-orchard-velvet-42",
        "password2": "kettle-orchard-velvet-42",
    }


@pytest.fixture
def unfinished_user(partnership: dict[str, Any], make_person: Any) -> Any:
    """Signed up and confirmed, but has not yet chosen a team and role."""
    user = make_person("Noor", "Ali", groups=(GroupName.LEARNER,))
    # An update, not user.profile.save(): user.profile may still be the copy the
    # post_save signal made, before make_person set the agency.
    LearnerProfile.objects.filter(user=user).update(team=None, role=None, start_date=None)
    return User.objects.get(pk=user.pk)
