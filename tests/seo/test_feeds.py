from datetime import timedelta
from email.utils import parsedate_to_datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.feeds import FEED_LENGTH, byline_names
from articles.models import Quote
from tests.factories import make_article, make_byline, make_person, make_quote
from tests.seo.readers import ATOM, Head, feed_entries, xml_of

pytestmark = pytest.mark.django_db

FORMATS = ["rss", "atom"]
STORY = "http://testserver/stories/council-passes-2-million-police-budget/"
OTHER = "http://testserver/stories/new-principal-named-at-bulkeley-high/"

# Each kind of feed, its address (before rss/ or atom/), and the stories it should carry.
FEEDS = {
    "latest": ("/feeds/", [OTHER, STORY]),
    "section": ("/sections/city-hall/", [STORY]),
    "tag": ("/tags/budget/", [STORY]),
    "author": ("/people/ana-ruiz/", [STORY]),
    "person quoted": ("/people/jason-thody/", [STORY]),
    "organization quoted for": ("/organizations/hartford-police-department/", [STORY]),
    "organization mentioned": ("/organizations/board-of-education/", [STORY]),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", FEEDS)
def test_each_feed_carries_its_published_stories_only(client, newsroom, kind, fmt):
    route, expected = FEEDS[kind]
    response = client.get(f"{route}{fmt}/")

    entries = feed_entries(response)
    assert [entry["link"] for entry in entries] == expected
    titles = " ".join(entry["title"] for entry in entries)
    assert "Draft" not in titles
    assert "Scheduled" not in titles
    assert response["Content-Type"].startswith(f"application/{fmt}+xml")


@pytest.mark.parametrize("fmt", FORMATS)
def test_feed_items_have_authors_dates_categories_and_a_summary(client, newsroom, fmt):
    [entry] = feed_entries(client.get(f"/sections/city-hall/{fmt}/"))
    story = newsroom.story

    assert entry["title"] == "Council passes $2 million police budget"
    assert entry["author"] == "Ana Ruiz and Sam Lee"
    assert entry["id"] == STORY
    assert sorted(entry["categories"]) == ["Budget", "Police"]
    assert entry["summary"] == "<p>The vote was 7–2 after a six-hour meeting.</p>\n"
    if fmt == "rss":
        assert parsedate_to_datetime(entry["published"]) == story.published_at.replace(
            microsecond=0
        )
    else:
        assert entry["published"] == story.published_at.isoformat()
        assert entry["updated"] == story.updated_at.isoformat()


@pytest.mark.parametrize("fmt", FORMATS)
def test_feed_describes_itself_with_absolute_links(client, newsroom, fmt):
    root = xml_of(client.get(f"/tags/budget/{fmt}/"))

    if fmt == "rss":
        channel = root.find("channel")
        assert channel.findtext("title") == "Budget — The Civic Ledger"
        assert channel.findtext("link") == "http://testserver/tags/budget/"
        self_link = channel.find("{http://www.w3.org/2005/Atom}link").get("href")
    else:
        assert root.findtext(f"{ATOM}title") == "Budget — The Civic Ledger"
        assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == (
            "http://testserver/tags/budget/"
        )
        self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == f"http://testserver/tags/budget/{fmt}/"


def test_a_story_without_dek_is_summed_up_by_its_opening_paragraphs(client):
    make_article(
        headline="Storm closes schools",
        body="Schools <b>closed</b> on Monday.\n\nBuses will not run.\n\n" + "More. " * 100,
    )

    [entry] = feed_entries(client.get("/feeds/rss/"))

    # Raw HTML in a body stays text; whole paragraphs, never the whole long story.
    assert entry["summary"].startswith("<p>Schools &lt;b&gt;closed&lt;/b&gt; on Monday.</p>")
    assert "<p>Buses will not run.</p>" in entry["summary"]
    assert entry["summary"].count("More.") == 100  # the third paragraph, whole


def test_a_rejected_quote_does_not_put_its_story_in_the_speakers_feed(client, newsroom):
    witness = make_person(name="Maria Gomez")
    make_quote(article=newsroom.other, speaker=witness, text="It was chaos.")
    make_quote(
        article=newsroom.story,
        speaker=witness,
        text="Not said by her.",
        review_state=Quote.ReviewState.REJECTED,
    )

    entries = feed_entries(client.get("/people/maria-gomez/rss/"))

    assert [entry["link"] for entry in entries] == [OTHER]


def test_a_person_only_in_drafts_has_no_feed(client):
    hidden = make_person(name="Embargoed Source")
    draft = make_article(headline="Secret", status="draft", published_at=None)
    make_quote(article=draft, speaker=hidden)

    assert client.get("/people/embargoed-source/rss/").status_code == 404
    assert client.get("/people/embargoed-source/atom/").status_code == 404


@pytest.mark.parametrize(
    "url", ["/sections/nope/rss/", "/tags/nope/atom/", "/organizations/nope/rss/"]
)
def test_unknown_subjects_have_no_feed(client, url):
    assert client.get(url).status_code == 404


def test_feed_holds_the_twenty_newest_stories(client):
    now = timezone.now()
    for age in range(FEED_LENGTH + 3):
        make_article(headline=f"Story {age}", published_at=now - timedelta(hours=age + 1))

    entries = feed_entries(client.get("/feeds/atom/"))

    assert [entry["title"] for entry in entries] == [f"Story {age}" for age in range(20)]


def _feed_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("fmt", FORMATS)
def test_feed_queries_do_not_grow_with_stories_tags_and_bylines(client, fmt):
    def add_story(n):
        story = make_article(headline=f"Story {n}", tags=[f"tag {n}-{i}" for i in range(5)])
        for i in range(3):
            make_byline(story, make_person(name=f"Writer {n}-{i}"), position=i)

    add_story(0)
    few = _feed_queries(client, f"/feeds/{fmt}/")
    for n in range(1, 15):
        add_story(n)

    # stories with sections; their bylines and people; their tags; plus the page cache's
    # look for the next scheduled story.
    assert few == _feed_queries(client, f"/feeds/{fmt}/") == 4


def test_feeds_are_cached_for_readers(client, newsroom):
    client.get("/feeds/rss/")
    assert _feed_queries(client, "/feeds/rss/") == 0


def test_feed_links_use_site_url_when_set(client, newsroom, settings):
    settings.SITE_URL = "https://news.example.org"

    [story, *_] = feed_entries(client.get("/sections/city-hall/atom/"))

    assert (
        story["link"] == "https://news.example.org/stories/council-passes-2-million-police-budget/"
    )


def test_byline_names_read_like_a_byline():
    class Byline:
        def __init__(self, name):
            self.person = type("Person", (), {"name": name})

    assert byline_names([]) == ""
    assert byline_names([Byline("Ana Ruiz")]) == "Ana Ruiz"
    assert byline_names([Byline("Ana Ruiz"), Byline("Sam Lee")]) == "Ana Ruiz and Sam Lee"
    assert (
        byline_names([Byline("Ana Ruiz"), Byline("Sam Lee"), Byline("Kim Park")])
        == "Ana Ruiz, Sam Lee and Kim Park"
    )


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/", "/feeds/rss/"),
        ("/sections/city-hall/", "/sections/city-hall/rss/"),
        ("/tags/budget/", "/tags/budget/rss/"),
        ("/people/ana-ruiz/", "/people/ana-ruiz/rss/"),
        ("/people/jason-thody/", "/people/jason-thody/rss/"),
        (
            "/organizations/hartford-police-department/",
            "/organizations/hartford-police-department/rss/",
        ),
    ],
)
def test_pages_point_to_their_feeds(client, newsroom, page, feed):
    head = Head(client.get(page))

    rss = head.links("alternate", "application/rss+xml")
    assert rss[0] == feed
    assert feed.replace("/rss/", "/atom/") in head.links("alternate", "application/atom+xml")
