"""Roles become permissions: the platform's own permissions on `people.User`,
granted to the groups that held each role by name until now. `ensure_groups`
(after every migrate) then trims each group to the table in people/groups.py."""

from django.db import migrations

CAPABILITIES = [
    ("see_team_training", "See the training records of the teams or agency they lead", ["Practice leads"]),
    ("run_training_events", "Run classroom training events and review scenario attempts", ["Trainers"]),
    (
        "manage_partnership_training",
        "Manage people, requirements, events and personal data requests across the partnership",
        ["Training administrators"],
    ),
    ("see_course_statistics", "See course statistics", ["Training administrators", "Content editors"]),
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="people", model="user")
    for codename, name, groups in CAPABILITIES:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        for group_name in groups:
            group, _ = Group.objects.get_or_create(name=group_name)
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="user",
            options={
                "ordering": ["last_name", "first_name", "email"],
                "permissions": [(codename, name) for codename, name, _ in CAPABILITIES],
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
