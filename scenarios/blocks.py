"""StreamField blocks for scenario pages: case items and model statements/goals."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from scenarios.matching import contains_any
from scenarios.scenario_file import CATEGORIES, CATEGORY_LABELS, ITEM_ID_RE

CATEGORY_CHOICES = [(c, CATEGORY_LABELS[c]) for c in CATEGORIES]


class ItemBlock(blocks.StructBlock):
    """One piece of case information the learner sorts into the three columns."""

    item_id = blocks.CharBlock(
        max_length=60, label="ID", help_text="Unique in this scenario: lowercase letters, digits and hyphens."
    )
    text = blocks.TextBlock(help_text="What the learner reads on the card.")
    category = blocks.ChoiceBlock(choices=CATEGORY_CHOICES, help_text="Where the model answer puts it.")
    also_accept = blocks.MultipleChoiceBlock(
        choices=CATEGORY_CHOICES, required=False, help_text="Other categories that also get full credit."
    )
    rationale = blocks.TextBlock(help_text="Why it goes there. Learners see this as feedback.")

    class Meta:
        icon = "tag"
        template = "scenarios/blocks/item_block.html"
        label_format = "{item_id}: {category}"
        preview_value = {
            "item_id": "gran-nearby",
            "text": "Kayleigh's mum lives two streets away and sees the children most days.",
            "category": "strength",
            "rationale": "A resource to build safety around; not yet safety on its own.",
        }

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if not ITEM_ID_RE.match(value["item_id"] or ""):
            raise StructBlockValidationError(
                block_errors={"item_id": ValidationError("Use lowercase letters, digits and hyphens only.")}
            )
        return value


class ElementBlock(blocks.StructBlock):
    """What a good learner text must contain, and the words that show it."""

    name = blocks.CharBlock(max_length=40, help_text="For example who, behaviour, child, impact, future.")
    words = blocks.CharBlock(help_text="Words or phrases that show this element, separated by commas.")

    class Meta:
        icon = "list-ul"
        template = "scenarios/blocks/element_block.html"
        label_format = "{name}"


class ModelTextBlock(blocks.StructBlock):
    """A model danger/worry statement or safety/well-being goal with its elements."""

    text = blocks.TextBlock(help_text="The model text, in words the family would use.")
    elements = blocks.ListBlock(ElementBlock(), min_num=1)
    alternatives = blocks.ListBlock(
        blocks.TextBlock(),
        required=False,
        default=[],
        help_text="Learners' texts a trainer accepted as equally good. They score as the model text does.",
    )

    class Meta:
        icon = "openquote"
        template = "scenarios/blocks/model_text_block.html"
        preview_value = {
            "text": "The social worker is worried that Dean might hurt Kayleigh again and Mia could be frightened.",
            "elements": [{"name": "who", "words": "social worker, police"}],
        }

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        errors = []
        for element in value["elements"]:
            words = split_words(element["words"])
            if not words:
                errors.append(f"Element '{element['name']}' needs at least one word.")
            elif not contains_any(value["text"], words):
                errors.append(f"The model text contains none of the words for '{element['name']}'.")
        if errors:
            raise StructBlockValidationError(block_errors={"text": ValidationError(" ".join(errors))})
        return value


def split_words(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in (text or "").split(",") if word.strip())
