import pytest
from django.urls import reverse

from tests.factories import (
    make_affiliation,
    make_article,
    make_draft,
    make_organization,
    make_person,
    make_quote,
)

pytestmark = pytest.mark.django_db


def test_organization_page_lists_people_quotes_and_mentions(client):
    church = make_organization(name="Citadel of Love", kind="faith")
    monts = make_person(name="Mairchal Monts")
    make_affiliation(monts, church, role="pastor")
    quote = make_quote(speaker=monts, organization=church, text="We cannot blame the police.")
    make_article(headline="Church hosts vigil").organizations_mentioned.add(church)

    response = client.get(church.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Mairchal Monts" in html and "pastor" in html
    assert "We cannot blame the police." in html
    assert quote.get_absolute_url() in html
    assert "Church hosts vigil" in html


def test_organization_page_hides_draft_quotes_mentions_and_draft_only_members(client):
    church = make_organization(name="Citadel of Love")
    make_quote(organization=church, text="Public words.")
    make_quote(organization=church, text="Draft words.", article=make_draft())
    make_draft(headline="Draft mention").organizations_mentioned.add(church)
    make_affiliation(make_quote(article=make_draft()).speaker, church, role="Secret member")

    html = client.get(church.get_absolute_url()).content.decode()

    assert "Public words." in html
    assert "Draft words." not in html
    assert "Draft mention" not in html
    assert "Secret member" not in html


def test_organization_seen_only_in_drafts_answers_404(client):
    hidden = make_organization(name="Stealth Coalition")
    make_draft().organizations_mentioned.add(hidden)
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_organization_index_groups_public_organizations_by_kind(client):
    make_article().organizations_mentioned.add(
        make_organization(name="City of Hartford", kind="government")
    )
    make_article().organizations_mentioned.add(
        make_organization(name="NBC Connecticut", kind="media")
    )
    make_draft().organizations_mentioned.add(make_organization(name="Hidden Inc"))

    response = client.get(reverse("people:organization-index"))

    assert [kind for kind, _ in response.context["kinds"]] == ["Government", "Media"]
    assert b"Hidden Inc" not in response.content
