from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_article, make_draft, make_person, make_quote, make_scheduled
from tests.seo.readers import NEWS, SITEMAP, sitemap_locations, xml_of

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
CHILDREN = ["stories", "sections", "tags", "people", "organizations"]


def test_index_lists_every_sitemap_with_absolute_addresses(client, newsroom):
    response = client.get("/sitemap.xml")

    assert response["Content-Type"] == "application/xml"
    assert xml_of(response).tag == f"{SITEMAP}sitemapindex"
    assert sitemap_locations(response) == [f"{SITE}/sitemap-{name}.xml" for name in CHILDREN]


@pytest.mark.parametrize("name", CHILDREN)
def test_every_listed_sitemap_parses(client, newsroom, name):
    response = client.get(f"/sitemap-{name}.xml")

    assert xml_of(response).tag == f"{SITEMAP}urlset"
    assert all(location.startswith(f"{SITE}/") for location in sitemap_locations(response))


def test_story_sitemap_lists_published_stories_with_their_last_change(client, newsroom):
    root = xml_of(client.get("/sitemap-stories.xml"))

    entries = {url.findtext(f"{SITEMAP}loc"): url for url in root.iter(f"{SITEMAP}url")}
    assert set(entries) == {
        f"{SITE}{newsroom.story.get_absolute_url()}",
        f"{SITE}{newsroom.other.get_absolute_url()}",
    }
    story = entries[f"{SITE}{newsroom.story.get_absolute_url()}"]
    assert story.findtext(f"{SITEMAP}lastmod") == f"{newsroom.story.updated_at:%Y-%m-%d}"


def test_section_sitemap_lists_sections(client, newsroom):
    assert sitemap_locations(client.get("/sitemap-sections.xml")) == [
        f"{SITE}/sections/city-hall/",
        f"{SITE}/sections/schools/",
    ]


def test_tag_sitemap_lists_only_tags_on_published_stories(client, newsroom):
    newsroom.ana.tags.add("Profiles")  # a tag on a person, not on any story

    locations = sitemap_locations(client.get("/sitemap-tags.xml"))

    assert locations == [f"{SITE}/tags/budget/", f"{SITE}/tags/education/", f"{SITE}/tags/police/"]
    # "Embargo" is only on the scheduled story.
    assert f"{SITE}/tags/embargo/" not in locations


def test_people_and_organization_sitemaps_list_public_records_only(client, newsroom):
    hidden = make_person(name="Draft Only")
    make_quote(article=newsroom.draft, speaker=hidden)

    people = sitemap_locations(client.get("/sitemap-people.xml"))
    organizations = sitemap_locations(client.get("/sitemap-organizations.xml"))

    assert f"{SITE}/people/jason-thody/" in people
    assert f"{SITE}/people/ana-ruiz/" in people
    assert f"{SITE}/people/draft-only/" not in people
    assert f"{SITE}/organizations/hartford-police-department/" in organizations
    assert f"{SITE}/organizations/board-of-education/" in organizations


def test_news_sitemap_has_the_last_two_days_of_published_stories(client, newsroom):
    make_article(headline="Old news", published_at=timezone.now() - timedelta(days=3))
    make_draft(headline="Fresh draft")
    make_scheduled(headline="Fresh tomorrow")

    root = xml_of(client.get("/news-sitemap.xml"))

    urls = list(root.iter(f"{SITEMAP}url"))
    assert [url.findtext(f"{SITEMAP}loc") for url in urls] == [
        f"{SITE}{newsroom.other.get_absolute_url()}",
        f"{SITE}{newsroom.story.get_absolute_url()}",
    ]
    news = urls[1].find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "The Civic Ledger"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    assert news.findtext(f"{NEWS}title") == "Council passes $2 million police budget"
    published = news.findtext(f"{NEWS}publication_date")
    assert published == timezone.localtime(newsroom.story.published_at).isoformat()


def test_robots_txt_keeps_crawlers_out_of_admin_and_previews_and_names_the_sitemaps(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /preview/" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert f"Sitemap: {SITE}/news-sitemap.xml" in lines
    assert [line for line in lines if line.startswith("Disallow")] == [
        "Disallow: /admin/",
        "Disallow: /preview/",
    ]


def test_sitemaps_and_robots_use_site_url_when_set(client, newsroom, settings):
    settings.SITE_URL = "https://news.example.org"
    site = "https://news.example.org"

    assert sitemap_locations(client.get("/sitemap.xml"))[0] == f"{site}/sitemap-stories.xml"
    assert f"{site}{newsroom.story.get_absolute_url()}" in sitemap_locations(
        client.get("/sitemap-stories.xml")
    )
    assert f"{site}/tags/budget/" in sitemap_locations(client.get("/sitemap-tags.xml"))
    assert f"Sitemap: {site}/news-sitemap.xml" in client.get("/robots.txt").content.decode()


def test_a_long_sitemap_is_listed_page_by_page(client, newsroom, monkeypatch):
    from articles.sitemaps import StorySitemap

    monkeypatch.setattr(StorySitemap, "limit", 1)

    locations = sitemap_locations(client.get("/sitemap.xml"))

    assert f"{SITE}/sitemap-stories.xml" in locations
    assert f"{SITE}/sitemap-stories.xml?p=2" in locations
    second = sitemap_locations(client.get("/sitemap-stories.xml?p=2"))
    assert second == [f"{SITE}{newsroom.story.get_absolute_url()}"]
