"""The course list and the courses written as files in courses/content/.

A course that already exists (by slug) is left as it is, so editors' changes
survive running `load_demo` again. A file with problems is reported and skipped:
the rest of the demo still loads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from courses.content_file import ContentFileError
from courses.importer import CONTENT_DIR, content_files, ensure_course_index, import_course_file
from home.models import HomePage


def load(out: TextIO, scale: int = 0, directory: Path = CONTENT_DIR) -> None:
    home = HomePage.objects.first()
    if home is None:
        out.write("Courses: no home page yet, skipped.\n")
        return
    index = ensure_course_index(home)
    files = content_files(directory)
    made = []
    for path in files:
        try:
            result = import_course_file(path, index)
        except ContentFileError as exc:
            out.write(f"Courses: skipped {path.name} because of these problems:\n")
            for line in exc.problems:
                out.write(f"  {line}\n")
            continue
        if result.action == "created":
            made.append(result.course.title)
    out.write(f"Courses: {len(files)} course files, {len(made)} courses created{': ' if made else '.'}")
    out.write(", ".join(made) + (".\n" if made else "\n"))
