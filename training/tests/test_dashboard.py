from __future__ import annotations

import datetime as dt

import pytest
from django.test import RequestFactory

from training import services
from training.dashboard import dashboard_section

pytestmark = pytest.mark.django_db


def _section(user):
    request = RequestFactory().get("/")
    request.user = user
    return dashboard_section(request)


def test_signed_out_visitors_get_no_section():
    from django.contrib.auth.models import AnonymousUser

    assert _section(AnonymousUser()) is None


def test_a_learner_sees_bookings_and_offers_with_their_deadline(make_event, learners):
    event = make_event(capacity=1)
    holder, waiting = learners(2)
    first = services.book(event.pk, holder).booking
    queued = services.book(event.pk, waiting).booking
    assert [b.pk for b in _section(holder).context["bookings"]] == [first.pk]
    services.cancel(first.pk, holder, "Ill")
    section = _section(waiting)
    assert [b.pk for b in section.context["offers"]] == [queued.pk]
    # Nothing booked and nothing the matrix asks them to book: no section.
    assert _section(holder) is None


def test_find_a_date_is_offered_only_for_classroom_training_the_matrix_requires(course, new_staff, councillor):
    from matrix.models import CompletionSource, Requirement
    from matrix.services import record_completion

    assert _section(new_staff) is None and _section(councillor) is None
    Requirement.objects.create(training=course.training, role=new_staff.profile.role, due_within=180)
    [(duty, url)] = _section(new_staff).context["to_book"]
    assert duty.training == course.training and url == f"/training/?course={course.pk}"
    assert _section(councillor) is None
    # Done: nothing to book.
    record_completion(new_staff, course.training, dt.date(2026, 11, 1), CompletionSource.CLASSROOM, "event:1")
    assert _section(new_staff) is None


def test_a_manager_sees_approvals_waiting_and_a_trainer_sees_events(event, course, make_person, practice_lead, trainer):
    course.requires_manager_approval = True
    course.save()
    learner = make_person("Ben", "Ward", line_manager=practice_lead)
    services.book(event.pk, learner)
    assert [b.learner for b in _section(practice_lead).context["approvals"]] == [learner]
    assert _section(learner).context["approvals"] == []
    assert [e.pk for e in _section(trainer).context["events_to_run"]] == [event.pk]
    assert _section(learner).context["events_to_run"] == []


def test_the_home_page_renders_the_section(client, home_page, new_staff, event):
    services.book(event.pk, new_staff)
    client.force_login(new_staff)
    page = client.get("/").content.decode()
    assert "Classroom training" in page
    assert "Signs of Safety two-day foundation training" in page
