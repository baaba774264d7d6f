"""The admin screens: training administrators manage courses and licences and
read events and the booking history; events change only on the platform's
pages (through the services); nobody edits the audit trail; trainers get none."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from people.groups import GroupName, ensure_groups
from training import services
from training.models import BookingAuditEntry, CourseKind, Event, TrainerLicence

pytestmark = pytest.mark.django_db


def _url(model: str, view: str, *args: object) -> str:
    return reverse(f"wagtailsnippets_training_{model}:{view}", args=args)


def _refused(response) -> bool:
    """Wagtail refuses an admin view by sending the person to the admin home with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def _admin_event_form(event: Event, capacity: int) -> dict[str, object]:
    """A complete, valid post of the admin's event form (with its days formset)."""
    days = event.day_list
    data: dict[str, object] = {
        "course": event.course_id,
        "status": "cancelled",
        "capacity": str(capacity),
        "venue_name": "Somewhere else",
        "venue_address": event.venue_address,
        "accessibility_notes": "",
        "online_link": "",
        "booking_opens": "",
        "booking_closes": "",
        "trainers": [t.pk for t in event.trainers.all()],
        "days-TOTAL_FORMS": str(len(days)),
        "days-INITIAL_FORMS": str(len(days)),
        "days-MIN_NUM_FORMS": "1",
        "days-MAX_NUM_FORMS": "1000",
    }
    for i, day in enumerate(days):
        data.update(
            {
                f"days-{i}-id": str(day.pk),
                f"days-{i}-number": str(day.number),
                f"days-{i}-date": (day.date + dt.timedelta(days=7)).isoformat(),
                f"days-{i}-start_time": "09:30",
                f"days-{i}-end_time": "16:30",
            }
        )
    return data


def _snapshot(event: Event) -> tuple:
    event = Event.objects.prefetch_related("days").get(pk=event.pk)
    return (
        event.status,
        event.capacity,
        event.venue_name,
        event.sequence,
        [(d.number, d.date) for d in event.day_list],
        sorted(event.trainers.values_list("pk", flat=True)),
    )


@pytest.fixture
def booked_event(event, learners):
    for person in learners(2):
        services.book(event.pk, person)
    return event


@pytest.fixture
def superuser(make_person):
    person = make_person("Root", "Admin", team="practice", role="business-support")
    person.is_superuser = True
    person.is_staff = True
    person.save()
    return person


# --- Training administrators --------------------------------------------------------


@pytest.mark.parametrize("model", ["classroomcourse", "event", "trainerlicence", "bookingauditentry"])
def test_training_administrators_can_list_every_training_screen(client, training_admin, event, model):
    client.force_login(training_admin)
    assert client.get(_url(model, "list")).status_code == 200


@pytest.mark.parametrize("model", ["classroomcourse", "trainerlicence"])
def test_training_administrators_can_add_courses_and_licences(client, training_admin, model):
    client.force_login(training_admin)
    assert client.get(_url(model, "add")).status_code == 200


def test_a_training_administrator_records_a_licence(client, training_admin, trainer):
    client.force_login(training_admin)
    response = client.post(
        _url("trainerlicence", "add"),
        {
            "trainer": trainer.pk,
            "course": "",
            "course_kind": CourseKind.REFRESHER,
            "reference": "R-9",
            "valid_until": "2028-06-30",
        },
    )
    assert response.status_code == 302
    assert TrainerLicence.objects.filter(trainer=trainer, reference="R-9").exists()


def test_training_administrators_inspect_an_event_and_are_sent_to_the_platform_to_change_it(
    client, training_admin, booked_event
):
    client.force_login(training_admin)
    page = client.get(_url("event", "inspect", booked_event.pk)).content.decode()
    assert reverse("training:event_edit", args=[booked_event.pk]) in page
    assert reverse("training:cancel_event", args=[booked_event.pk]) in page
    assert _url("event", "edit", booked_event.pk) not in page
    listing = client.get(_url("event", "list")).content.decode()
    assert reverse("training:event_create") in listing
    assert reverse("training:event_edit", args=[booked_event.pk]) in listing
    assert _url("event", "add") not in listing
    assert _url("event", "edit", booked_event.pk) not in listing


@pytest.mark.parametrize("persona", ["training_admin", "trainer"])
def test_the_admin_cannot_change_cancel_or_delete_an_event_even_for_a_training_administrator(
    client, request, booked_event, persona
):
    before = _snapshot(booked_event)
    client.force_login(request.getfixturevalue(persona))
    edit = _url("event", "edit", booked_event.pk)
    delete = _url("event", "delete", booked_event.pk)
    assert _refused(client.get(edit))
    assert _refused(client.post(edit, _admin_event_form(booked_event, capacity=1)))
    assert _refused(client.get(delete))
    assert _refused(client.post(delete))
    assert _refused(client.get(_url("event", "add")))
    assert _snapshot(booked_event) == before
    assert booked_event.bookings.filter(status="confirmed").count() == 2


