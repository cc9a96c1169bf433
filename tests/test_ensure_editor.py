from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_creates_an_editor_with_a_random_password_once():
    first = StringIO()
    call_command("ensure_editor", stdout=first)
    password = first.getvalue().split("with password ")[1].split()[0]

    user = get_user_model().objects.get(username="editor")
    assert user.is_superuser and user.is_staff
    assert authenticate(username="editor", password=password) == user

    again = StringIO()
    call_command("ensure_editor", stdout=again)
    assert "already exists" in again.getvalue()
    assert get_user_model().objects.count() == 1
    assert authenticate(username="editor", password=password) == user


def test_two_new_editors_never_share_a_password():
    outputs = []
    for name in ("one", "two"):
        out = StringIO()
        call_command("ensure_editor", username=name, stdout=out)
        outputs.append(out.getvalue().split("with password ")[1].split()[0])
    assert outputs[0] != outputs[1]
