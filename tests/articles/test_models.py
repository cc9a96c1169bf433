from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from articles.models import Article, Quote
from tests.factories import (
    make_article,
    make_draft,
    make_person,
    make_quote,
    make_scheduled,
)

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_review_and_scheduled():
    live = make_article()
    make_draft()
    make_article(status=Article.Status.REVIEW)
    make_scheduled()

    assert list(Article.objects.published()) == [live]


def test_scheduled_story_appears_by_itself_when_its_time_comes():
    story = make_scheduled(published_at=timezone.now() + timedelta(seconds=1))
    assert not Article.objects.published().exists()
    assert story.is_scheduled

    Article.objects.filter(pk=story.pk).update(published_at=timezone.now() - timedelta(seconds=1))

    assert list(Article.objects.published()) == [story]


def test_published_stories_are_newest_first():
    older = make_article(published_at=timezone.now() - timedelta(days=2))
    newer = make_article(published_at=timezone.now() - timedelta(days=1))

    assert list(Article.objects.published()) == [newer, older]


def test_publish_keeps_an_earlier_publication_time():
    when = timezone.now() - timedelta(days=3)
    story = make_draft(published_at=when)
    story.publish()
    assert story.status == Article.Status.PUBLISHED
    assert story.published_at == when

    fresh = make_draft()
    fresh.publish()
    assert fresh.published_at is not None


def test_slugs_are_unique():
    make_article(slug="budget-vote")
    with pytest.raises(IntegrityError):
        make_article(slug="budget-vote")


def test_public_quotes_leave_out_drafts_and_rejected_quotes():
    speaker = make_person(name="Ana Ruiz")
    shown = make_quote(speaker=speaker)
    make_quote(speaker=speaker, article=make_draft())
    make_quote(speaker=speaker, article=make_scheduled())
    make_quote(speaker=speaker, review_state=Quote.ReviewState.REJECTED)

    assert list(Quote.objects.public()) == [shown]


def test_quote_links_to_its_anchor_in_the_story():
    quote = make_quote()
    assert quote.get_absolute_url() == f"{quote.article.get_absolute_url()}#quote-{quote.pk}"
    reported = make_quote(kind=Quote.Kind.INDIRECT)
    assert reported.get_absolute_url() == reported.article.get_absolute_url()


def test_editor_decisions_lock_a_quote():
    assert not make_quote().is_locked
    assert make_quote(review_state=Quote.ReviewState.CONFIRMED).is_locked
    assert make_quote(edited=True).is_locked


def test_every_model_reads_as_text():
    quote = make_quote(text="x" * 100)
    assert str(quote).startswith("“xxx") and str(quote).endswith("…”")
    assert str(quote.article) == quote.article.headline
    assert str(quote.speaker) == quote.speaker.name


def test_standalone_text_closes_a_quote_cut_from_its_sentence():
    assert make_quote(text="We need the numbers first,").standalone_text == (
        "We need the numbers first."
    )
    assert make_quote(text="Is this fair?").standalone_text == "Is this fair?"
    assert make_quote(text="a disaster for renters").standalone_text == "a disaster for renters."
