"""The people and organization admins: search, filters, and a person's quotes."""

import pytest

from people.models import Organization, Person
from tests.admin.pages import change_url, changelist_url, shown
from tests.factories import (
    make_affiliation,
    make_article,
    make_draft,
    make_organization,
    make_person,
    make_quote,
)

pytestmark = pytest.mark.django_db

PEOPLE = changelist_url(Person)
ORGANIZATIONS = changelist_url(Organization)


def test_person_search_finds_an_alias(admin_client):
    make_person(name="Theodore Roosevelt Jr.", aliases="Teddy Roosevelt\nT.R.")
    make_person(name="Franklin Roosevelt")

    response = admin_client.get(PEOPLE, {"q": "Teddy"})

    assert shown(response) == {"Theodore Roosevelt Jr."}


def test_person_search_finds_a_title(admin_client):
    make_person(name="Jason Thody", title="Police Chief")
    make_person(name="Luke Bronin", title="Mayor")

    assert shown(admin_client.get(PEOPLE, {"q": "chief"})) == {"Jason Thody"}


def test_person_changelist_shows_quote_count_and_tags(admin_client):
    mayor = make_person(name="Luke Bronin")
    mayor.tags.add("city hall", "budget")
    for position in range(2):
        make_quote(speaker=mayor, position=position)

    response = admin_client.get(PEOPLE)

    (row,) = response.context["cl"].result_list
    assert row.quote_count == 2
    assert "budget, city hall" in response.content.decode()


def test_person_page_lists_their_quotes_with_links_to_the_stories(admin_client):
    mayor = make_person(name="Luke Bronin")
    story = make_article(headline="Mayor signs budget")
    draft = make_draft(headline="Mayor's draft plan")
    make_quote(article=story, speaker=mayor, text="This budget is balanced.")
    make_quote(article=draft, speaker=mayor, text="We will see.")
    make_quote(article=story, text="Someone else said this.")

    content = admin_client.get(change_url(mayor)).content.decode()

    assert "“This budget is balanced.”" in content
    assert f'href="{change_url(story)}"' in content
    assert f'href="{change_url(draft)}"' in content  # staff see drafts' quotes too
    assert "Someone else said this." not in content


def test_person_page_marks_contact_details_private(admin_client):
    person = make_person(contact_details="860-555-0100")

    content = admin_client.get(change_url(person)).content.decode()

    assert "private to staff" in content
    assert "860-555-0100" in content


def test_organization_filter_by_kind(admin_client):
    make_organization(name="Hartford Public Schools", kind=Organization.Kind.EDUCATION)
    make_organization(name="Citadel of Love", kind=Organization.Kind.FAITH)

    response = admin_client.get(ORGANIZATIONS, {"kind__exact": Organization.Kind.FAITH})

    assert shown(response) == {"Citadel of Love"}


def test_organization_search_finds_an_alias(admin_client):
    make_organization(name="Hartford Police Department", aliases="HPD")
    make_organization(name="Hartford Fire Department", aliases="HFD")

    assert shown(admin_client.get(ORGANIZATIONS, {"q": "HPD"})) == {"Hartford Police Department"}


def test_organization_page_lists_its_members(admin_client):
    church = make_organization(name="Citadel of Love")
    make_affiliation(make_person(name="Rev. Dr. Keith Jones"), church, role="Pastor")

    response = admin_client.get(change_url(church))

    (members,) = response.context["inline_admin_formsets"]
    assert [form.instance.role for form in members.formset.forms] == ["Pastor"]
    assert "Rev. Dr. Keith Jones" in response.content.decode()
