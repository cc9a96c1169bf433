"""Create a local editor login for development, or say that one exists.

There is no fixed default password: a new login gets a random one, printed once. An
existing login is left exactly as it is.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a superuser for local editing with a random password, or report it."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    def handle(self, *args, username, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is not None:
            self.stdout.write(
                f"Editor login: {username} (already exists; to set a new password run "
                f"`python manage.py changepassword {username}`)."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created editor login {username} with password {password} "
                "(shown once; change it with `python manage.py changepassword "
                f"{username}`)."
            )
        )
