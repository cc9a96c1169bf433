"""One transaction per story, and what the importer remembers from one story to the next.

The importer keeps the sections, tags, people, organizations and affiliations it has seen
(``Directory``) so that a story costs no lookup for them. A story whose transaction rolls
back takes its new rows with it; these tests make sure the importer forgets them too.
"""

import contextlib
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from articles.importing import StoryImporter
from articles.management.commands.import_articles import CHECKPOINT_PAGES
from articles.models import Article, QuoteQuerySet, Section
from people.models import Affiliation, Organization, Person
from tests.factories import make_article, make_organization, make_person, make_section

pytestmark = pytest.mark.django_db


def run(*args):
    """Call the command; return (stdout, stderr), whether or not a story failed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.suppress(CommandError):
        call_command("import_articles", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def fail_stories_quoting(monkeypatch, words):
    """Make the quote insert of any story quoting ``words`` fail, as a database would."""
    original = QuoteQuerySet.bulk_create

    def bulk_create(self, objs, *args, **kwargs):
        if any(words in quote.text for quote in objs):
            raise IntegrityError("simulated failure")
        return original(self, objs, *args, **kwargs)

    monkeypatch.setattr(QuoteQuerySet, "bulk_create", bulk_create)


def write_stories(folder, *stories):
    for n, text in enumerate(stories, start=1):
        (folder / f"{n}.txt").write_text(text)
    return str(folder)


def test_what_a_failed_story_created_is_created_again_by_the_next(tmp_path, monkeypatch):
    """Story 2 brings a new section, tag, person, organization and affiliation, and sets
    the title of a person on file; then it fails. Story 3 brings them all again."""
    fail_stories_quoting(monkeypatch, "Story two")
    folder = write_stories(
        tmp_path,
        "title: One\nsection: City hall\ntags: Budget\ndate 2024-01-01 “Story one,” said Ana Ruiz.",
        "title: Two\nsection: Transit\ntags: Parks\n"
        "date 2024-01-02 “Story two,” said Sam Lee, president of the Frog Hollow Tenants "
        "Union.\n\nMayor Ana Ruiz said the plan would be reviewed next month.",
        "title: Three\nsection: Transit\ntags: Parks\n"
        "date 2024-01-03 “Story three,” said Sam Lee, president of the Frog Hollow Tenants "
        "Union.\n\nPolice Chief Ana Ruiz said the plan would be reviewed next month.",
    )

    out, err = run(folder)

    assert "2.txt" in err and "simulated failure" in err
    assert "2 created" in out and "1 failed" in out
    assert sorted(Article.objects.values_list("headline", flat=True)) == ["One", "Three"]
    three = Article.objects.get(headline="Three")
    assert three.section == Section.objects.get(name="Transit")
    assert list(three.tags.names()) == ["Parks"]
    assert Tag.objects.filter(name="Parks").count() == 1
    sam = Person.objects.get(name="Sam Lee")
    union = Organization.objects.get(name="Frog Hollow Tenants Union")
    assert list(Affiliation.objects.values_list("person", "organization", "role")) == [
        (sam.pk, union.pk, "president")
    ]
    assert three.quotes.get().speaker == sam
    # The failed story's "Mayor" was rolled back, so story 3 could give Ana Ruiz a title.
    assert Person.objects.get(name="Ana Ruiz").title == "Police Chief"


def test_a_failed_story_is_not_counted(tmp_path, monkeypatch):
    fail_stories_quoting(monkeypatch, "Story two")
    folder = write_stories(
        tmp_path,
        "date 2024-01-01 “Story one,” said Ana Ruiz, president of the Blue Hill Civic Association.",
        "date 2024-01-02 “Story two,” said Sam Lee, president of the Frog Hollow Tenants Union.",
    )

    out, _ = run(folder)

    assert "1 people, 1 organizations and 1 quotes created" in out


def test_records_on_file_are_used_not_created_again(tmp_path):
    """Sections, tags (in any case), people and organizations (by alias) made by editors
    or by earlier imports."""
    section = make_section(name="City hall", slug="city-hall")
    make_article(headline="Earlier story", tags=["budget"])
    ana = make_person(name="Ana Ruiz")
    union = make_organization(name="Frog Hollow Tenants Union", aliases="FHTU")
    folder = write_stories(
        tmp_path,
        "title: One\nsection: City Hall\ntags: Budget\n"
        "date 2024-01-01 “Story one,” said Ana Ruiz, a spokeswoman for FHTU.",
    )

    out, err = run(folder)

    assert "1 created" in out, err
    story = Article.objects.get(headline="One")
    assert story.section == section
    assert list(story.tags.all()) == [Tag.objects.get(name="budget")]
    assert story.quotes.get().speaker == ana
    assert story.quotes.get().organization == union
    assert (Person.objects.count(), Organization.objects.count()) == (1, 1)


def autocheckpoint():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_autocheckpoint")
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a setting of SQLite's log")
def test_sqlite_checkpoints_less_often_during_an_import_only(tmp_path, monkeypatch):
    seen = []
    original = StoryImporter.save

    def save(self, parsed):
        seen.append(autocheckpoint())
        return original(self, parsed)

    monkeypatch.setattr(StoryImporter, "save", save)
    before = autocheckpoint()

    run(write_stories(tmp_path, "date 2024-01-01 One.", "date 2024-01-02 Two."))

    assert seen == [CHECKPOINT_PAGES, CHECKPOINT_PAGES]
    assert autocheckpoint() == before


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a setting of SQLite's log")
@pytest.mark.django_db(transaction=True)
def test_an_import_outside_any_transaction_checkpoints_at_the_end(tmp_path):
    """Each story commits on its own here; then the log is written back once."""
    folder = write_stories(tmp_path, "date 2024-01-01 One.", "date 2024-01-02 Two.")

    with CaptureQueriesContext(connection) as queries:
        out, err = run(folder)

    assert "2 created" in out, err
    assert Article.objects.count() == 2
    statements = [query["sql"] for query in queries.captured_queries]
    assert statements.count("COMMIT") == 2
    assert statements[-1] == "PRAGMA wal_checkpoint(PASSIVE)"
