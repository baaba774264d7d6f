"""Make the load test's learners and write the plan the generator follows.

    DJANGO_SETTINGS_MODULE=tools.loadtest.settings python -m tools.loadtest.prepare --users 50

Creates `loadtest-NN@northbridge.gov.uk` (finished profiles, one password)
and writes var/loadtest/plan.json: every lesson of the new-staff course with
its questions' right answers, and the Hollins family scenario's model answer.
Run after `migrate` and `load_demo`. Safe to run again.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import django

PASSWORD = "load-test-pass-phrase-2026"
PLAN = Path(__file__).resolve().parents[2] / "var" / "loadtest" / "plan.json"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    args = parser.parse_args()
    django.setup()
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    from courses.models import CoursePage, LessonPage
    from people.groups import GroupName
    from people.models import Agency, LearnerProfile, Role, Team, User
    from scenarios.convert import page_to_scenario
    from scenarios.models import ScenarioPage

    agency = Agency.objects.get(slug="childrens-social-care")
    team = Team.objects.get(agency=agency, name="Assessment Team North")
    role = Role.objects.get(slug="social-worker")
    learners = Group.objects.get(name=GroupName.LEARNER)
    emails = []
    for n in range(1, args.users + 1):
        email = f"loadtest-{n:02d}@northbridge.gov.uk"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                username=email.split("@")[0], email=email, password=PASSWORD, first_name="Load", last_name=f"Tester {n}"
            )
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            # Saved, not updated, so the matrix takes the new role and team.
            profile = LearnerProfile.objects.get(user=user)
            profile.agency, profile.team, profile.role, profile.start_date = agency, team, role, "2026-09-01"
            profile.save()
            user.groups.add(learners)
        emails.append(email)

    course = CoursePage.objects.live().get(slug="new-staff")
    lessons = []
    for lesson in LessonPage.objects.live().descendant_of(course).order_by("path").specific():
        questions = [
            {"id": qid, "right": [c.id for c in value["options"].bound_blocks if c.value["correct"]]}
            for qid, value in lesson.knowledge_checks()
        ]
        lessons.append({"id": lesson.pk, "url": lesson.url, "questions": questions})
    page = ScenarioPage.objects.live().get(slug="hollins-family")
    scenario = page_to_scenario(page)
    plan = {
        "password": PASSWORD,
        "emails": emails,
        "lessons": lessons,
        "scenario": {
            "slug": page.slug,
            "url": page.url,
            "places": {f"place-{item.id}": item.category for item in scenario.items},
            "statement": scenario.statements[0].text,
            "goal": scenario.goals[0].text,
            "scale": str(scenario.scaling.min),
        },
    }
    PLAN.parent.mkdir(parents=True, exist_ok=True)
    PLAN.write_text(json.dumps(plan, indent=1))
    sys.stdout.write(f"{len(emails)} learners ready; plan written to {PLAN}\n")


if __name__ == "__main__":
    main()
