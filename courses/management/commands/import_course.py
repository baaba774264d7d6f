"""Import a course file (YAML) as Wagtail pages: `manage.py import_course PATH [--update]`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from courses.content_file import ContentFileError
from courses.importer import ensure_course_index, import_course_file
from home.models import HomePage


class Command(BaseCommand):
    help = "Create a course from a YAML course file. With --update, bring an existing course in line with the file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The course file, for example courses/content/new-staff.yaml.")
        parser.add_argument(
            "--update", action="store_true", help="Update a course that already exists instead of leaving it alone."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("There is no home page yet: run `manage.py load_demo` or create one in the admin first.")
        try:
            result = import_course_file(path, ensure_course_index(home), update=options["update"])
        except ContentFileError as exc:
            raise CommandError("The course file has problems:\n" + "\n".join(exc.problems)) from exc
        if result.action == "kept":
            self.stdout.write(f"{result.course.title}: already exists, left as it is (use --update to change it).")
        else:
            self.stdout.write(
                self.style.SUCCESS(f"{result.course.title}: {result.action} at {result.course.url_path}.")
            )
