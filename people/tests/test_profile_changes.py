"""Who people are comes from the organisation: a learner's own change of team,
role or line manager is a proposal that changes nothing until their line
manager or a training administrator approves it."""

from __future__ import annotations

import pytest

from matrix.models import Requirement, RequirementAssignment, Training, TrainingKind
from outbox.models import OutboundEmail
from people.models import ChangeStatus, ProfileChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def requirements(partnership):
    social = Training.objects.create(slug="two-day", title="Two-day training", kind=TrainingKind.CLASSROOM)
    briefing = Training.objects.create(slug="briefing", title="Councillors' briefing", kind=TrainingKind.ELEARNING)
    Requirement.objects.create(training=social, role=partnership["roles"]["social-worker"])
    Requirement.objects.create(training=briefing, role=partnership["roles"]["councillor"])
    return {"social": social, "briefing": briefing}


@pytest.fixture
def managed_staff(make_person, practice_lead):
    return make_person("Sam", "Okafor", line_manager=practice_lead)


def required_of(user) -> set[str]:
    return set(RequirementAssignment.objects.filter(user=user).values_list("requirement__training__slug", flat=True))


def propose(client, user, partnership, **changes):
    client.force_login(user)
    data = {
        "team": user.profile.team_id,
        "role": user.profile.role_id,
        "line_manager_email": user.profile.line_manager.email if user.profile.line_manager_id else "",
        "start_date": "2026-09-01",
        **changes,
    }
    return client.post("/profile/", data)


def test_a_learners_own_change_of_role_changes_nothing_until_approved(
    client, partnership, requirements, managed_staff, practice_lead
):
    assert required_of(managed_staff) == {"two-day"}
    response = propose(client, managed_staff, partnership, role=partnership["roles"]["councillor"].pk)
    assert response.status_code == 302
    managed_staff.profile.refresh_from_db()
    assert managed_staff.profile.role == partnership["roles"]["social-worker"]
    assert required_of(managed_staff) == {"two-day"}
    assert "Change waiting for approval" in client.get("/profile/").content.decode()
    asked = OutboundEmail.objects.get(key__startswith="profile-change:", to=[practice_lead.email])
    assert "asks to change their record" in asked.subject

    client.force_login(practice_lead)
    change = ProfileChange.objects.get(user=managed_staff)
    assert managed_staff.display_name in client.get("/changes/").content.decode()
    client.post("/changes/", {"change": change.pk, "decision": "approve"})
    managed_staff.profile.refresh_from_db()
    assert managed_staff.profile.role == partnership["roles"]["councillor"]
    assert required_of(managed_staff) == {"briefing"}
    assert OutboundEmail.objects.filter(key=f"profile-change:{change.pk}:decided", to=[managed_staff.email]).exists()


def test_a_learners_own_change_of_manager_does_not_move_their_approvals(
    client, partnership, managed_staff, practice_lead, make_person
):
    other_manager = make_person("Pat", "Green", role="team-manager")
    propose(client, managed_staff, partnership, line_manager_email=other_manager.email)
    managed_staff.profile.refresh_from_db()
    assert managed_staff.profile.line_manager == practice_lead
    client.force_login(other_manager)
    assert client.get("/changes/").status_code == 403


def test_a_refused_change_leaves_the_record_as_it_was(client, partnership, managed_staff, practice_lead):
    propose(client, managed_staff, partnership, team=partnership["teams"]["south"].pk)
    change = ProfileChange.objects.get(user=managed_staff)
    client.force_login(practice_lead)
    client.post("/changes/", {"change": change.pk, "decision": "refuse", "note": "You are still in North."})
    change.refresh_from_db()
    managed_staff.profile.refresh_from_db()
    assert change.status == ChangeStatus.REFUSED
    assert managed_staff.profile.team == partnership["teams"]["north"]


def test_a_training_administrator_decides_anyones_change(client, partnership, new_staff, training_admin):
    propose(client, new_staff, partnership, team=partnership["teams"]["south"].pk)
    change = ProfileChange.objects.get(user=new_staff)
    client.force_login(training_admin)
    client.post("/changes/", {"change": change.pk, "decision": "approve"})
    new_staff.profile.refresh_from_db()
    assert new_staff.profile.team == partnership["teams"]["south"]


