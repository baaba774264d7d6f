"""Who may review everyone's attempts and see the trainers' statistics."""

from __future__ import annotations

from typing import Any

from people.access import is_trainer, is_training_admin


def can_review(user: Any) -> bool:
    """Trainers and training administrators see everyone's attempts."""
    return bool(getattr(user, "is_authenticated", False)) and (is_trainer(user) or is_training_admin(user))
