"""Two groups a newsroom starts with: Reporters write, Editors also publish.

Created once, when missing; afterwards the groups belong to the site's administrators, who
may change them in the admin without a later migration undoing their choices.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Reporters draft stories, put them up for review and keep the people, organizations and
# quotes of their stories right; they cannot publish, delete stories or write corrections.
REPORTER_PERMISSIONS = [
    ("articles", "article", ["add", "change", "view"]),
    ("articles", "byline", ["add", "change", "delete", "view"]),
    ("articles", "quote", ["add", "change", "delete", "view"]),
    ("articles", "correction", ["view"]),
    ("articles", "section", ["view"]),
    ("people", "person", ["add", "change", "view"]),
    ("people", "organization", ["add", "change", "view"]),
    ("people", "affiliation", ["add", "change", "delete", "view"]),
    ("taggit", "tag", ["view"]),
]

# Editors do everything to stories, people and organizations, and publish.
EDITOR_PERMISSIONS = [
    ("articles", "article", ["add", "change", "delete", "view", "publish"]),
    ("articles", "byline", ["add", "change", "delete", "view"]),
    ("articles", "quote", ["add", "change", "delete", "view"]),
    ("articles", "correction", ["add", "change", "delete", "view"]),
    ("articles", "section", ["add", "change", "delete", "view"]),
    ("people", "person", ["add", "change", "delete", "view"]),
    ("people", "organization", ["add", "change", "delete", "view"]),
    ("people", "affiliation", ["add", "change", "delete", "view"]),
    ("taggit", "tag", ["add", "change", "delete", "view"]),
]

ROLES = {"Reporters": REPORTER_PERMISSIONS, "Editors": EDITOR_PERMISSIONS}


def create_roles(apps, schema_editor):
    # On a fresh database the permissions are only made after every migration has run;
    # make them now so the groups can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in ROLES.items():
        group, created = Group.objects.get_or_create(name=name)
        if not created:
            continue  # an administrator's group: leave it as they set it
        for app_label, model, actions in grants:
            codenames = [f"{action}_{model}" for action in actions]
            permissions = Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            assert permissions.count() == len(codenames), (app_label, model, codenames)
            group.permissions.add(*permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_publish_permission"),
        ("people", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
