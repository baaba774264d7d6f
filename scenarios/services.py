"""Workflows over attempts: start, save a draft, submit, override, accept an alternative.

Each runs in one transaction and locks the attempt (or the page) it changes,
so a double-clicked submit or two trainers at once cannot half-apply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from matrix.models import CompletionSource
from matrix.services import mark_started, record_completion
from scenarios.convert import cached_scenario, page_to_scenario, scenario_version
from scenarios.models import AcceptedAlternative, Attempt, AttemptStatus, JargonTerm, ScenarioPage, ScenarioSet
from scenarios.scenario_file import Mapping, Scenario, mapping_from_data
from scenarios.scoring import JargonEntry, Result, score_mapping


class AttemptError(Exception):
    """The action is not allowed in the attempt's current state; the message is for people."""


def _check_note(note: str, missing: str) -> str:
    if not note.strip():
        raise AttemptError(missing)
    if "\x00" in note:
        raise AttemptError("The note cannot contain a NUL character: type it again in plain words.")
    return note.strip()


def jargon_entries() -> tuple[JargonEntry, ...]:
    return JargonTerm.scoring_entries()


def empty_mapping(scenario: Scenario) -> dict[str, Any]:
    return Mapping(scenario=scenario.slug, placements={}).to_json()


def start_attempt(user: Any, page: ScenarioPage, today: dt.date | None = None) -> Attempt:
    """A new draft attempt. The first attempt marks the scenario's sets as started."""
    scenario = cached_scenario(page)
    today = today or timezone.localdate()
    with transaction.atomic():
        attempt = Attempt.objects.create(
            user=user, scenario=page, model_version=scenario_version(scenario), mapping=empty_mapping(scenario)
        )
        for scenario_set in ScenarioSet.objects.filter(scenarios=page).select_related("training"):
            mark_started(user, scenario_set.training, today)
    return attempt


def save_draft(attempt: Attempt, data: dict[str, Any]) -> Mapping:
    """Check and store the learner's answer so far. Raises ScenarioFileError and stores nothing if it is bad."""
    scenario = cached_scenario(attempt.scenario)
    mapping = mapping_from_data(data, scenario, "your answer")
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if not locked.is_draft:
            raise AttemptError("This attempt has already been submitted. Start a new attempt to change your answer.")
        locked.mapping = _stored(data, mapping)
        locked.save(update_fields=["mapping", "updated_at"])
    attempt.mapping = locked.mapping
    return mapping


def _stored(data: dict[str, Any], mapping: Mapping) -> dict[str, Any]:
    """The answer as typed (texts untrimmed, empty boxes kept) in the mapping file's shape."""
    stored = mapping.to_json()
    stored["statements"] = [t for t in data.get("statements") or [] if isinstance(t, str)]
    stored["goals"] = [t for t in data.get("goals") or [] if isinstance(t, str)]
    stored["scaling"]["reason"] = (data.get("scaling") or {}).get("reason") or ""
    return stored


def submit_attempt(attempt: Attempt, data: dict[str, Any], today: dt.date | None = None) -> Result:
    """Score the answer, store it and the result, and record any set it completes."""
    page = attempt.scenario
    scenario = cached_scenario(page)
    mapping = mapping_from_data(data, scenario, "your answer")
    result = score_mapping(scenario, mapping, jargon_entries())
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if not locked.is_draft:
            raise AttemptError("This attempt has already been submitted.")
        locked.mapping = _stored(data, mapping)
        locked.result = result.to_json()
        locked.score = result.score
        locked.passed = result.passed
        locked.status = AttemptStatus.SUBMITTED
        locked.model_version = scenario_version(scenario)
        locked.submitted_at = timezone.now()
        locked.save()
        if locked.passed:
            record_set_completions(locked.user, page, today or timezone.localdate())
    attempt.refresh_from_db()
    return result


def record_set_completions(user: Any, page: ScenarioPage, today: dt.date) -> None:
    """Record completion of every set containing `page` that the user has now passed enough of."""
    for scenario_set in ScenarioSet.objects.filter(scenarios=page).select_related("training"):
        scenario_ids = scenario_set.scenarios.values_list("id", flat=True)
        passed = (
            Attempt.objects.submitted()
            .filter(user=user, scenario_id__in=scenario_ids)
            .filter(passed=True)
            .values("scenario_id")
            .distinct()
            .count()
        )
        if passed >= scenario_set.passes_needed:
            record_completion(
                user, scenario_set.training, today, CompletionSource.SCENARIO, f"scenario-set:{scenario_set.pk}"
            )


