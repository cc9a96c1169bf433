import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError

from articles.importing import refresh_quotes
from articles.models import Article, Quote, Section
from people.models import Affiliation, Organization, Person
from tests.factories import make_article, make_person

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parent.parent / "data" / "formats" / "example.txt"


def run(*args, stdin=None, **options):
    """Call the command; return (stdout, stderr, error or None)."""
    out, err = io.StringIO(), io.StringIO()
    error = None
    try:
        call_command("import_articles", *args, stdout=out, stderr=err, **options)
    except CommandError as exc:
        error = exc
    return out.getvalue(), err.getvalue(), error


def counts():
    return (
        Article.objects.count(),
        Quote.objects.count(),
        Person.objects.count(),
        Organization.objects.count(),
        Affiliation.objects.count(),
    )


@pytest.fixture
def example(tmp_path):
    path = tmp_path / "example.txt"
    shutil.copy(EXAMPLE, path)
    return path


def test_example_article_yields_the_quotes_people_and_organizations_expected(example):
    out, err, error = run(str(example), "--status", "published")

    assert error is None, err
    assert "1 created" in out
    article = Article.objects.get()
    assert article.is_public
    assert article.needs_headline
    direct = article.quotes.filter(kind=Quote.Kind.DIRECT).order_by("paragraph")
    assert [(q.paragraph, q.speaker.name, q.verb) for q in direct] == [
        (1, "Kelvin Lovejoy", "said"),
        (3, "Dexter Burke", "said"),
        (6, "Mairchal Monts", "said"),
        (8, "Kelvin Lovejoy", "said"),
        (10, "Jason Thody", "wrote"),
        (12, "Jason Thody", "wrote"),
    ]
    assert direct[0].text.startswith("What we need in our community is action")
    assert direct[0].text.endswith("hold our public officials accountable.")
    indirect = article.quotes.filter(kind=Quote.Kind.INDIRECT).order_by("paragraph")
    assert [(q.paragraph, q.speaker.name) for q in indirect] == [
        (5, "Mairchal Monts"),
        (9, "Jason Thody"),
        (11, "Jason Thody"),
    ]
    burke = Person.objects.get(name="Dexter Burke")
    assert burke.honorific == "Archbishop"
    assert Person.objects.get(name="Jason Thody").title == "Police Chief"
    roles = {(a.person.name, a.role, a.organization.name) for a in Affiliation.objects.all()}
    assert ("Kelvin Lovejoy", "Lead community organizer", "Blue Hill Civic Association") in roles
    assert ("Mairchal Monts", "pastor", "Citadel of Love") in roles
    assert ("Jason Thody", "Police Chief", "Hartford Police Department") in roles
    assert set(Organization.objects.values_list("name", flat=True)) >= {
        "Blue Hill Civic Association",
        "Walk in the Light Church of God",
        "Citadel of Love",
        "City of Hartford",
        "Hartford Police Department",
        "NBC Connecticut",
        "Mothers United Against Violence",
        "COMPASS Peacebuilders",
    }
    assert set(article.people_mentioned.values_list("name", flat=True)) == {
        "Kelvin Lovejoy",
        "Dexter Burke",
        "Mairchal Monts",
        "Jason Thody",
    }


def test_imported_story_page_links_every_quote_to_its_speaker(client, example):
    run(str(example), "--status", "published")
    article = Article.objects.get()

    html = client.get(article.get_absolute_url()).content.decode()

    for quote in article.quotes.filter(kind=Quote.Kind.DIRECT):
        assert f'id="quote-{quote.pk}"' in html
        assert f'href="{quote.speaker.get_absolute_url()}"' in html
        person_page = client.get(quote.speaker.get_absolute_url()).content.decode()
        assert f"{article.get_absolute_url()}#quote-{quote.pk}" in person_page