@pytest.mark.parametrize("who", ["new_staff", "outsider", "trainer", "councillor"])
def test_nobody_else_can_decide_a_change(client, partnership, managed_staff, who, request):
    propose(client, managed_staff, partnership, team=partnership["teams"]["south"].pk)
    change = ProfileChange.objects.get(user=managed_staff)
    client.force_login(request.getfixturevalue(who))
    client.post("/changes/", {"change": change.pk, "decision": "approve"})
    change.refresh_from_db()
    assert change.is_pending
    managed_staff.profile.refresh_from_db()
    assert managed_staff.profile.team == partnership["teams"]["north"]


def test_a_learner_cannot_approve_their_own_change(client, partnership, training_admin):
    propose(client, training_admin, partnership, team=partnership["teams"]["north"].pk)
    change = ProfileChange.objects.get(user=training_admin)
    client.post("/changes/", {"change": change.pk, "decision": "approve"})
    change.refresh_from_db()
    assert change.is_pending


def test_a_training_administrators_change_takes_effect_at_once(partnership, requirements, new_staff):
    from people.services import set_profile

    set_profile(new_staff.profile, role=partnership["roles"]["councillor"])
    assert required_of(new_staff) == {"briefing"}


def test_the_welcome_step_cannot_change_a_finished_record(client, partnership, new_staff):
    client.force_login(new_staff)
    response = client.post(
        "/welcome/", {"team": partnership["teams"]["south"].pk, "role": partnership["roles"]["councillor"].pk}
    )
    assert response.status_code == 302
    new_staff.profile.refresh_from_db()
    assert new_staff.profile.role == partnership["roles"]["social-worker"]


def test_a_manager_in_another_agency_is_refused_unless_that_agency_is_allowed(client, partnership, new_staff, outsider):
    response = propose(client, new_staff, partnership, line_manager_email=outsider.email)
    assert "We cannot add that address as your line manager" in response.content.decode()
    assert not ProfileChange.objects.exists()
    partnership["csc"].managers_from.add(partnership["health"])
    assert propose(client, new_staff, partnership, line_manager_email=outsider.email).status_code == 302


def test_a_manager_must_be_in_a_role_that_may_line_manage(client, partnership, new_staff, make_person):
    colleague = make_person("Kim", "Lee", role="business-support")
    partnership["roles"]["business-support"].may_line_manage = False
    partnership["roles"]["business-support"].save()
    response = propose(client, new_staff, partnership, line_manager_email=colleague.email)
    assert "We cannot add that address as your line manager" in response.content.decode()


def test_nobody_can_name_themselves_their_own_manager(client, partnership, new_staff):
    response = propose(client, new_staff, partnership, line_manager_email=new_staff.email)
    assert "own line manager" in response.content.decode()


def test_a_learner_can_withdraw_a_change(client, partnership, new_staff):
    propose(client, new_staff, partnership, team=partnership["teams"]["south"].pk)
    change = ProfileChange.objects.get(user=new_staff)
    client.post(f"/profile/changes/{change.pk}/withdraw/")
    change.refresh_from_db()
    assert change.status == ChangeStatus.WITHDRAWN


def test_deciding_twice_changes_nothing_the_second_time(client, partnership, managed_staff, practice_lead):
    propose(client, managed_staff, partnership, team=partnership["teams"]["south"].pk)
    change = ProfileChange.objects.get(user=managed_staff)
    client.force_login(practice_lead)
    client.post("/changes/", {"change": change.pk, "decision": "approve"})
    response = client.post("/changes/", {"change": change.pk, "decision": "refuse"}, follow=True)
    assert "already been dealt with" in response.content.decode()
    change.refresh_from_db()
    assert change.status == ChangeStatus.APPROVED


def test_the_changes_page_needs_sign_in(client, partnership):
    assert client.get("/changes/")["Location"].startswith("/accounts/login/")


def test_the_home_page_shows_a_manager_the_changes_waiting(
    client, partnership, managed_staff, practice_lead, home_page
):
    propose(client, managed_staff, partnership, team=partnership["teams"]["south"].pk)
    client.force_login(practice_lead)
    body = client.get("/").content.decode()
    assert "Changes to approve" in body and "team Assessment Team South" in body
    client.force_login(managed_staff)
    assert "Changes to approve" not in client.get("/").content.decode()
