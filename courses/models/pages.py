"""The page types of the e-learning: HomePage > CourseIndexPage > CoursePage > ModulePage > LessonPage.

Course and lesson pages need a signed-in learner: their progress is saved as
they go. Listings and the learner's progress come from `courses.outline`,
which loads a course in a fixed number of queries however long it is.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.url_routing import RouteResult

from courses.blocks import LessonBodyBlock
from matrix.models import Training, TrainingKind

LEARNER_CONTEXT_HOOK = "courses_learner_context"


def learner_context(page: Page, request: HttpRequest, context: dict[str, Any]) -> dict[str, Any]:
    """Add what the learner sees of a course page: progress, listings, breadcrumbs.

    The pages do not import the code that loads a course's outline (it reads
    these models, so the import would go both ways): it is registered as the
    `courses_learner_context` hook in `courses/wagtail_hooks.py`.
    """
    for provide in hooks.get_hooks(LEARNER_CONTEXT_HOOK):
        context.update(provide(page, request))
    return context


class Audience(models.TextChoices):
    NEW_STAFF = "new_staff", "New staff in children's social care and early help"
    COUNCILLORS = "councillors", "Councillors"
    PARTNERS = "partners", "Staff in partner agencies"


class SignedInPageMixin:
    """Pages that show a learner's own progress: anonymous visitors sign in first.
    Previews in the admin are served as they are, without saving progress."""

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)  # type: ignore[misc]


class CachedRestrictionsMixin:
    """Wagtail checks the view restrictions of a page and its ancestors on
    every view (two queries). The ids of those that apply are cached per
    tree version (`courses.tree_cache`: any page or restriction change makes
    them stale), so a page with none, nearly every one, costs no query. Still
    a queryset, as the admin's privacy view expects."""

    def get_view_restrictions(self) -> Any:
        from courses import tree_cache

        wagtail_restrictions = super().get_view_restrictions  # type: ignore[misc]
        if self.pk is None:  # type: ignore[attr-defined]
            return wagtail_restrictions()
        ids = tree_cache.cached(
            "restrictions",
            self.path,
            lambda: list(wagtail_restrictions().values_list("pk", flat=True)),
        )
        return PageViewRestriction.objects.filter(pk__in=ids)


class CourseIndexPage(CachedRestrictionsMixin, SignedInPageMixin, Page):
    """The list of courses, at /courses/."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = "course list"

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        """Find a course, module or lesson by its whole path in one query.

        Wagtail walks the tree a level at a time (two queries a level); under
        the course list no page routes itself, so the page whose URL path is
        this one's plus the components is the answer, as the walk would find
        it. Like the walk, only the page asked for must be live.
        """
        if not path_components:
            return super().route(request, path_components)
        from courses import tree_cache

        url_path = self.url_path + "/".join(path_components) + "/"
        # The page itself is cached until any page changes (`courses.tree_cache`).
        page = tree_cache.cached("route", url_path, lambda: self._page_at(url_path))
        if page is None or not page.live:
            raise Http404
        return RouteResult(page)

    def _page_at(self, url_path: str) -> Page | None:
        found = (
            Page.objects.filter(path__startswith=self.path, url_path=url_path)
            .values_list("content_type_id", "pk")
            .first()
        )
        if found is None:
            return None
        model = ContentType.objects.get_for_id(found[0]).model_class()
        return model.objects.filter(pk=found[1]).first() if model is not None else None

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = list(self.get_ancestors().filter(depth__gt=1))
        return learner_context(self, request, context)


class CoursePage(CachedRestrictionsMixin, SignedInPageMixin, Page):
    """A course: its modules and lessons, who it is for, and when it counts as complete."""

    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.NEW_STAFF)
    audience_description = models.TextField(
        blank=True, help_text="Who should take this course and when, in a sentence or two."
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text="About how long the course takes.",
    )
    summary = models.TextField(max_length=400, help_text="One or two sentences for the course list.")
    learning_outcomes = models.TextField(
        blank=True, help_text="One outcome on each line, each finishing 'By the end you will be able to...'."
    )
    pass_mark = models.PositiveSmallIntegerField(
        default=80,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="The percentage of knowledge-check questions a learner must have answered correctly "
        "(first or later attempt), as well as completing every lesson, to complete the course.",
    )
    training = models.ForeignKey(
        Training,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="courses",
        limit_choices_to={"kind": TrainingKind.ELEARNING},
        help_text="What a completion counts towards in the training matrix. Left empty, one is made from the slug.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("audience_description"), FieldPanel("estimated_minutes")],
            heading="Who it is for",
        ),
        FieldPanel("learning_outcomes"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "A course is complete when the learner has completed every published lesson and "
                    "answered enough knowledge-check questions correctly."
                ),
                FieldPanel("pass_mark"),
                FieldPanel("training"),
            ],
            heading="Completion",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("learning_outcomes")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = "course"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.training_id is None and self.slug:
            self.training, _ = Training.objects.get_or_create(
                slug=f"elearning-{self.slug}"[:80], defaults={"title": self.title, "kind": TrainingKind.ELEARNING}
            )
        super().save(*args, **kwargs)

    @property
    def outcomes(self) -> list[str]:
        return [line.strip(" -*\t") for line in self.learning_outcomes.splitlines() if line.strip(" -*\t")]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        # Whether the learner may renew the course comes from the same hook (courses/wagtail_hooks.py).
        return learner_context(self, request, super().get_context(request, *args, **kwargs))


class ModulePage(CachedRestrictionsMixin, SignedInPageMixin, Page):
    """A group of lessons in a course. Its own page lists its lessons."""

    summary = models.TextField(max_length=400, blank=True, help_text="One sentence on what this module covers.")

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = "module"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return learner_context(self, request, super().get_context(request, *args, **kwargs))


class LessonPage(CachedRestrictionsMixin, SignedInPageMixin, Page):
    """One lesson: text, knowledge checks and reflections. Opening it saves the
    learner's place; completing it moves them on."""

    minutes = models.PositiveSmallIntegerField(
        default=5, validators=[MaxValueValidator(240)], help_text="About how long it takes."
    )
    summary = models.TextField(
        max_length=400, blank=True, help_text="One sentence on what the learner will get from it."
    )
    body = StreamField(LessonBodyBlock(), use_json_field=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("minutes"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "lesson"

    def knowledge_checks(self) -> list[tuple[str, Any]]:
        """(block id, value) for each knowledge check, in page order."""
        return [(child.id, child.value) for child in self.body if child.block_type == "knowledge_check"]

    def knowledge_check(self, question_id: str) -> Any | None:
        return next((value for block_id, value in self.knowledge_checks() if block_id == question_id), None)

    def reflection_prompt(self, prompt_id: str) -> str | None:
        for child in self.body:
            if child.block_type == "reflection" and child.id == prompt_id:
                return str(child.value["prompt"])
        return None

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return learner_context(self, request, super().get_context(request, *args, **kwargs))
