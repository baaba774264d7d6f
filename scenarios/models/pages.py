"""Scenario pages: the list of scenarios and one page per case scenario."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from scenarios.blocks import ItemBlock, ModelTextBlock
from scenarios.permissions import can_review
from scenarios.scenario_file import Framework, Scenario, ScenarioFileError


class FrameworkChoice(models.TextChoices):
    CHILD_PROTECTION = Framework.CHILD_PROTECTION.value, "Child protection (danger statements, safety goals)"
    EARLY_HELP = Framework.EARLY_HELP.value, "Early help (worry statements, well-being goals)"


class ScenarioIndexPage(Page):
    """'Case scenarios': every published scenario, with where the learner is up to."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["scenarios.ScenarioPage"]
    max_count = 1

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from scenarios.models.attempts import Attempt

        context = super().get_context(request, *args, **kwargs)
        scenarios = list(ScenarioPage.objects.child_of(self).live().order_by("path"))
        progress: dict[int, dict[str, Any]] = {}
        if request.user.is_authenticated:
            progress = Attempt.objects.progress_by_scenario(request.user, [s.pk for s in scenarios])
        context["scenarios"] = [(s, progress.get(s.pk, {})) for s in scenarios]
        context["can_review"] = can_review(request.user)
        return context


class ScenarioPage(Page):
    """One case scenario: the narrative, the case items and the model answer.

    `to_scenario()` and `apply_scenario()` convert to and from the pure
    `Scenario` dataclass; scoring always goes through that dataclass.
    """

    framework = models.CharField(
        max_length=20, choices=FrameworkChoice.choices, default=FrameworkChoice.CHILD_PROTECTION
    )
    summary = models.TextField(help_text="One or two plain sentences for the list of scenarios.")
    narrative = models.TextField(help_text="The case as the learner reads it, in Markdown.")
    pass_mark = models.PositiveSmallIntegerField(default=70, validators=[MaxValueValidator(100)])
    weight_categorisation = models.PositiveSmallIntegerField("Sorting the case information", default=40)
    weight_statements = models.PositiveSmallIntegerField("Danger or worry statements", default=25)
    weight_goals = models.PositiveSmallIntegerField("Safety or well-being goals", default=25)
    weight_scaling = models.PositiveSmallIntegerField("Scaling", default=10)
    items = StreamField([("item", ItemBlock())], use_json_field=True, help_text="The case information to sort.")
    statements = StreamField([("statement", ModelTextBlock())], use_json_field=True)
    goals = StreamField([("goal", ModelTextBlock())], use_json_field=True)
    scaling_question = models.TextField()
    scaling_min = models.PositiveSmallIntegerField(validators=[MinValueValidator(0), MaxValueValidator(10)])
    scaling_max = models.PositiveSmallIntegerField(validators=[MinValueValidator(0), MaxValueValidator(10)])
    scaling_rationale = models.TextField()
    next_steps = models.TextField(blank=True, help_text="Model next steps, one a line. Shown as feedback.")
    bottom_lines = models.TextField(blank=True, help_text="The agency's bottom lines, one a line.")
    jargon = models.TextField(blank=True, help_text="Extra terms to flag in this scenario, one a line.")
    people = models.TextField(
        blank=True,
        help_text=(
            "The people in the case, one a line: name (child, adult, network or professional): other names. "
            "For example 'Gemma (adult): Gem, mum'. The marking ties what learners write to these people."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("framework"),
        FieldPanel("summary"),
        FieldPanel("narrative"),
        FieldPanel("items"),
        FieldPanel("statements", heading="Model danger or worry statements"),
        FieldPanel("goals", heading="Model safety or well-being goals"),
        MultiFieldPanel(
            [
                FieldPanel("scaling_question"),
                FieldRowPanel([FieldPanel("scaling_min"), FieldPanel("scaling_max")]),
                FieldPanel("scaling_rationale"),
            ],
            heading="Scaling",
        ),
        FieldPanel("next_steps"),
        FieldPanel("bottom_lines"),
        FieldPanel("jargon"),
        FieldPanel("people"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldRowPanel(
                    [
                        FieldPanel("weight_categorisation"),
                        FieldPanel("weight_statements"),
                        FieldPanel("weight_goals"),
                        FieldPanel("weight_scaling"),
                    ]
                ),
            ],
            heading="Marking",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("narrative")]
    parent_page_types = ["scenarios.ScenarioIndexPage"]
    subpage_types: list[str] = []

    @property
    def is_early_help(self) -> bool:
        return self.framework == FrameworkChoice.EARLY_HELP

    @property
    def statement_label(self) -> str:
        return "worry statement" if self.is_early_help else "danger statement"

    @property
    def goal_label(self) -> str:
        return "well-being goal" if self.is_early_help else "safety goal"

    def to_scenario(self) -> Scenario:
        """The page as a Scenario, converted once per revision (see convert.cached_scenario)."""
        from scenarios.convert import cached_scenario

        return cached_scenario(self)

    def apply_scenario(self, scenario: Scenario) -> None:
        from scenarios.convert import apply_scenario_to_page

        apply_scenario_to_page(scenario, self)

    def clean(self) -> None:
        """The rules of a scenario file, and the model answer must score 100 with the site's jargon list."""
        super().clean()
        from scenarios.convert import page_to_scenario
        from scenarios.models.attempts import JargonTerm
        from scenarios.scoring import check_model_answer

        try:
            scenario = page_to_scenario(self)
        except ScenarioFileError as exc:
            message = str(exc).split(": ", 1)[-1]
            raise ValidationError(f"The scenario is not complete: {message}") from None
        check = check_model_answer(scenario, JargonTerm.scoring_entries())
        if not check.scores_100:
            message = check.describe(with_keys=False)
            raise ValidationError(f"{message[0].upper()}{message[1:]}. Learners could not reach full marks.")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from django.utils.safestring import mark_safe

        from lib.markdown import render_markdown
        from scenarios.models.attempts import Attempt

        context = super().get_context(request, *args, **kwargs)
        # Safe: the renderer cleans the HTML to an allow-list.
        context["narrative_html"] = mark_safe(render_markdown(self.narrative))
        context["can_review"] = can_review(request.user)
        context["attempts"] = []
        if self.pk is None:
            # An admin preview of a scenario not saved yet: nobody can have attempted it.
            return context
        if request.user.is_authenticated:
            context["attempts"] = list(
                Attempt.objects.filter(user=request.user, scenario=self).order_by("-created_at")[:20]
            )
        return context
