"""Reporters write and submit stories for review; only editors put them live."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission, User

from articles.models import Article
from tests.admin.pages import change_form_data, change_url, changelist_url
from tests.factories import make_article, make_draft

pytestmark = pytest.mark.django_db


def staff(username, *codenames):
    user = User.objects.create_user(username, password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def reporter(client):
    client.force_login(
        staff("reporter", "view_article", "add_article", "change_article", "view_section")
    )
    return client


def test_reporter_moves_a_draft_to_review_but_cannot_choose_published(reporter):
    draft = make_draft()
    page = reporter.get(change_url(draft))
    status_choices = [value for value, _ in page.context["adminform"].form["status"].field.choices]
    assert status_choices == ["draft", "review"]
    assert "published_at" not in page.context["adminform"].form.fields

    data = change_form_data(page)
    data["status"] = "review"
    assert reporter.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.REVIEW

    data["status"] = "published"
    response = reporter.post(change_url(draft), data)
    assert response.status_code == 200  # the form refuses the choice
    draft.refresh_from_db()
    assert draft.status == Article.Status.REVIEW


def test_reporter_has_no_publish_actions_and_cannot_post_them(reporter, client):
    draft = make_draft()
    actions = reporter.get(changelist_url(Article)).context["action_form"].fields["action"]
    assert {"publish", "unpublish"}.isdisjoint(value for value, _ in actions.choices)

    reporter.post(
        changelist_url(Article), {"action": "publish", ACTION_CHECKBOX_NAME: [str(draft.pk)]}
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_reporter_edits_a_live_story_without_touching_its_status(reporter):
    live = make_article(headline="Budget passes")
    page = reporter.get(change_url(live))
    assert "status" not in page.context["adminform"].form.fields

    data = change_form_data(page)
    data["headline"] = "Budget passes after six hours"
    assert reporter.post(change_url(live), data).status_code == 302
    live.refresh_from_db()
    assert live.headline == "Budget passes after six hours"
    assert live.status == Article.Status.PUBLISHED


def test_editor_with_the_permission_publishes(client):
    client.force_login(
        staff("editor", "view_article", "change_article", "publish_article", "view_section")
    )
    draft = make_draft()
    client.post(
        changelist_url(Article), {"action": "publish", ACTION_CHECKBOX_NAME: [str(draft.pk)]}
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
