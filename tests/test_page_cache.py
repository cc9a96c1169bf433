"""Readers' pages come from the shared cache, and never outlive a change to what they show."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.factories import (
    make_article,
    make_correction,
    make_person,
    make_quote,
    make_scheduled,
)

pytestmark = pytest.mark.django_db


def queries_for(client, url, **headers):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **headers)
    return response, len(context.captured_queries)


def test_second_anonymous_request_is_served_from_the_cache(client):
    story = make_article(headline="Budget passes")
    first, first_queries = queries_for(client, story.get_absolute_url())
    second, second_queries = queries_for(client, story.get_absolute_url())

    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content


def test_editing_a_story_is_seen_at_once(client):
    story = make_article(headline="Budget passes")
    client.get(story.get_absolute_url())
    client.get("/")

    story.headline = "Budget passes after six-hour meeting"
    story.save()

    assert b"six-hour meeting" in client.get(story.get_absolute_url()).content
    assert b"six-hour meeting" in client.get("/").content


def test_a_correction_and_a_renamed_person_show_up_at_once(client):
    quote = make_quote()
    url = quote.article.get_absolute_url()
    client.get(url)

    make_correction(quote.article, text="An earlier version misstated the vote count.")
    assert b"misstated the vote count" in client.get(url).content

    person = quote.speaker
    person.name = "Renamed Speaker"
    person.save()
    assert b"Renamed Speaker" in client.get(url).content


def test_unpublishing_takes_a_cached_story_down(client):
    story = make_article()
    assert client.get(story.get_absolute_url()).status_code == 200

    Article.objects.filter(pk=story.pk).update(status=Article.Status.DRAFT)

    assert client.get(story.get_absolute_url()).status_code == 404


def test_pages_are_not_cached_past_the_next_scheduled_story(client, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    make_article()
    make_scheduled(published_at=timezone.now() + timedelta(seconds=30))

    response = client.get("/")

    max_age = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 0 < max_age <= 30


def test_readers_get_cdn_friendly_headers_and_conditional_gets(client):
    story = make_article()
    response = client.get(story.get_absolute_url())

    assert "public" in response["Cache-Control"]
    assert response["ETag"]
    assert response["Last-Modified"]

    again = client.get(story.get_absolute_url(), headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_staff_pages_are_never_cached(admin_client, client):
    story = make_article(headline="Original headline")
    staff = admin_client.get(story.get_absolute_url())
    assert "no-cache" in staff["Cache-Control"] or "no-store" in staff["Cache-Control"]

    # A staff request does not fill the cache for readers either.
    _, queries = queries_for(client, story.get_absolute_url())
    assert queries > 1


def test_person_page_follows_a_new_quote(client):
    speaker = make_person(name="Ana Ruiz")
    make_quote(speaker=speaker, text="First words.")
    client.get(speaker.get_absolute_url())

    make_quote(speaker=speaker, text="Second words.")

    assert b"Second words." in client.get(speaker.get_absolute_url()).content
