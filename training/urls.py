from __future__ import annotations

from django.urls import path

from training.views import approvals, lead, learner, placing, subscription, trainer

app_name = "training"

urlpatterns = [
    path("", learner.event_list, name="events"),
    path("events/<int:pk>/", learner.event_detail, name="event"),
    path("events/<int:pk>/book/", learner.book, name="book"),
    path("events/<int:pk>/catch-up/", learner.book_catch_up, name="book_catch_up"),
    path("events/<int:pk>/place/", placing.place_people, name="place_people"),
    path("bookings/", learner.my_bookings, name="my_bookings"),
    path("bookings/<int:pk>/cancel/", learner.cancel_booking, name="cancel_booking"),
    path("bookings/<int:pk>/offer/", learner.offer, name="offer"),
    path("bookings/<int:pk>/offer/accept/", learner.accept_offer, name="accept_offer"),
    path("bookings/<int:pk>/offer/decline/", learner.decline_offer, name="decline_offer"),
    path("bookings/<int:pk>/calendar.ics", learner.calendar_file, name="calendar"),
    path("calendar/", subscription.calendar_subscription, name="calendar_subscription"),
    path("calendar/<str:token>.ics", subscription.calendar_feed, name="calendar_feed"),
    path("approvals/", approvals.approvals, name="approvals"),
    path("approvals/<int:pk>/", approvals.decide, name="decide"),
    path("approve/<str:token>/", approvals.approval_link, name="approval_link"),
    path("lead/", lead.lead_report, name="lead_report"),
    path("trainer/", trainer.my_events, name="my_events"),
    path("trainer/events/new/", trainer.event_create, name="event_create"),
    path("trainer/events/<int:pk>/", trainer.roster, name="roster"),
    path("trainer/events/<int:pk>/edit/", trainer.event_edit, name="event_edit"),
    path("trainer/events/<int:pk>/days/<int:day>/attendance/", trainer.attendance, name="attendance"),
    path("trainer/events/<int:pk>/sign-in-sheet/", trainer.sign_in_sheet, name="sign_in_sheet"),
    path("trainer/events/<int:pk>/roster.csv", trainer.roster_csv, name="roster_csv"),
    path("trainer/events/<int:pk>/email/", trainer.email_everyone, name="email_everyone"),
    path("trainer/events/<int:pk>/cancel/", trainer.cancel_event, name="cancel_event"),
]
