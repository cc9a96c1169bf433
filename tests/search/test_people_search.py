"""search_people() and search_organizations(): public records, by name and aliases."""

import pytest

from articles.models import Quote
from articles.search import search_organizations, search_people
from tests.factories import (
    make_article,
    make_draft,
    make_organization,
    make_person,
    make_quote,
)

pytestmark = pytest.mark.django_db


def quoted(person=None, organization=None, article=None, **quote):
    make_quote(
        article=article or make_article(), speaker=person, organization=organization, **quote
    )
    return person or organization


def test_people_by_name_from_the_start_of_a_word():
    lovejoy = quoted(make_person(name="Kelvin Lovejoy"))

    assert search_people("lovejoy") == [lovejoy]
    assert search_people("Love") == [lovejoy]
    assert search_people("kelvin lovejoy") == [lovejoy]
    assert search_people("ove") == []
    assert search_people("kelvin smith") == []


def test_people_by_alias():
    chief = quoted(make_person(name="Jason Thody", aliases="Chief Thody\nJT"))

    assert search_people("jt") == [chief]
    assert search_people("chief") == [chief]


def test_names_ignore_case_and_accents():
    renee = quoted(make_person(name="Renée Ramírez"))

    assert search_people("renee ramirez") == [renee]


def test_only_public_people():
    quoted(make_person(name="Ottoline Quist"), article=make_draft())
    quoted(make_person(name="Ottoline Vance"), review_state=Quote.ReviewState.REJECTED)
    make_person(name="Ottoline Nobody")
    public = quoted(make_person(name="Ottoline Public"))

    assert search_people("ottoline") == [public]


def test_organizations_by_name_and_alias():
    police = quoted(
        organization=make_organization(name="Hartford Police Department", aliases="HPD")
    )
    make_organization(name="Hartford Private Club")  # in no published story

    assert search_organizations("hpd") == [police]
    assert search_organizations("hartford") == [police]
    assert search_organizations("police or fire") == [police]


def test_a_few_of_each_at_most():
    story = make_article()
    for number in range(8):
        quoted(make_person(name=f"Ottoline Example{number}"), article=story)

    assert len(search_people("ottoline")) == 5
    assert len(search_people("ottoline", limit=2)) == 2


@pytest.mark.parametrize("query", ["", "   ", "the", "-ottoline", '"', "😀"])
def test_nothing_to_look_up(query):
    quoted(make_person(name="Ottoline Quist"))

    assert search_people(query) == []
    assert search_organizations(query) == []
