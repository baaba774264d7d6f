"""Seed the site-wide jargon list with the common professional labels."""

from django.db import migrations

TERMS = [
    ('domestic violence', "Say who hurt whom and how, for example 'Dad pushed Mum against the wall'."),
    ('domestic abuse', "Say who hurt whom and how, for example 'Dad pushed Mum against the wall'."),
    ('DV', "Say what happened in words the family would use, for example 'the fighting at home'."),
    ('DA', "Say what happened in words the family would use, for example 'the fighting at home'."),
    ('neglect', "Say what the child went without, for example 'the baby was not fed'."),
    ('substance misuse', "Name what is used and what happens, for example 'when mum drinks'."),
    ('non-engagement', "Say what happened, for example 'Dad did not come to the meetings'."),
    ('disguised compliance', 'Say what the parent said and what they did.'),
    ('risk of significant harm', "Say what could happen to the child, for example 'Leo could be hurt'."),
    ('CP plan', "Say 'the plan to keep the children safe'."),
    ('LAC', "Say 'living with foster carers' or 'in care'."),
    ('looked after child', "Say 'living with foster carers' or 'in care'."),
    ('parental capacity', "Say what the parent can or cannot do, for example 'get the children to school'."),
    ('perpetrator', "Use the person's name and say what they did."),
    ('safeguarding concerns', 'Say what everyone is worried will happen.'),
    ('threshold', 'Say what needs to change for the children.'),
    ('strategy discussion', "Say 'the meeting between the police and the social worker'."),
]


def seed(apps, schema_editor):
    JargonTerm = apps.get_model("scenarios", "JargonTerm")
    for term, plainer in TERMS:
        JargonTerm.objects.get_or_create(term=term, defaults={"plainer": plainer})


def unseed(apps, schema_editor):
    JargonTerm = apps.get_model("scenarios", "JargonTerm")
    JargonTerm.objects.filter(term__in=[term for term, _ in TERMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("scenarios", "0001_scenario_pages_attempts_sets_jargon")]

    operations = [migrations.RunPython(seed, unseed)]
