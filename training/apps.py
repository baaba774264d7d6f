from __future__ import annotations

from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "training"
    label = "training"
    verbose_name = "Classroom training and bookings"
