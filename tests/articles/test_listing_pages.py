from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.views import STORIES_PER_PAGE
from tests.factories import make_article, make_draft, make_scheduled, make_section

pytestmark = pytest.mark.django_db


def test_home_lists_latest_published_stories_newest_first(client):
    older = make_article(headline="Older story", published_at=timezone.now() - timedelta(days=2))
    newer = make_article(headline="Newer story", published_at=timezone.now() - timedelta(days=1))
    make_draft(headline="Draft story")
    make_scheduled(headline="Scheduled story")

    response = client.get(reverse("articles:home"))

    assert response.status_code == 200
    assert list(response.context["stories"]) == [newer, older]
    assert b"Draft story" not in response.content
    assert b"Scheduled story" not in response.content


def test_home_is_paginated(client):
    for n in range(STORIES_PER_PAGE + 3):
        make_article(headline=f"Story number {n}", published_at=timezone.now() - timedelta(hours=n))

    first = client.get(reverse("articles:home"))
    second = client.get(reverse("articles:home"), {"page": 2})

    assert len(first.context["stories"]) == STORIES_PER_PAGE
    assert len(second.context["stories"]) == 3
    assert b'rel="next"' in first.content
    assert client.get(reverse("articles:home"), {"page": 99}).status_code == 404


def test_section_front_lists_only_its_published_stories(client):
    schools = make_section(name="Schools")
    make_section(name="Courts")
    in_section = make_article(headline="Budget for schools", section=schools)
    make_article(headline="Court ruling")
    make_draft(headline="Draft about schools", section=schools)

    response = client.get(schools.get_absolute_url())

    assert response.status_code == 200
    assert list(response.context["stories"]) == [in_section]
    assert b"Courts" in response.content  # the navigation lists every section


def test_tag_page_lists_tagged_published_stories(client):
    tagged = make_article(headline="Transit fares rise", tags=["Transit"])
    make_draft(headline="Draft on transit", tags=["Transit"])
    make_article(headline="Park reopens", tags=["Parks"])

    response = client.get(reverse("articles:tag", args=["transit"]))

    assert list(response.context["stories"]) == [tagged]
    assert b"Draft on transit" not in response.content


@pytest.mark.parametrize("url", ["/sections/nowhere/", "/tags/nothing/", "/nonexistent/"])
def test_unknown_pages_answer_404_with_a_helpful_page(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"latest stories" in response.content
