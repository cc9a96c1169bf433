"""Changelists load a page of rows in a fixed number of queries, however many rows."""

import pytest
from django.contrib.admin.views.main import PAGE_VAR
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Quote, Section
from people.models import Affiliation, Organization, Person
from tests.admin.pages import changelist_url
from tests.factories import (
    make_affiliation,
    make_article,
    make_byline,
    make_organization,
    make_person,
    make_quote,
    make_section,
)

pytestmark = pytest.mark.django_db


def make_rows(count):
    """``count`` stories, each with a section, tags, a byline and quoted people who belong
    to an organization with a parent: everything a changelist row could reach for."""
    for _ in range(count):
        parent = make_organization()
        organization = make_organization(parent=parent)
        speaker = make_person(title="Spokesperson")
        speaker.tags.add("city hall", "budget")
        make_affiliation(speaker, organization)
        article = make_article(section=make_section(), tags=["city hall"])
        make_byline(article)
        make_quote(article=article, speaker=speaker, organization=organization)


def queries_for(client, url):
    client.get(url)  # warm up: sessions, content types and other per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


CHANGELISTS = [Article, Quote, Section, Person, Organization, Affiliation]


@pytest.mark.parametrize("model", CHANGELISTS, ids=lambda model: model._meta.label)
def test_changelist_queries_do_not_grow_with_rows(admin_client, model):
    url = changelist_url(model)
    make_rows(1)
    with_one = queries_for(admin_client, url)

    make_rows(19)
    with_twenty = queries_for(admin_client, url)

    assert model.objects.count() >= 20
    assert with_twenty == with_one


def test_story_changelist_query_budget(admin_client, django_assert_num_queries):
    make_rows(20)
    admin_client.get(changelist_url(Article))

    # 1. session, 2. user; 3. sections for the section filter, 4. tags for the tag filter;
    # 5. count of the filtered list, 6. count of all stories ("20 of 20");
    # 7. the page of stories, with sections joined and quotes counted;
    # 8. the date hierarchy's range, 9. the dates it offers within it.
    with django_assert_num_queries(9):
        admin_client.get(changelist_url(Article))


def test_second_page_costs_the_same(admin_client):
    make_rows(120)  # more than one page of 100
    url = changelist_url(Article)

    assert queries_for(admin_client, f"{url}?{PAGE_VAR}=2") == queries_for(admin_client, url)