def test_a_split_quote_is_stored_and_shown_as_the_speaker_said_it(client, example):
    run(str(example), "--status", "published")
    article = Article.objects.get()
    split = article.quotes.get(paragraph=1)
    assert split.text == (
        "What we need in our community is action. We need to hold our public officials accountable."
    )

    person_page = client.get(split.speaker.get_absolute_url()).content.decode()
    assert "is action. We need to hold" in person_page
    story_page = client.get(article.get_absolute_url()).content.decode()
    assert f'<span class="quote" id="quote-{split.pk}">What we need' in story_page
    assert '<span class="quote">We need to hold our public officials accountable.' in story_page


def test_finder_rerun_keeps_a_locked_quote_stored_with_other_punctuation(example):
    run(str(example), "--status", "published")
    article = Article.objects.get()
    split = article.quotes.get(paragraph=1)
    # As an earlier import stored it, then confirmed by an editor.
    split.text = (
        "What we need in our community is action, We need to hold our public officials accountable."
    )
    split.review_state = Quote.ReviewState.CONFIRMED
    split.save()

    refresh_quotes(article)

    assert article.quotes.filter(paragraph=1).count() == 1


def test_second_import_changes_nothing(example):
    run(str(example), "--status", "published")
    before = counts()

    out, _, error = run(str(example), "--status", "published")

    assert error is None
    assert counts() == before
    assert "0 created" in out and "1 skipped" in out


def test_changed_story_is_skipped_unless_update_and_editor_decisions_survive(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "url: https://example.org/budget\n"
        "date 2024-03-01 “We will pass it,” said Mayor Ana Ruiz.\n\n"
        "“It is fair,” Ruiz said."
    )
    run(str(story))
    confirmed = Quote.objects.get(text__startswith="We will pass it")
    confirmed.review_state = Quote.ReviewState.CONFIRMED
    confirmed.save()

    story.write_text(
        "url: https://example.org/budget\n"
        "date 2024-03-01 “We will pass it,” said Mayor Ana Ruiz.\n\n"
        "“It is fair to every taxpayer,” Ruiz said."
    )
    out, _, error = run(str(story))
    assert error is None
    assert "changed; use --update" in out
    assert Quote.objects.filter(text__startswith="It is fair,").exists()

    out, _, error = run(str(story), "--update")
    assert error is None
    assert "1 updated" in out
    assert Article.objects.count() == 1
    texts = set(Quote.objects.values_list("text", flat=True))
    assert "It is fair to every taxpayer," in texts
    assert "It is fair," not in texts
    confirmed.refresh_from_db()
    assert confirmed.review_state == Quote.ReviewState.CONFIRMED
    assert Quote.objects.filter(text__startswith="We will pass it").count() == 1


