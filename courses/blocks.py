"""The blocks a lesson body is made of.

Every block has an icon, a template and a preview value. Knowledge checks and
reflection prompts read the learner's saved answers from the page context
(`learner_answers`, `learner_journal`, keyed by block id), so their templates
only display.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from courses.rendering import video_embed_url
from courses.rules import option_problem
from lib.markdown import render_markdown

SCENARIO_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class CalloutKind(models.TextChoices):
    PRINCIPLE = "principle", "Principle"
    PRACTICE_TIP = "practice_tip", "Practice tip"
    WATCH_OUT = "watch_out", "Watch out"


class MarkdownBlock(blocks.TextBlock):
    """Markdown text, cleaned to an allow-list of tags when shown."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "Markdown: ### for a heading, - for a list, **bold**, [link text](https://...).")
        super().__init__(**kwargs)

    @cached_property
    def field(self) -> forms.CharField:
        # At the top level of a StreamField the editor shows the block's name in
        # its header but gives the textarea no <label>: name it here, with the
        # same words as the label shown inside other blocks.
        field = super().field
        field.widget.attrs["aria-label"] = str(self.label)
        return field

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        context = super().get_context(value, parent_context=parent_context)
        context["html"] = markdown_html(value)
        return context

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/markdown.html"
        preview_value = "### A heading\n\nA paragraph with **bold** words and a list:\n\n- one point\n- another point"
        description = "Text written in Markdown."


def markdown_html(value: str | None) -> SafeString:
    # Safe because render_markdown cleans the HTML to an allow-list.
    return mark_safe(render_markdown(value or ""))


class RichTextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "courses/blocks/rich_text.html"
        features = ["h3", "h4", "bold", "italic", "link", "ol", "ul"]
        preview_value = "<p>Plain words that a family would use.</p>"
        description = "Formatted text."


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=CalloutKind.choices, default=CalloutKind.PRINCIPLE)
    title = blocks.CharBlock(max_length=120)
    text = MarkdownBlock()

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        context = super().get_context(value, parent_context=parent_context)
        context["kind_label"] = CalloutKind(value["kind"]).label if value["kind"] in CalloutKind.values else ""
        context["html"] = markdown_html(value["text"])
        return context

    class Meta:
        icon = "warning"
        template = "courses/blocks/callout.html"
        preview_value = {"kind": "principle", "title": "Plain language", "text": "Write what happened, not a label."}
        description = "A principle, practice tip or warning, set apart from the text."


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250, help_text="What the image shows, for people who cannot see it. Required."
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"
        preview_value = {"alt_text": "An example image", "caption": "Choose an image to see it here."}
        description = "An image with alternative text."


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, help_text="Names the video for screen reader users.")
    url = blocks.URLBlock(help_text="A YouTube or Vimeo address.")
    transcript = MarkdownBlock(help_text="Everything said and shown in the video. Required: not everyone can watch.")

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if video_embed_url(value["url"]) is None:
            raise StructBlockValidationError(
                block_errors={"url": ValidationError("Use a YouTube or Vimeo video address.")}
            )
        return value

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        context = super().get_context(value, parent_context=parent_context)
        context["embed_url"] = video_embed_url(value["url"])
        context["transcript_html"] = markdown_html(value["transcript"])
        return context

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"
        preview_value = {
            "title": "A short video",
            "url": "https://www.youtube.com/watch?v=aaaaaaaaaaa",
            "transcript": "What the speaker says, in full.",
        }
        description = "A YouTube or Vimeo video with its transcript."


class ListItemBlock(blocks.CharBlock):
    """One line in a list. The editor shows list items without a <label>, so
    the input carries its own name (the block's label)."""

    def __init__(self, *, label: str, **kwargs: Any) -> None:
        super().__init__(label=label, **kwargs)
        self.field.widget.attrs["aria-label"] = label


class ThreeColumnsBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    worries = blocks.ListBlock(ListItemBlock(max_length=300, label="A worry"), label="What are we worried about?")
    working_well = blocks.ListBlock(
        ListItemBlock(max_length=300, label="Something working well"), label="What's working well?"
    )
    needs_to_happen = blocks.ListBlock(
        ListItemBlock(max_length=300, label="Something that needs to happen"), label="What needs to happen?"
    )

    class Meta:
        icon = "table"
        template = "courses/blocks/three_columns.html"
        preview_value = {
            "title": "A mapping at a glance",
            "worries": ["Dad shouted at the children when he had been drinking."],
            "working_well": ["Gran takes the children to school every day."],
            "needs_to_happen": ["Dad, Gran and the school agree a plan for evenings."],
        }
        description = "The three columns of a mapping, as text."


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)
    correct = blocks.BooleanBlock(required=False, help_text="Tick for a right answer.")
    feedback = blocks.TextBlock(help_text="Shown when the learner picks this option: say why it is right or wrong.")

    class Meta:
        icon = "tick"


class KnowledgeCheckBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=300)
    multiple = blocks.BooleanBlock(
        required=False, label="More than one answer", help_text="Tick when learners should choose every right option."
    )
    options = blocks.ListBlock(OptionBlock(), min_num=2)
    explanation = MarkdownBlock(required=False, help_text="Shown after any answer. Markdown.")

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        problem = option_problem([bool(o["correct"]) for o in value["options"]], multiple=bool(value["multiple"]))
        if problem:
            raise StructBlockValidationError(block_errors={"options": ValidationError(problem.capitalize() + ".")})
        return value

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        context = super().get_context(value, parent_context=parent_context)
        question_id = (parent_context or {}).get("id", "")
        answers = (parent_context or {}).get("learner_answers") or {}
        request = (parent_context or {}).get("request")
        context["question_id"] = question_id
        context["action"] = _action_url("courses:answer", parent_context, question_id)
        context["check"] = check_view(value, answers.get(question_id))
        context["error"] = (
            "Choose an answer." if request is not None and request.GET.get("unanswered") == question_id else ""
        )
        return context

    class Meta:
        icon = "help"
        template = "courses/blocks/knowledge_check.html"
        preview_value = {
            "question": "Which of these is a danger statement?",
            "multiple": False,
            "options": [
                {
                    "text": "We are worried Dad will hit Mum again.",
                    "correct": True,
                    "feedback": "Yes: it is about the future.",
                },
                {"text": "Dad drinks.", "correct": False, "feedback": "Not quite: this is a complicating factor."},
            ],
            "explanation": "Danger statements say what might happen if nothing changes.",
        }
        description = "A question with right and wrong options and feedback for each."


def _action_url(name: str, parent_context: dict[str, Any] | None, block_id: str) -> str:
    """Where a block's form posts; empty in the admin's previews of unsaved pages."""
    page = (parent_context or {}).get("page")
    if page is None or not getattr(page, "pk", None) or not block_id:
        return ""
    return reverse(name, args=[page.pk, block_id])


def check_view(value: Any, answer: Any) -> dict[str, Any]:
    """What the template needs to show a question: options with their ids,
    the learner's last answer, and the feedback for what they chose."""
    chosen = set(answer.chosen) if answer is not None else set()
    options = []
    for child in value["options"].bound_blocks:
        options.append(
            {
                "id": child.id,
                "text": child.value["text"],
                "chosen": child.id in chosen,
                "correct": bool(child.value["correct"]),
                "feedback": child.value["feedback"],
            }
        )
    return {
        "options": options,
        "answered": answer is not None,
        "correct": bool(answer is not None and answer.correct),
        "attempts": answer.attempts if answer is not None else 0,
        "feedback": [o for o in options if o["chosen"]],
        "explanation_html": markdown_html(value["explanation"]),
        "multiple": bool(value["multiple"]),
    }


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(
        help_text="A question for the learner to think about. Their answer goes in their private journal."
    )

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        context = super().get_context(value, parent_context=parent_context)
        prompt_id = (parent_context or {}).get("id", "")
        journal = (parent_context or {}).get("learner_journal") or {}
        request = (parent_context or {}).get("request")
        context["prompt_id"] = prompt_id
        context["action"] = _action_url("courses:reflect", parent_context, prompt_id)
        context["entry"] = journal.get(prompt_id)
        context["error"] = ""
        context["just_saved"] = bool(prompt_id) and request is not None and request.GET.get("saved") == prompt_id
        if request is not None and request.GET.get("reflection") == prompt_id:
            context["error"] = (
                "Your reflection is too long: keep it under 5,000 characters."
                if request.GET.get("reason") == "long"
                else "Write your reflection before you save it."
            )
        return context

    class Meta:
        icon = "edit"
        template = "courses/blocks/reflection.html"
        preview_value = {"prompt": "Think of a family you worked with. What did they do well?"}
        description = "A question whose answer the learner keeps in their learning journal."


def validate_scenario_slug(value: str) -> None:
    if not SCENARIO_SLUG.match(value or ""):
        raise ValidationError("Use the scenario's slug: lowercase letters, numbers and dashes, like hollins-family.")


class ScenarioLinkBlock(blocks.StructBlock):
    scenario = blocks.CharBlock(
        max_length=80, validators=[validate_scenario_slug], help_text="The case scenario's slug, like hollins-family."
    )
    text = blocks.CharBlock(max_length=200, help_text="The link text, like 'Try mapping the Hollins family's case'.")

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        context = super().get_context(value, parent_context=parent_context)
        # Scenario pages live at /scenarios/<slug>/; link by address so a
        # lesson still shows (and links) before the scenario is published.
        context["href"] = f"/scenarios/{value['scenario']}/"
        return context

    class Meta:
        icon = "link"
        template = "courses/blocks/scenario_link.html"
        preview_value = {"scenario": "hollins-family", "text": "Try mapping the Hollins family's case"}
        description = "A link to a case scenario to practise on."


class LessonBodyBlock(blocks.StreamBlock):
    rich_text = RichTextBlock()
    markdown = MarkdownBlock()
    callout = CalloutBlock()
    image = ImageBlock()
    video = VideoBlock()
    three_columns = ThreeColumnsBlock()
    knowledge_check = KnowledgeCheckBlock()
    reflection = ReflectionBlock()
    scenario_link = ScenarioLinkBlock()
