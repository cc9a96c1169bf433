"""Canonical links, OpenGraph and Twitter card tags on every public page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_article
from tests.seo.readers import Head, jpeg

pytestmark = pytest.mark.django_db

SITE = "http://testserver"

# page: (address, og:type, og:title)
PAGES = {
    "home": ("/", "website", "The Civic Ledger"),
    "story": (
        "/stories/council-passes-2-million-police-budget/",
        "article",
        "Council passes $2 million police budget",
    ),
    "person": ("/people/jason-thody/", "profile", "Jason Thody"),
    "organization": (
        "/organizations/hartford-police-department/",
        "website",
        "Hartford Police Department",
    ),
    "section": ("/sections/city-hall/", "website", "City Hall"),
    "tag": ("/tags/budget/", "website", "Budget"),
    "people index": ("/people/", "website", "The Civic Ledger"),
}


@pytest.mark.parametrize("page", PAGES)
def test_every_public_page_has_canonical_opengraph_and_twitter_tags(client, newsroom, page):
    url, og_type, title = PAGES[page]

    head = Head(client.get(url))

    assert head.links("canonical") == [f"{SITE}{url}"]
    assert head.meta("og:url") == f"{SITE}{url}"
    assert head.meta("og:type") == og_type
    assert head.meta("og:title") == title
    assert head.meta("og:site_name") == "The Civic Ledger"
    assert head.meta("og:description")
    assert head.meta("og:description") == head.meta("twitter:description")
    assert head.meta("twitter:card") == "summary"
    assert head.meta("twitter:title") == title
    assert head.meta("og:image") is None


def test_story_description_is_the_dek_in_every_tag(client, newsroom):
    head = Head(client.get(newsroom.story.get_absolute_url()))

    dek = "The vote was 7–2 after a six-hour meeting."
    assert head.meta("description") == head.meta("og:description") == dek
    assert head.meta("article:section") == "City Hall"
    assert head.meta("article:published_time") == (
        timezone.localtime(newsroom.story.published_at).isoformat()
    )


def test_story_without_dek_is_described_by_its_opening_words(client):
    story = make_article(headline="Storm", body="Schools **closed** on Monday.\n\nMore later.")

    head = Head(client.get(story.get_absolute_url()))

    assert head.meta("description") == "Schools closed on Monday. More later."


def test_story_with_a_lead_image_gets_a_large_card(client, newsroom):
    story = newsroom.story
    story.image = jpeg()
    story.image_alt = "Council members vote"
    story.save()

    head = Head(client.get(story.get_absolute_url()))

    assert head.meta("og:image") == f"{SITE}{story.image.url}"
    assert head.meta("og:image:alt") == "Council members vote"
    assert head.meta("og:image:width") == "1600"
    assert head.meta("twitter:card") == "summary_large_image"


def test_canonical_link_keeps_only_a_page_number(client):
    now = timezone.now()
    for age in range(21):
        make_article(headline=f"Story {age}", published_at=now - timedelta(hours=age + 1))

    second = Head(client.get("/?utm_source=newsletter&page=2&ref=x"))
    first = Head(client.get("/?page=1&utm_source=newsletter"))

    assert second.links("canonical") == [f"{SITE}/?page=2"]
    assert first.links("canonical") == [f"{SITE}/"]


def test_canonical_and_og_url_use_site_url_when_set(client, newsroom, settings):
    settings.SITE_URL = "https://news.example.org"

    head = Head(client.get("/sections/city-hall/"))

    assert head.links("canonical") == ["https://news.example.org/sections/city-hall/"]
    assert head.meta("og:url") == "https://news.example.org/sections/city-hall/"