def test_bad_file_gets_one_line_the_rest_are_imported_and_exit_is_non_zero(tmp_path):
    (tmp_path / "a-good.txt").write_text("date 2024-01-02 “Fine,” said Ana Ruiz.")
    (tmp_path / "b-bad.txt").write_text("title: No date here\nJust a paragraph.")
    (tmp_path / "c-empty.txt").write_bytes(b"")
    (tmp_path / "d-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp_path / "e-good.md").write_text("---\ntitle: Second\ndate: '2024-01-03'\n---\nHello.")

    out, err, error = run(str(tmp_path))

    assert error is not None and "3 of 5 stories failed" in str(error)
    assert Article.objects.count() == 2
    lines = [line for line in err.splitlines() if line.startswith("failed:")]
    assert len(lines) == 3
    assert any("b-bad.txt" in line and "line" in line for line in lines)
    assert any("c-empty.txt" in line and "empty" in line for line in lines)
    assert any("d-binary.txt" in line and "binary" in line for line in lines)
    assert "Traceback" not in err
    assert "2 created" in out and "3 failed" in out


def test_dry_run_writes_nothing_and_says_what_it_would_create(example):
    out, _, error = run(str(example), "--dry-run")

    assert error is None
    assert counts() == (0, 0, 0, 0, 0)
    assert "Dry run, nothing written" in out
    assert "would be created" in out
    assert "Kelvin Lovejoy" in out


def test_json_report_on_stdout(example, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"title": "x"')
    out, _, error = run(str(example), str(bad), "--json")

    report = json.loads(out)
    assert report["summary"]["created"] == 1
    assert report["summary"]["failed"] == 1
    assert report["summary"]["quotes_created"] == Quote.objects.count()
    assert report["stories"][0]["outcome"] == "created"
    assert report["stories"][1]["outcome"] == "failed"
    assert error is not None


def test_options_set_status_section_tags_and_source(example):
    run(
        str(example),
        "--status",
        "review",
        "--section",
        "Public safety",
        "--tag",
        "Hartford",
        "--tag",
        "Faith",
        "--source",
        "NBC Connecticut",
    )
    article = Article.objects.get()
    assert article.status == Article.Status.REVIEW
    assert article.section == Section.objects.get(slug="public-safety")
    assert set(article.tags.names()) == {"Hartford", "Faith"}
    assert article.source_outlet.name == "NBC Connecticut"
    assert article.source_outlet.kind == Organization.Kind.MEDIA
    assert not Article.objects.published().exists()


def test_headers_and_utf16_input_are_read(tmp_path):
    story = tmp_path / "utf16.txt"
    text = (
        "title: Council adopts budget\nbyline: Renée Okafor and Sam Lee\n"
        "section: City hall\ntags: Budget, Council\n"
        "date 2024-05-01 “It is done,” said Council President José Ramírez."
    )
    story.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))

    _, err, error = run(str(story))

    assert error is None, err
    article = Article.objects.get()
    assert article.headline == "Council adopts budget"
    assert not article.needs_headline
    assert [b.person.name for b in article.bylines.all()] == ["Renée Okafor", "Sam Lee"]
    assert article.section.name == "City hall"


def test_standard_input_is_read(monkeypatch):
    data = b"date 2024-02-02 \xe2\x80\x9cWe are ready,\xe2\x80\x9d said Ana Ruiz."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))

    _, err, error = run("-")

    assert error is None, err
    assert Quote.objects.get().speaker.name == "Ana Ruiz"


def test_existing_people_are_matched_and_an_ambiguous_name_is_flagged(tmp_path):
    existing = make_person(name="Ana Ruiz", slug="ana-ruiz")
    make_person(name="Sam Lee", slug="sam-lee-1")
    make_person(name="Samuel Lee", slug="sam-lee-2", aliases="Sam Lee")
    story = tmp_path / "s.txt"
    story.write_text("date 2024-02-02 “We are ready,” said Ana Ruiz.\n\n“So are we,” said Sam Lee.")

    run(str(story))

    assert Quote.objects.get(text__startswith="We are ready").speaker == existing
    flagged = Quote.objects.get(text__startswith="So are we")
    assert flagged.speaker is None
    assert "Ambiguous speaker" in flagged.flag
    assert Person.objects.filter(name="Sam Lee").count() == 1


def test_quiet_at_verbosity_zero(example):
    out, err, error = run(str(example), verbosity=0)
    assert error is None
    assert out == "" and err == ""
    assert Article.objects.count() == 1


def test_missing_path_is_a_clear_failure(tmp_path):
    _, err, error = run(str(tmp_path / "nope.txt"))
    assert error is not None
    assert "nope.txt" in err and "No such file" in err