def override_score(attempt: Attempt, by: Any, score: int, note: str, today: dt.date | None = None) -> Attempt:
    """A trainer sets the score the learner sees, with a note saying why."""
    if not 0 <= score <= 100:
        raise AttemptError("The score must be a whole number from 0 to 100.")
    note = _check_note(note, "Say why you are changing the score: the learner sees this note.")
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().select_related("scenario").get(pk=attempt.pk)
        if locked.is_draft:
            raise AttemptError("Only a submitted attempt can have its score changed.")
        locked.override_score = score
        locked.override_note = note.strip()
        locked.overridden_by = by
        locked.overridden_at = timezone.now()
        locked.passed = score >= locked.scenario.pass_mark
        locked.save()
        if locked.passed:
            record_set_completions(locked.user, locked.scenario, today or timezone.localdate())
    return locked


@dataclass(frozen=True)
class Rescore:
    attempt: Attempt
    old: int
    new: int

    @property
    def change(self) -> int:
        return self.new - self.old


def scenario_with_alternative(scenario: Scenario, section: str, index: int, text: str) -> Scenario:
    models = list(getattr(scenario, section))
    if not 0 <= index < len(models):
        raise AttemptError("There is no such model text to add an alternative to.")
    if text in models[index].alternatives:
        raise AttemptError("This text is already an accepted alternative.")
    models[index] = replace(models[index], alternatives=(*models[index].alternatives, text))
    return replace(scenario, **{section: tuple(models)})


def preview_alternative(page: ScenarioPage, section: str, index: int, text: str) -> list[Rescore]:
    """Which submitted attempts would score differently if `text` were accepted, and by how much."""
    scenario = cached_scenario(page)
    changed = scenario_with_alternative(scenario, section, index, text)
    jargon = jargon_entries()
    rescored = []
    for attempt in Attempt.objects.submitted().filter(scenario=page).select_related("user").order_by("pk"):
        try:
            mapping = mapping_from_data(attempt.mapping, scenario)
        except ValueError:
            continue
        new = score_mapping(changed, mapping, jargon).score
        if new != attempt.score:
            rescored.append(Rescore(attempt, attempt.score or 0, new))
    return rescored


def accept_alternative(
    page: ScenarioPage, section: str, index: int, text: str, note: str, by: Any, source: Attempt | None = None
) -> AcceptedAlternative:
    """Add `text` to the model answer, publish, and rescore every submitted attempt."""
    note = _check_note(note, "Add a note saying why this text is accepted.")
    with transaction.atomic():
        locked = ScenarioPage.objects.select_for_update().get(pk=page.pk)
        scenario = page_to_scenario(locked)
        changed = scenario_with_alternative(scenario, section, index, text)
        locked.apply_scenario(changed)
        try:
            # Trainers may change the model answer this way without page-publishing rights.
            locked.save_revision(user=by, log_action=True).publish(user=by, skip_permission_checks=True)
        except ValidationError as exc:
            # For example a term added to the jargon list since the scenario was saved.
            raise AttemptError(
                f"The model answer cannot be saved until an editor fixes it: {' '.join(exc.messages)}"
            ) from None
        jargon = jargon_entries()
        changes = []
        for attempt in Attempt.objects.submitted().select_for_update().filter(scenario=locked).order_by("pk"):
            try:
                mapping = mapping_from_data(attempt.mapping, changed)
            except ValueError:
                continue
            result = score_mapping(changed, mapping, jargon)
            if result.score != attempt.score:
                changes.append([attempt.pk, attempt.score, result.score])
                attempt.result = result.to_json()
                attempt.score = result.score
                attempt.passed = result.passed if attempt.override_score is None else attempt.passed
                attempt.model_version = scenario_version(changed)
                attempt.save(update_fields=["result", "score", "passed", "model_version", "updated_at"])
                if attempt.passed:
                    record_set_completions(attempt.user, locked, timezone.localdate())
        return AcceptedAlternative.objects.create(
            scenario=locked,
            attempt=source,
            section=section,
            model_index=index,
            text=text,
            note=note.strip(),
            rescored=changes,
            accepted_by=by,
        )
