"""/search/: the page readers see."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.search import MAX_QUERY_LENGTH
from tests.factories import (
    make_article,
    make_byline,
    make_organization,
    make_person,
    make_quote,
    make_section,
)
from tests.search.test_story_search import WEIRD_QUERIES

pytestmark = pytest.mark.django_db

URL = reverse("articles:search")


def test_url():
    assert URL == "/search/"


def test_empty_query_is_a_friendly_page(client):
    make_article(headline="Zeppelin hangar reopens")

    response = client.get(URL)

    assert response.status_code == 200
    assert response.context["search_query"] == ""
    assert list(response.context["stories"]) == []
    assert b"page-intro" in response.content
    assert b"Zeppelin" not in response.content


def test_results_with_snippets_people_and_organizations(client):
    story = make_article(headline="Zeppelin hangar reopens", body="The zeppelin is back.")
    make_quote(
        article=story,
        speaker=make_person(name="Zeppelin Fan", title="Club president"),
        organization=make_organization(name="Zeppelin Club"),
    )

    response = client.get(URL, {"q": "zeppelin"})

    assert response.status_code == 200
    assert response.context["search_query"] == "zeppelin"
    html = response.content.decode()
    assert 'value="zeppelin"' in html  # the masthead box keeps the query
    assert story.get_absolute_url() in html
    assert "<mark>zeppelin</mark>" in html
    assert "Zeppelin Fan" in html and "Club president" in html
    assert "Zeppelin Club" in html
    # People and organizations come above the stories.
    assert html.index("Zeppelin Fan") < html.index(story.get_absolute_url())
    assert "1 story found" in html


def test_nothing_found_says_so(client):
    response = client.get(URL, {"q": "zeppelin"})

    assert response.status_code == 200
    assert "No stories match “zeppelin”" in response.content.decode()


def test_script_in_a_story_or_the_query_is_escaped(client):
    make_article(
        headline="Unsafe <em>copy</em>",
        body="<script>alert(1)</script> zeppelin <img src=x onerror=alert(1)>",
    )

    found = client.get(URL, {"q": "zeppelin"}).content.decode()
    typed = client.get(URL, {"q": "<script>alert(2)</script>"}).content.decode()

    assert "<mark>zeppelin</mark>" in found
    assert "Unsafe &lt;em&gt;copy&lt;/em&gt;" in found
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in typed
    assert "<script" not in found + typed
    assert "<img" not in found


def test_long_query_is_trimmed(client):
    make_article(headline="Zeppelin hangar reopens")

    response = client.get(URL, {"q": "zeppelin " * 60})

    assert response.status_code == 200
    assert len(response.context["search_query"]) <= MAX_QUERY_LENGTH
    assert response.context["search_query"].endswith("zeppelin")
    assert len(response.context["stories"]) == 1


@pytest.mark.parametrize("query", WEIRD_QUERIES)
def test_weird_queries_give_a_page(client, query):
    make_article(headline="Zeppelin hangar reopens")

    assert client.get(URL, {"q": query}).status_code == 200


def test_pagination_keeps_the_query(client):
    now = timezone.now()
    for number in range(25):
        make_article(
            headline=f"Zeppelin sighting {number}", published_at=now - timedelta(hours=number)
        )

    first = client.get(URL, {"q": "zeppelin"})
    second = client.get(URL, {"q": "zeppelin", "page": 2})

    assert len(first.context["stories"]) == 20
    assert 'href="?q=zeppelin&amp;page=2"' in first.content.decode()
    assert len(second.context["stories"]) == 5
    assert second.context["page_obj"].number == 2
    assert 'href="?q=zeppelin&amp;page=1"' in second.content.decode()


def test_search_pages_are_not_cached(client):
    client.get(URL, {"q": "zeppelin"})
    make_article(headline="Zeppelin hangar reopens")

    assert len(client.get(URL, {"q": "zeppelin"}).context["stories"]) == 1


def build_results(count):
    section = make_section(name=f"Section {count}")
    for number in range(count):
        story = make_article(
            headline=f"Zeppelin story {count}-{number}", section=section, tags=["Airships"]
        )
        make_byline(story)
        make_byline(story)
        make_quote(article=story, speaker=make_person(name=f"Zeppelin Watcher{count}-{number}"))


def queries_for(client, query):
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return len(context.captured_queries), len(response.context["stories"])


def test_query_count_does_not_grow_with_results(client):
    build_results(1)
    build_results(30)

    # 1. count of matching published stories; 2. the page: ids and raw snippets, best first;
    # 3. those stories with their sections; 4. their bylines with people;
    # 5. matching public people; 6. matching public organizations; 7. navigation sections.
    assert queries_for(client, '"zeppelin story 1-0"') == (7, 1)
    assert queries_for(client, "zeppelin") == (7, 20)


def test_empty_query_runs_no_search_queries(client, django_assert_num_queries):
    # 1. navigation sections.
    with django_assert_num_queries(1):
        client.get(URL, {"q": "  "})