def test_the_booking_history_can_be_read_but_not_added_to_changed_or_deleted(client, training_admin, booked_event):
    entry = BookingAuditEntry.objects.filter(event=booked_event).first()
    before = list(BookingAuditEntry.objects.order_by("pk").values())
    client.force_login(training_admin)
    assert client.get(_url("bookingauditentry", "inspect", entry.pk)).status_code == 200
    edit = _url("bookingauditentry", "edit", entry.pk)
    delete = _url("bookingauditentry", "delete", entry.pk)
    assert _refused(client.get(edit))
    assert _refused(client.post(edit, {"event": booked_event.pk, "action": "cancelled", "details": "{}", "at": ""}))
    assert _refused(client.get(delete))
    assert _refused(client.post(delete))
    assert _refused(client.get(_url("bookingauditentry", "add")))
    assert list(BookingAuditEntry.objects.order_by("pk").values()) == before


def test_not_even_a_superuser_edits_or_deletes_the_booking_history_or_an_event(client, superuser, booked_event):
    entry = BookingAuditEntry.objects.filter(event=booked_event).first()
    before = (_snapshot(booked_event), list(BookingAuditEntry.objects.order_by("pk").values()))
    client.force_login(superuser)
    assert client.get(_url("bookingauditentry", "list")).status_code == 200
    assert client.get(_url("bookingauditentry", "inspect", entry.pk)).status_code == 200
    assert client.get(_url("event", "inspect", booked_event.pk)).status_code == 200
    assert _refused(client.post(_url("bookingauditentry", "delete", entry.pk)))
    assert _refused(client.post(_url("event", "edit", booked_event.pk), _admin_event_form(booked_event, 1)))
    assert _refused(client.post(_url("event", "delete", booked_event.pk)))
    bulk_delete = reverse("wagtail_bulk_action", args=["training", "bookingauditentry", "delete"])
    client.post(f"{bulk_delete}?id={entry.pk}")
    assert (_snapshot(booked_event), list(BookingAuditEntry.objects.order_by("pk").values())) == before


# --- Trainers -----------------------------------------------------------------------


def test_a_trainer_cannot_give_themselves_a_licence_and_a_place_on_an_event(client, make_person, booked_event, course):
    unlicensed = make_person(
        "Una", "Licensed", team="practice", role="trainer", groups=(GroupName.LEARNER, GroupName.TRAINER)
    )
    before = _snapshot(booked_event)
    client.force_login(unlicensed)
    add = _url("trainerlicence", "add")
    assert _refused(client.get(add))
    data = {
        "trainer": unlicensed.pk,
        "course": course.pk,
        "course_kind": "",
        "reference": "MINE",
        "valid_until": "2030-01-01",
    }
    assert _refused(client.post(add, data))
    assert not TrainerLicence.objects.filter(trainer=unlicensed).exists()
    form = _admin_event_form(booked_event, capacity=booked_event.capacity)
    form["trainers"] = [*form["trainers"], unlicensed.pk]
    assert _refused(client.post(_url("event", "edit", booked_event.pk), form))
    assert _snapshot(booked_event) == before


@pytest.mark.parametrize("model", ["event", "trainerlicence", "bookingauditentry", "classroomcourse"])
def test_a_trainer_does_not_see_the_training_screens(client, trainer, event, model):
    client.force_login(trainer)
    assert _refused(client.get(_url(model, "list")))


def test_learners_cannot_open_the_admin_screens(client, new_staff, event):
    client.force_login(new_staff)
    response = client.get(_url("event", "list"))
    assert response.status_code in (302, 403)


# --- The groups -----------------------------------------------------------------------


def test_setting_up_the_groups_takes_back_training_permissions_given_before(partnership):
    everything = Permission.objects.filter(content_type__app_label="training")
    trainers = Group.objects.get(name=GroupName.TRAINER)
    admins = Group.objects.get(name=GroupName.TRAINING_ADMIN)
    trainers.permissions.add(*everything)
    admins.permissions.add(*everything)
    ensure_groups()
    ensure_groups()
    assert not trainers.permissions.filter(content_type__app_label="training").exists()
    assert set(admins.permissions.filter(content_type__app_label="training").values_list("codename", flat=True)) == {
        "add_classroomcourse",
        "change_classroomcourse",
        "delete_classroomcourse",
        "view_classroomcourse",
        "add_trainerlicence",
        "change_trainerlicence",
        "delete_trainerlicence",
        "view_trainerlicence",
        "view_event",
        "view_bookingauditentry",
    }
    assert admins.permissions.filter(content_type__app_label="matrix").exists()