def test_a_database_error_undoes_that_story_only(tmp_path, monkeypatch):
    """Story 2 fails after its people were created; story 3 names one of them again."""
    from articles.models import QuoteQuerySet

    for n, speaker in enumerate(["Ana Ruiz", "Sam Lee", "Sam Lee"], start=1):
        (tmp_path / f"{n}.txt").write_text(
            f"date 2024-01-0{n} “Story {n} words,” said {speaker}, a council member."
        )
    original = QuoteQuerySet.bulk_create
    calls = []

    def fail_on_second_story(self, objs, *args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise IntegrityError("simulated failure")
        return original(self, objs, *args, **kwargs)

    monkeypatch.setattr(QuoteQuerySet, "bulk_create", fail_on_second_story)

    out, err, error = run(str(tmp_path))

    assert error is not None
    assert "2.txt" in err and "simulated failure" in err
    assert sorted(Article.objects.values_list("body", flat=True)) == [
        "“Story 1 words,” said Ana Ruiz, a council member.",
        "“Story 3 words,” said Sam Lee, a council member.",
    ]
    assert Person.objects.filter(name="Sam Lee").count() == 1
    assert Quote.objects.get(text__startswith="Story 3").speaker.name == "Sam Lee"
    assert "2 people" in out and "2 quotes created" in out


def test_imported_story_is_found_by_its_tags_and_quoted_people(example, client):
    run(str(example), "--status", "published", "--tag", "Vigil")

    response = client.get("/search/", {"q": "Lovejoy"})
    assert [story.slug for story in response.context["page_obj"]] == [Article.objects.get().slug]
    assert client.get("/search/", {"q": "vigil"}).context["page_obj"].paginator.count == 1


def test_new_organizations_get_the_kind_the_finder_guessed(example):
    run(str(example))
    kinds = dict(Organization.objects.values_list("name", "kind"))
    assert kinds["Hartford Police Department"] == Organization.Kind.LAW_ENFORCEMENT
    assert kinds["Walk in the Light Church of God"] == Organization.Kind.FAITH
    assert kinds["Blue Hill Civic Association"] == Organization.Kind.COMMUNITY_GROUP
    assert kinds["NBC Connecticut"] == Organization.Kind.MEDIA


def test_an_organization_named_by_its_alias_is_filed_under_its_own_name(tmp_path):
    from tests.factories import make_organization

    police = make_organization(name="Hartford Police Department", aliases="HPD")
    story = tmp_path / "s.txt"
    story.write_text("date 2024-02-02 “We are ready,” said Ana Ruiz, a spokeswoman for HPD.")

    run(str(story))

    assert Organization.objects.count() == 1
    assert Quote.objects.get().organization == police


def test_update_keeps_an_editors_headline_and_the_status(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("url: https://example.org/pool\ndate 2024-06-01 The pool opens Saturday.")
    run(str(story), "--status", "published")
    article = Article.objects.get()
    assert article.needs_headline
    article.headline, article.needs_headline = "City pool opens for the summer", False
    article.save()

    story.write_text(
        "url: https://example.org/pool\ndate 2024-06-01 The pool opens Saturday at noon."
    )
    _, _, error = run(str(story), "--update")

    assert error is None
    article.refresh_from_db()
    assert article.headline == "City pool opens for the summer"
    assert article.status == Article.Status.PUBLISHED
    assert article.body == "The pool opens Saturday at noon."


def test_a_failing_story_in_a_dry_run_is_reported_and_the_others_still_counted(
    tmp_path, monkeypatch
):
    """In a dry run each story is a savepoint inside one transaction: a failure undoes that
    story only, and at the end nothing at all is written."""
    from articles.models import QuoteQuerySet

    for n, speaker in enumerate(["Ana Ruiz", "Sam Lee", "José Ramírez"], start=1):
        (tmp_path / f"{n}.txt").write_text(f"date 2024-01-0{n} “Story {n},” said {speaker}.")
    original = QuoteQuerySet.bulk_create

    def fail_for_sam_lee(self, objs, *args, **kwargs):
        if any(quote.speaker and quote.speaker.name == "Sam Lee" for quote in objs):
            raise IntegrityError("simulated failure")
        return original(self, objs, *args, **kwargs)

    monkeypatch.setattr(QuoteQuerySet, "bulk_create", fail_for_sam_lee)

    out, err, error = run(str(tmp_path), "--dry-run")

    assert error is not None
    assert "2.txt" in err and "simulated failure" in err
    assert out.count("would be created") == 2
    assert "2 created" in out and "1 failed" in out
    assert counts() == (0, 0, 0, 0, 0)


def test_a_new_story_whose_slug_is_taken_gets_the_next_free_one(tmp_path):
    make_article(headline="Council adopts budget")
    make_article(headline="Council adopts budget again", slug="council-adopts-budget-2")
    story = tmp_path / "s.json"
    story.write_text('{"id": "wire-1", "title": "Council adopts budget", "body": "It passed."}')

    _, err, error = run(str(story))

    assert error is None, err
    assert Article.objects.get(external_id="wire-1").slug == "council-adopts-budget-3"


def test_a_story_whose_slug_an_editor_gave_to_another_is_still_found(tmp_path):
    """The lookup for an earlier import also finds the story holding the slug: the two are
    told apart by the story's identity, not by the slug."""
    story = tmp_path / "s.json"
    story.write_text('{"id": "wire-1", "title": "Council adopts budget", "body": "It passed."}')
    run(str(story))
    imported = Article.objects.get()
    imported.slug = "budget-adopted"
    imported.save()
    make_article(headline="Council adopts budget")

    out, _, error = run(str(story))

    assert error is None
    assert "0 created" in out and "1 skipped" in out
    assert Article.objects.count() == 2


def test_an_update_goes_to_the_first_imported_of_stories_sharing_an_identity(tmp_path):
    first = make_article(headline="Budget vote", external_id="wire-1", content_hash="old")
    second = make_article(headline="Budget vote (copy)", external_id="wire-1", content_hash="old")
    story = tmp_path / "s.json"
    story.write_text('{"id": "wire-1", "title": "Budget vote set", "body": "It is on."}')

    _, _, error = run(str(story), "--update")

    assert error is None
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.headline == "Budget vote set"
    assert second.headline == "Budget vote (copy)"


def test_an_affiliation_named_twice_in_one_story_and_again_later_is_stored_once(tmp_path):
    """Two names of one person (a name and an alias), each with the same role; then a
    second story with that role again."""
    samuel = make_person(name="Samuel Lee", aliases="Sam Lee")
    described = "president of the Blue Hill Civic Association"
    (tmp_path / "1.txt").write_text(
        f"date 2024-02-02 “We are ready,” said Samuel Lee, {described}.\n\n"
        f"The vote was close.\n\n“So are we,” said Sam Lee, {described}."
    )
    (tmp_path / "2.txt").write_text(f"date 2024-02-03 “Still ready,” said Sam Lee, {described}.")

    _, err, error = run(str(tmp_path))

    assert error is None, err
    assert [(a.person, a.organization.name, a.role) for a in Affiliation.objects.all()] == [
        (samuel, "Blue Hill Civic Association", "president")
    ]
    assert Quote.objects.filter(speaker=samuel).count() == 3


def test_an_update_keeps_the_links_a_story_has_and_adds_the_new_ones(tmp_path):
    story = tmp_path / "s.json"
    story.write_text(
        '{"id": "wire-1", "title": "Budget vote", "tags": ["Budget"], '
        '"body": "“We are ready,” said Ana Ruiz, president of the Blue Hill Civic Association."}'
    )
    run(str(story))
    article = Article.objects.get()
    article.tags.add("Editors pick")

    story.write_text(
        '{"id": "wire-1", "title": "Budget vote", "tags": ["Budget", "Council"], '
        '"body": "“We are ready,” said Ana Ruiz, president of the Blue Hill Civic Association.'
        '\\n\\n“So are we,” said Sam Lee."}'
    )
    _, err, error = run(str(story), "--update")

    assert error is None, err
    assert sorted(article.tags.names()) == ["Budget", "Council", "Editors pick"]
    assert sorted(article.people_mentioned.values_list("name", flat=True)) == [
        "Ana Ruiz",
        "Sam Lee",
    ]
    assert list(article.organizations_mentioned.values_list("name", flat=True)) == [
        "Blue Hill Civic Association"
    ]
