"""The Reporters and Editors groups a new site starts with, used through the admin."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group, User
from django.urls import reverse

from articles.models import Article, Section
from people.models import Person
from tests.admin.pages import add_url, change_form_data, changelist_url
from tests.factories import make_article, make_draft, make_section

pytestmark = pytest.mark.django_db


def member_of(group_name, username):
    user = User.objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_a_new_site_has_reporters_and_editors():
    reporters, editors = codenames("Reporters"), codenames("Editors")
    assert {"add_article", "change_article", "add_quote", "add_person"} <= reporters
    assert {"publish_article", "delete_article", "add_correction"}.isdisjoint(reporters)
    assert {"publish_article", "delete_article", "add_correction", "delete_person"} <= editors
    assert reporters < editors


def test_reporter_writes_a_draft_and_sends_it_for_review(client):
    client.force_login(member_of("Reporters", "reporter"))
    section = make_section(name="City Hall")
    page = client.get(add_url(Article))
    assert page.status_code == 200
    status = page.context["adminform"].form["status"].field
    assert [value for value, _ in status.choices] == ["draft", "review"]

    data = change_form_data(page)
    data.update(
        headline="Council delays vote on bus routes",
        slug="council-delays-vote",
        section=str(section.pk),
        body="The council put off its vote.",
        status="review",
    )
    assert client.post(add_url(Article), data).status_code == 302
    story = Article.objects.get(slug="council-delays-vote")
    assert story.status == Article.Status.REVIEW
    assert client.get(story.get_absolute_url()).status_code == 404  # not live


def test_reporter_cannot_delete_stories_or_change_sections(client):
    client.force_login(member_of("Reporters", "reporter"))
    story = make_article()
    delete = reverse("admin:articles_article_delete", args=[story.pk])
    assert client.get(delete).status_code == 403
    assert client.get(add_url(Section)).status_code == 403
    assert client.get(add_url(Person)).status_code == 200


def test_editor_publishes_a_reporters_story(client):
    client.force_login(member_of("Editors", "editor"))
    draft = make_draft(headline="Council delays vote on bus routes")
    client.post(
        changelist_url(Article), {"action": "publish", ACTION_CHECKBOX_NAME: [str(draft.pk)]}
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 200
