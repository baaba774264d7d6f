"""Block validation and how blocks render."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from courses.blocks import KnowledgeCheckBlock, LessonBodyBlock, ThreeColumnsBlock, VideoBlock


def check_value(flags: list[bool], multiple: bool = False) -> dict:
    block = KnowledgeCheckBlock()
    return block.to_python(
        {
            "question": "Which?",
            "multiple": multiple,
            "options": [
                {"text": f"Option {i}", "correct": flag, "feedback": "Because."} for i, flag in enumerate(flags)
            ],
            "explanation": "",
        }
    )


@pytest.mark.parametrize(
    ("flags", "multiple", "message"),
    [
        ([False, False], False, "At least one option must be correct."),
        ([True, True], False, "A single-choice question must have exactly one correct option."),
    ],
)
def test_a_knowledge_check_needs_the_right_number_of_correct_options(flags, multiple, message):
    with pytest.raises(ValidationError) as caught:
        KnowledgeCheckBlock().clean(check_value(flags, multiple))
    assert message in str(caught.value.block_errors["options"])


@pytest.mark.parametrize(("flags", "multiple"), [([True, False], False), ([True, True, False], True)])
def test_a_well_formed_knowledge_check_is_accepted(flags, multiple):
    KnowledgeCheckBlock().clean(check_value(flags, multiple))


def test_a_video_must_come_from_youtube_or_vimeo_and_have_a_transcript():
    block = VideoBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "T", "url": "https://example.org/v.mp4", "transcript": "Words"}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "T", "url": "https://vimeo.com/1234", "transcript": ""}))
    block.clean(block.to_python({"title": "T", "url": "https://vimeo.com/1234", "transcript": "Words"}))


def test_the_three_columns_render_as_headed_lists_not_an_image():
    block = ThreeColumnsBlock()
    html = block.render(
        block.to_python({"title": "A map", "worries": ["W1"], "working_well": ["G1"], "needs_to_happen": ["N1"]})
    )
    for heading in ("What are we worried about?", "What's working well?", "What needs to happen?"):
        assert f'<h3 class="govuk-heading-s">{heading}</h3>' in html
    assert "<li>W1</li>" in html and "<li>G1</li>" in html and "<li>N1</li>" in html
    assert "<img" not in html


@pytest.mark.parametrize(
    ("path", "label"),
    [(("markdown",), "Markdown"), (("callout", "text"), "Text"), (("video", "transcript"), "Transcript")],
)
def test_markdown_boxes_in_the_editor_have_an_accessible_name(path, label):
    # A top-level Markdown block has no <label> in the StreamField editor, so the
    # textarea must carry its own name, matching the label shown elsewhere.
    block = LessonBodyBlock()
    for name in path:
        block = block.child_blocks[name]
    html = block.field.widget.render("body-0-value", "", attrs={"id": "body-0-value"})
    assert f'aria-label="{label}"' in html


@pytest.mark.parametrize(
    ("column", "label"),
    [
        ("worries", "A worry"),
        ("working_well", "Something working well"),
        ("needs_to_happen", "Something that needs to happen"),
    ],
)
def test_each_line_of_the_three_columns_has_an_accessible_name_in_the_editor(column, label):
    item = ThreeColumnsBlock().child_blocks[column].child_block
    html = item.field.widget.render("x-0-value", "", attrs={"id": "x-0-value"})
    assert f'aria-label="{label}"' in html
