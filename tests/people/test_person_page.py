from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Quote
from tests.factories import (
    make_affiliation,
    make_article,
    make_byline,
    make_draft,
    make_organization,
    make_person,
    make_quote,
    make_scheduled,
)

pytestmark = pytest.mark.django_db


def test_person_page_lists_published_quotes_newest_first_linking_to_anchors(client):
    thody = make_person(name="Jason Thody", honorific="Chief", title="Police Chief")
    police = make_organization(name="Hartford Police Department")
    make_affiliation(thody, police, role="Police Chief")
    old = make_quote(
        speaker=thody,
        text="We work closely with victims.",
        article=make_article(published_at=timezone.now() - timedelta(days=3)),
    )
    new = make_quote(speaker=thody, text="We take that very seriously.")

    response = client.get(thody.get_absolute_url())

    assert response.status_code == 200
    assert list(response.context["quotes_page"]) == [new, old]
    html = response.content.decode()
    assert "Police Chief" in html
    assert police.get_absolute_url() in html
    assert f'href="{new.get_absolute_url()}"' in html
    assert f"#quote-{old.pk}" in html


def test_draft_and_rejected_quotes_stay_off_person_page(client):
    speaker = make_person(name="Ana Ruiz")
    make_quote(speaker=speaker, text="Shown to readers.")
    make_quote(speaker=speaker, text="From a draft story.", article=make_draft())
    make_quote(speaker=speaker, text="From a scheduled story.", article=make_scheduled())
    make_quote(
        speaker=speaker, text="Rejected by an editor.", review_state=Quote.ReviewState.REJECTED
    )

    html = client.get(speaker.get_absolute_url()).content.decode()

    assert "Shown to readers." in html
    assert "From a draft story." not in html
    assert "From a scheduled story." not in html
    assert "Rejected by an editor." not in html


def test_person_page_lists_stories_they_wrote_and_stories_that_mention_them(client):
    reporter = make_person(name="Rita Reporter")
    make_byline(make_article(headline="Reporter's own story"), reporter)
    make_byline(make_draft(headline="Reporter's draft"), reporter)
    make_article(headline="Story about the reporter").people_mentioned.add(reporter)

    html = client.get(reporter.get_absolute_url()).content.decode()

    assert "Reporter&#x27;s own story" in html
    assert "Story about the reporter" in html
    assert "Reporter&#x27;s draft" not in html


def test_person_seen_only_in_drafts_answers_404(client):
    hidden = make_quote(article=make_draft()).speaker
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get("/people/nobody-at-all/").status_code == 404


def test_contact_details_are_never_shown_to_readers(client):
    source = make_quote().speaker
    source.contact_details = "cell 860-555-0100"
    source.save()
    assert b"860-555-0100" not in client.get(source.get_absolute_url()).content


def test_people_index_is_grouped_by_surname_letter(client):
    make_quote(speaker=make_person(name="Kelvin Lovejoy"))
    make_quote(speaker=make_person(name="Dexter Burke"))
    make_quote(speaker=make_person(name="Secret Source"), article=make_draft())

    response = client.get(reverse("people:person-index"))

    letters = [letter for letter, _ in response.context["letters"]]
    assert letters == ["B", "L"]
    assert b"Secret Source" not in response.content


def test_story_and_person_pages_link_both_ways(client):
    speaker = make_person(name="Mairchal Monts")
    article = make_article(
        body="“We cannot blame the police for our own moral failings,” Monts said."
    )
    quote = make_quote(
        article=article,
        speaker=speaker,
        text="We cannot blame the police for our own moral failings,",
    )

    story_html = client.get(article.get_absolute_url()).content.decode()
    assert f'href="{speaker.get_absolute_url()}"' in story_html
    assert f'id="quote-{quote.pk}"' in story_html

    person_html = client.get(speaker.get_absolute_url()).content.decode()
    assert f'href="{article.get_absolute_url()}#quote-{quote.pk}"' in person_html
