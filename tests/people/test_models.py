import pytest
from django.db import IntegrityError

from people.models import Organization, Person
from tests.factories import (
    make_affiliation,
    make_article,
    make_byline,
    make_draft,
    make_organization,
    make_person,
    make_quote,
)

pytestmark = pytest.mark.django_db


def test_match_key_ignores_case_accents_and_honorifics():
    person = make_person(name="Dr. José  Ramírez")
    assert person.match_key == "jose ramirez"
    organization = make_organization(name="The Citadel of Love")
    assert organization.match_key == "citadel of love"


def test_aliases_are_one_per_line():
    person = make_person(aliases="Bobby Hill\n\n  Robert Hill  \n")
    assert person.alias_list == ["Bobby Hill", "Robert Hill"]


def test_person_slugs_are_unique():
    make_person(name="Ana Ruiz", slug="ana-ruiz")
    with pytest.raises(IntegrityError):
        make_person(name="Ana Ruiz", slug="ana-ruiz")


def test_affiliation_cannot_end_before_it_starts():
    import datetime

    with pytest.raises(IntegrityError):
        make_affiliation(start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2023, 1, 1))


def test_people_in_drafts_only_stay_private():
    quoted = make_quote().speaker
    author = make_person()
    make_byline(make_article(), author)
    mentioned = make_person()
    make_article().people_mentioned.add(mentioned)
    hidden = make_quote(article=make_draft()).speaker
    make_byline(make_draft(), make_person(name="Draft Author"))

    public = set(Person.objects.public())

    assert {quoted, author, mentioned} <= public
    assert hidden not in public
    assert not Person.objects.public().filter(name="Draft Author").exists()


def test_organizations_are_public_through_published_stories_or_public_people():
    spoke_for = make_quote(organization=make_organization()).organization
    member_of = make_affiliation(person=make_quote().speaker).organization
    draft_only = make_quote(article=make_draft(), organization=make_organization()).organization

    public = set(Organization.objects.public())

    assert {spoke_for, member_of} <= public
    assert draft_only not in public
