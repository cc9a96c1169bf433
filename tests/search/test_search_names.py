"""Article.search_names follows the story's tags and quoted people, through signals and
through refresh_search_document() after writes that send none."""

import pytest
from taggit.models import Tag

from articles.models import Quote
from articles.search import refresh_search_document
from tests.factories import make_article, make_person, make_quote
from tests.search.helpers import found

pytestmark = pytest.mark.django_db


def names_of(story):
    story.refresh_from_db(fields=["search_names"])
    return story.search_names.splitlines()


def test_names_are_tags_and_quoted_people_one_per_line():
    story = make_article(tags=["Harbor", "Ferries"])
    make_quote(article=story, speaker=make_person(name="Ottoline Quist"))
    make_quote(article=story, speaker=make_person(name="Ana Ruiz"))
    make_quote(article=story, speaker=None)

    assert names_of(story) == ["Ana Ruiz", "Ferries", "Harbor", "Ottoline Quist"]


def test_removing_tags_forgets_them():
    story = make_article(headline="Night shift", tags=["Lighthouse keepers", "Harbor"])

    story.tags.remove("Lighthouse keepers")
    assert found("lighthouse") == []

    story.tags.clear()
    assert names_of(story) == []


def test_renaming_a_tag_renames_it_in_every_story():
    make_article(headline="Night shift", tags=["Lighthouse keepers"])
    make_article(headline="Day shift", tags=["Lighthouse keepers"])
    tag = Tag.objects.get(name="Lighthouse keepers")

    tag.name = "Beacon wardens"
    tag.save()

    assert sorted(found("beacon")) == ["Day shift", "Night shift"]
    assert found("lighthouse") == []


def test_deleting_a_tag_forgets_it():
    make_article(headline="Night shift", tags=["Lighthouse keepers"])

    Tag.objects.get(name="Lighthouse keepers").delete()

    assert found("lighthouse") == []


def test_deleting_a_quote_forgets_its_speaker():
    story = make_article(headline="Residents weigh in")
    quote = make_quote(article=story, speaker=make_person(name="Ottoline Quist"))

    quote.delete()

    assert found("quist") == []


def test_renaming_or_deleting_a_quoted_person_follows():
    story = make_article(headline="Residents weigh in")
    person = make_person(name="Ottoline Quist")
    make_quote(article=story, speaker=person)

    person.name = "Ottoline Quist-Vance"
    person.save()
    assert found("vance") == ["Residents weigh in"]

    person.delete()
    assert found("quist") == []
    assert names_of(story) == []


def test_an_unrelated_save_of_a_person_costs_one_query(django_assert_num_queries):
    story = make_article()
    person = make_person(name="Ottoline Quist")
    make_quote(article=story, speaker=person)
    person.bio = "Harbor pilot."

    # 1. the save; 2. stories quoting them that lack their name (none).
    with django_assert_num_queries(2):
        person.save()


def test_bulk_created_quotes_need_a_refresh():
    story = make_article(headline="Residents weigh in")
    Quote.objects.bulk_create(
        [Quote(article=story, speaker=make_person(name="Ottoline Quist"), text="Yes.")]
    )
    assert found("quist") == []  # bulk_create sends no signals…

    refresh_search_document(story)  # …so the importer calls this afterwards.

    assert found("quist") == ["Residents weigh in"]
    assert story.search_names == "Ottoline Quist"


def test_a_later_save_of_the_story_keeps_the_names():
    story = make_article(headline="Residents weigh in")
    make_quote(article=story, speaker=make_person(name="Ottoline Quist"))

    story.dek = "Edited after the quotes were attached."
    story.save()

    assert names_of(story) == ["Ottoline Quist"]


def test_refresh_writes_only_when_something_changed(django_assert_num_queries):
    story = make_article(tags=["Harbor"])

    # 1. the names from tags and quotes; 2. an UPDATE that matches no row.
    with django_assert_num_queries(2):
        refresh_search_document(story.pk)
