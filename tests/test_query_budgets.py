"""Each public page makes the same number of SQL queries with 1 and with 30 quotes, tags
and bylines. The expected counts are pinned, with a comment naming each query.

Every count includes one query of the page cache, on a miss: when the next scheduled story
goes live, which bounds how long the page may be cached (newsroom.caching).

The story importer has its budget too: queries per imported story, the same with one quote,
tag and byline as with several."""

import json

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    make_affiliation,
    make_article,
    make_byline,
    make_correction,
    make_organization,
    make_person,
    make_quote,
    make_section,
)

pytestmark = pytest.mark.django_db


def build_world(n):
    """A story with ``n`` quotes (by ``n`` people), tags, bylines and corrections, plus
    ``n`` other stories that share its tags, mention its speaker and are written by its
    first author."""
    section = make_section(name=f"Section for {n}")
    organization = make_organization(name=f"Civic Association {n}")
    tags = [f"topic {n}-{i}" for i in range(n)]
    body = "\n\n".join(f"“Quote number {i} matters,” said Person{i} Example." for i in range(n))
    story = make_article(headline=f"Main story {n}", body=body, section=section, tags=tags)
    authors = [make_person(name=f"Author{i} Writer{n}") for i in range(n)]
    for position, author in enumerate(authors):
        make_byline(story, author, position=position)
    speakers = []
    for i in range(n):
        speaker = make_person(name=f"Person{i} Example{n}")
        make_affiliation(speaker, organization, role="member")
        make_quote(
            article=story,
            speaker=speaker,
            organization=organization,
            text=f"Quote number {i} matters,",
            paragraph=i,
            position=i,
        )
        speakers.append(speaker)
        make_correction(story, text=f"Correction {i}.")
    for i in range(n):
        other = make_article(headline=f"Other story {n}-{i}", section=section, tags=tags)
        make_byline(other, authors[0])
        other.people_mentioned.add(speakers[0])
        other.organizations_mentioned.add(organization)
        make_quote(article=other, speaker=speakers[0], organization=organization)
    return story, speakers[0], organization, authors[0], tags[0]


def count_queries(client, url):
    cache.clear()  # measure the page being built, not served from the page cache
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def pages(world):
    story, speaker, organization, author, tag = world
    from django.utils.text import slugify

    return {
        # article + section/outlet joined; bylines+people; tags; quotes+speakers+orgs;
        # corrections; organizations it mentions (JSON-LD `mentions`); navigation sections;
        # related stories; their bylines.
        "story": (story.get_absolute_url(), 10),
        # count; navigation sections; page of stories + sections; their bylines.
        "home": ("/", 5),
        # section; count; navigation; page of stories; their bylines.
        "section": (story.section.get_absolute_url(), 6),
        # tag; count; navigation; page of stories; their bylines.
        "tag": (f"/tags/{slugify(tag)}/", 6),
        # person; affiliations+orgs; tags; quote count; navigation; page of quotes+stories;
        # stories that mention them; their bylines; stories they wrote (none here).
        "person": (speaker.get_absolute_url(), 10),
        # author: person; affiliations; tags; quote count (none, so no page query);
        # navigation; stories that mention them (none); stories they wrote; their bylines.
        "author": (author.get_absolute_url(), 9),
        # organization+parent; members+people; tags; quote count; navigation;
        # page of quotes; stories that mention it; their bylines.
        "organization": (organization.get_absolute_url(), 9),
        # people; navigation.
        "people index": ("/people/", 3),
        # organizations; navigation.
        "organization index": ("/organizations/", 3),
    }


@pytest.mark.parametrize(
    "page",
    [
        "story",
        "home",
        "section",
        "tag",
        "person",
        "author",
        "organization",
        "people index",
        "organization index",
    ],
)
def test_page_queries_do_not_grow_with_quotes_tags_and_bylines(client, page):
    small_url, expected = pages(build_world(1))[page]
    large_url, _ = pages(build_world(30))[page]

    assert count_queries(client, small_url) == expected
    assert count_queries(client, large_url) == expected


# The importer: queries per story, counted as the difference between importing one story
# and three (which leaves out the per-run lookups of what is on file). In a test the story's
# own transaction is a savepoint inside the test's; in a real run BEGIN and COMMIT take the
# places of SAVEPOINT and RELEASE.

SPEAKERS = ["Ana Ruiz", "Sam Lee", "Grace Park", "Omar Haddad", "Priya Rao"]
GROUP = "Blue Hill Civic Association"


def wire_story(n, speakers=SPEAKERS[:1], tags=("Budget",), bylines=("Renée Okafor",)):
    body = "\n\n".join(
        f"“Point {n}-{i} matters,” said {name}, president of the {GROUP}."
        for i, name in enumerate(speakers)
    )
    return {
        "id": f"wire-{n}",
        "title": f"Council weighs agenda item {n}",
        "date": "2024-05-01",
        "section": "City hall",
        "tags": list(tags),
        "byline": " and ".join(bylines),
        "body": body,
    }


def import_queries(tmp_path, stories):
    path = tmp_path / f"stories-{stories[0]['id']}.jsonl"
    path.write_text("\n".join(json.dumps(story) for story in stories))
    with CaptureQueriesContext(connection) as context:
        call_command("import_articles", str(path), verbosity=0)
    return len(context.captured_queries)


def queries_per_story(tmp_path, first, make_story):
    """Queries per story of importing stories ``first``, ``first + 1``…, as the difference
    between importing one and importing three."""
    one = import_queries(tmp_path, [make_story(first)])
    three = import_queries(tmp_path, [make_story(first + n) for n in (1, 2, 3)])
    return (three - one) / 2


def test_a_story_whose_names_are_on_file_costs_nine_queries(tmp_path):
    import_queries(tmp_path, [wire_story(0, speakers=SPEAKERS)])

    # savepoint; the earlier import of the story or of its slug; the story; its tags; its
    # byline; its quotes; the people it mentions; the organizations it mentions; release.
    assert queries_per_story(tmp_path, 1, wire_story) == 9


def test_import_queries_do_not_grow_with_quotes_tags_and_bylines(tmp_path):
    import_queries(
        tmp_path,
        [wire_story(0, speakers=SPEAKERS, tags=["Budget", "Parks", "Schools", "Transit"])],
    )

    def long_story(n):
        return wire_story(
            n,
            speakers=SPEAKERS,
            tags=["Budget", "Parks", "Schools", "Transit"],
            bylines=SPEAKERS[:3],
        )

    assert queries_per_story(tmp_path, 10, wire_story) == 9
    assert queries_per_story(tmp_path, 20, long_story) == 9


def test_new_people_cost_two_queries_each_and_their_roles_one_in_all(tmp_path):
    import_queries(tmp_path, [wire_story(0)])
    names = iter(f"{first} {last}" for first in ("Tom", "Luis", "Maria") for last in SPEAKERS)

    def story_with_new_people(n):
        return wire_story(n, speakers=[next(names) for _ in range(3)])

    # As above, and for each of the three new people: is the slug free; the person. Then
    # one insert for the three roles at the civic association.
    assert queries_per_story(tmp_path, 1, story_with_new_people) == 9 + 3 * 2 + 1


def test_a_story_imported_before_costs_three_queries(tmp_path):
    import_queries(tmp_path, [wire_story(n) for n in range(4)])

    # savepoint; the earlier import of the story; release.
    assert queries_per_story(tmp_path, 0, wire_story) == 3
