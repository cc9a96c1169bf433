from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Correction, Quote
from tests.factories import (
    make_affiliation,
    make_article,
    make_byline,
    make_correction,
    make_draft,
    make_organization,
    make_person,
    make_quote,
    make_scheduled,
    make_section,
)

pytestmark = pytest.mark.django_db

BODY = (
    "Leaders rallied outside the church on Tuesday.\n\n"
    "“What we need in our community is action,” said Kelvin Lovejoy, Lead community "
    "organizer at Blue Hill Civic Association. “We need to hold our public officials "
    "accountable.”\n\n"
    "“We as the residents must be accountable as well,” Lovejoy said.\n\n"
    "“It is on all of us.”"
)


@pytest.fixture
def story():
    association = make_organization(name="Blue Hill Civic Association")
    lovejoy = make_person(name="Kelvin Lovejoy", title="Lead community organizer")
    make_affiliation(lovejoy, association, role="Lead community organizer")
    article = make_article(
        headline="Faith leaders call for action",
        dek="A rally after the year's 21st homicide.",
        body=BODY,
        dateline="HARTFORD, Conn.",
        section=make_section(name="Public safety"),
        tags=["Public safety", "Faith"],
    )
    make_byline(article, make_person(name="Rita Reporter"))
    quotes = [
        make_quote(
            article=article,
            speaker=lovejoy,
            organization=association,
            speaker_title="Lead community organizer",
            text="What we need in our community is action, We need to hold our public "
            "officials accountable.",
            paragraph=1,
        ),
        make_quote(
            article=article,
            speaker=lovejoy,
            organization=association,
            text="We as the residents must be accountable as well,",
            paragraph=2,
        ),
        make_quote(article=article, speaker=lovejoy, text="It is on all of us.", paragraph=3),
    ]
    return article, lovejoy, association, quotes


def test_story_page_shows_the_story(client, story):
    article, *_ = story
    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="headline">Faith leaders call for action</h1>' in html
    assert "A rally after the year&#x27;s 21st homicide." in html
    assert "HARTFORD, Conn." in html
    assert f'datetime="{timezone.localtime(article.published_at).isoformat()}"' in html
    assert 'href="/people/rita-reporter/">Rita Reporter</a>' in html
    assert 'href="/tags/public-safety/"' in html


def test_each_direct_quote_has_an_anchor_and_a_linked_speaker(client, story):
    article, lovejoy, _, quotes = story
    html = client.get(article.get_absolute_url()).content.decode()

    for quote in quotes:
        assert f'id="quote-{quote.pk}"' in html
    # Named in the paragraph: the name itself becomes the link.
    assert f'<a class="speaker" href="{lovejoy.get_absolute_url()}">Kelvin Lovejoy</a>' in html
    assert f'<a class="speaker" href="{lovejoy.get_absolute_url()}">Lovejoy</a>' in html
    # A follow-on quote that names nobody gets a credit link after it.
    assert f'class="quote-credit" href="{lovejoy.get_absolute_url()}"' in html


def test_sources_panel_lists_each_quoted_person_once_with_title_and_organization(client, story):
    article, lovejoy, association, _ = story
    response = client.get(article.get_absolute_url())

    sources = response.context["sources"]
    assert [source["person"] for source in sources] == [lovejoy]
    html = response.content.decode()
    panel = html[html.index('id="sources-heading"') :]
    assert lovejoy.get_absolute_url() in panel
    assert "Lead community organizer" in panel
    assert association.get_absolute_url() in panel


def test_rejected_quotes_are_not_marked_or_listed(client, story):
    article, _, _, quotes = story
    Quote.objects.filter(pk=quotes[0].pk).update(review_state=Quote.ReviewState.REJECTED)

    html = client.get(article.get_absolute_url()).content.decode()

    assert f'id="quote-{quotes[0].pk}"' not in html
    assert f'id="quote-{quotes[1].pk}"' in html


def test_corrections_show_with_their_dates(client, story):
    article, *_ = story
    make_correction(
        article,
        kind=Correction.Kind.CORRECTION,
        text="An earlier version gave the wrong date for the rally.",
        created_at=timezone.now() - timedelta(minutes=5),
    )
    make_correction(article, kind=Correction.Kind.UPDATE, text="Police responded on Wednesday.")

    html = client.get(article.get_absolute_url()).content.decode()

    assert 'id="corrections"' in html
    assert "gave the wrong date" in html and "Police responded" in html
    assert html.index("gave the wrong date") < html.index("Police responded")


def test_related_stories_share_a_tag_and_are_published(client, story):
    article, *_ = story
    related = make_article(headline="Vigil planned for Sunday", tags=["Faith"])
    make_draft(headline="Draft about faith", tags=["Faith"])
    make_article(headline="Unrelated bake sale", tags=["Food"])

    response = client.get(article.get_absolute_url())

    assert list(response.context["related"]) == [related]


@pytest.mark.parametrize("maker", [make_draft, make_scheduled])
def test_unpublished_story_answers_404(client, maker):
    hidden = maker(headline="Embargoed budget leak")
    response = client.get(hidden.get_absolute_url())
    assert response.status_code == 404
    assert b"Embargoed budget leak" not in response.content


def test_unknown_slug_answers_404(client):
    assert client.get("/stories/no-such-story/").status_code == 404


def test_staff_preview_shows_drafts_but_readers_are_sent_to_log_in(client, admin_client):
    draft = make_draft(headline="Work in progress")
    url = reverse("articles:preview", args=[draft.pk])

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert "/admin/login/" in anonymous["Location"]

    preview = admin_client.get(url)
    assert preview.status_code == 200
    assert b"Work in progress" in preview.content
    assert b"readers cannot see it" in preview.content
    assert "no-cache" in preview["Cache-Control"]
