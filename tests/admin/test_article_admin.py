"""The story admin: filters, search, quote editing, publishing, and links to the story."""

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Quote
from tests.admin.pages import add_inline_row, change_form_data, change_url, changelist_url, shown
from tests.factories import (
    make_article,
    make_byline,
    make_correction,
    make_draft,
    make_organization,
    make_person,
    make_quote,
    make_scheduled,
    make_section,
)

pytestmark = pytest.mark.django_db

STORIES = changelist_url(Article)


def run_action(client, action, *articles, **filters):
    query = "?" + "&".join(f"{key}={value}" for key, value in filters.items()) if filters else ""
    return client.post(
        STORIES + query,
        {"action": action, ACTION_CHECKBOX_NAME: [str(article.pk) for article in articles]},
    )


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# Changelist: filters and search ---------------------------------------------------------


@pytest.fixture
def desk():
    """One story in each state of the publishing workflow."""
    return {
        "draft": make_draft(headline="Draft about parking"),
        "review": make_draft(headline="Budget in review", status=Article.Status.REVIEW),
        "scheduled": make_scheduled(headline="Scheduled school story"),
        "published": make_article(headline="Published council story"),
    }


@pytest.mark.parametrize(
    ("status", "headline"),
    [
        ("draft", "Draft about parking"),
        ("review", "Budget in review"),
        ("scheduled", "Scheduled school story"),
        ("published", "Published council story"),
    ],
)
def test_status_filter_shows_only_stories_in_that_state(admin_client, desk, status, headline):
    assert shown(admin_client.get(STORIES, {"status": status})) == {headline}


def test_changelist_says_when_a_story_is_scheduled(admin_client, desk):
    content = admin_client.get(STORIES).content.decode()
    assert "Scheduled for " in content


def test_section_filter(admin_client):
    schools = make_section(name="Schools")
    make_article(headline="New principal named", section=schools)
    make_article(headline="Council meets", section=make_section(name="Politics"))

    response = admin_client.get(STORIES, {"section__id__exact": schools.pk})

    assert shown(response) == {"New principal named"}


def test_tag_filter_offers_story_tags_and_filters_by_them(admin_client):
    make_article(headline="Rents rise again", tags=["housing"])
    make_article(headline="Bus routes cut", tags=["transit"])
    make_person().tags.add("not-a-story-tag")

    page = admin_client.get(STORIES).content.decode()
    response = admin_client.get(STORIES, {"tag": "housing"})

    assert "?tag=transit" in page
    assert "not-a-story-tag" not in page
    assert shown(response) == {"Rents rise again"}


def test_needs_headline_filter_and_marker(admin_client):
    make_article(headline="Officials said on Tuesday that the", needs_headline=True)
    make_article(headline="A proper headline")

    response = admin_client.get(STORIES, {"needs_headline__exact": "1"})

    assert shown(response) == {"Officials said on Tuesday that the"}
    assert "Needs headline</strong>" in response.content.decode()


def test_date_filter_and_date_hierarchy(admin_client):
    now = timezone.now()
    make_article(headline="This week", published_at=now - timedelta(days=2))
    years_ago = now - timedelta(days=3 * 365)
    make_article(headline="Years ago", published_at=years_ago)
    # What the filter's own "Past 7 days" link sends: local midnights, with their offset.
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    week = {
        "published_at__gte": str(today - timedelta(days=7)),
        "published_at__lt": str(today + timedelta(days=1)),
    }

    assert shown(admin_client.get(STORIES, week)) == {"This week"}
    by_year = {"published_at__year": timezone.localtime(years_ago).year}
    assert shown(admin_client.get(STORIES, by_year)) == {"Years ago"}


@pytest.mark.parametrize("words", ["Library hours", "extended hours", "Saturday mornings"])
def test_search_looks_in_headline_dek_and_body(admin_client, words):
    make_article(
        headline="Library hours change",
        dek="The branch gets extended hours.",
        body="It will open on Saturday mornings.",
    )
    make_article(headline="Unrelated story")

    assert shown(admin_client.get(STORIES, {"q": words})) == {"Library hours change"}


def test_quote_count_column_is_sortable(admin_client):
    quiet = make_article(headline="Quiet story")
    loud = make_article(headline="Loud story")
    for position in range(3):
        make_quote(article=loud, position=position)
    make_quote(article=quiet)

    column = admin_client.get(STORIES).context["cl"].list_display.index("quote_count")

    response = admin_client.get(STORIES, {"o": f"-{column}"})

    assert [article.headline for article in response.context["cl"].result_list] == [
        "Loud story",
        "Quiet story",
    ]
    assert [article.quote_count for article in response.context["cl"].result_list] == [3, 1]


# Change form: quotes edited inline ------------------------------------------------------


@pytest.fixture
def story_with_quote():
    """A story with a row in every inline (byline, quote, correction), so that each form
    posted back carries all three management forms with existing rows."""
    article = make_article(headline="Chief defends overtime")
    make_byline(article, make_person(name="Reporter Ray"))
    make_correction(article, text="An earlier version gave the wrong date.")
    quote = make_quote(
        article=article,
        text="We had no choice.",
        paragraph=1,
        flag="Two people named Smith",
    )
    return article, quote


def save_change_form(client, article, **changes):
    """Load the story's change form, apply ``changes`` to its fields, and submit it."""
    data = change_form_data(client.get(change_url(article)))
    data.update(changes)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.context and [
        response.context["adminform"].form.errors,
        *[inline.formset.errors for inline in response.context["inline_admin_formsets"]],
    ]
    return response


def test_saving_untouched_form_leaves_quote_unedited(admin_client, story_with_quote):
    article, quote = story_with_quote

    save_change_form(admin_client, article)

    quote.refresh_from_db()
    assert quote.text == "We had no choice."
    assert not quote.edited
    assert [byline.person.name for byline in article.bylines.all()] == ["Reporter Ray"]
    assert article.corrections.count() == 1


def test_editing_quote_text_inline_marks_it_edited(admin_client, story_with_quote):
    article, quote = story_with_quote

    save_change_form(admin_client, article, **{"quotes-0-text": "We had no other choice."})

    quote.refresh_from_db()
    assert quote.text == "We had no other choice."
    assert quote.edited
    assert quote.is_locked


def test_reattributing_quote_inline_marks_it_edited(admin_client, story_with_quote):
    article, quote = story_with_quote
    chief = make_person(name="Jason Thody")
    department = make_organization(name="Hartford Police Department")

    save_change_form(
        admin_client,
        article,
        **{"quotes-0-speaker": str(chief.pk), "quotes-0-organization": str(department.pk)},
    )

    quote.refresh_from_db()
    assert (quote.speaker, quote.organization) == (chief, department)
    assert quote.edited


def test_moving_or_confirming_quote_is_not_an_edit_of_its_words(admin_client, story_with_quote):
    article, quote = story_with_quote

    save_change_form(
        admin_client,
        article,
        **{"quotes-0-paragraph": "2", "quotes-0-review_state": Quote.ReviewState.CONFIRMED},
    )

    quote.refresh_from_db()
    assert (quote.paragraph, quote.review_state) == (2, Quote.ReviewState.CONFIRMED)
    assert not quote.edited
    assert quote.is_locked  # the confirmation itself protects it from the quote finder


def test_adding_quote_inline_creates_an_edited_quote(admin_client, story_with_quote):
    article, _ = story_with_quote
    speaker = make_person(name="Maria Lopez")
    data = change_form_data(admin_client.get(change_url(article)))
    add_inline_row(
        data,
        "quotes",
        text="The overtime budget ran out in March.",
        speaker=str(speaker.pk),
        kind=Quote.Kind.INDIRECT,
        paragraph="3",
        position="0",
        review_state=Quote.ReviewState.FOUND,
    )

    response = admin_client.post(change_url(article), data)

    assert response.status_code == 302
    added = article.quotes.get(speaker=speaker)
    assert added.text == "The overtime budget ran out in March."
    assert added.kind == Quote.Kind.INDIRECT
    assert added.edited


def test_quote_flag_is_shown_but_not_editable(admin_client, story_with_quote):
    article, _ = story_with_quote

    response = admin_client.get(change_url(article))

    assert "⚑ Two people named Smith" in response.content.decode()
    assert "quotes-0-flag" not in change_form_data(response)


def test_rewriting_a_made_up_headline_clears_needs_headline(admin_client):
    article = make_draft(headline="Officials said on Tuesday that the", needs_headline=True)

    save_change_form(admin_client, article, headline="Officials delay the vote")

    article.refresh_from_db()
    assert article.headline == "Officials delay the vote"
    assert not article.needs_headline


def test_publishing_from_the_form_without_a_time_publishes_now(admin_client):
    article = make_draft()

    save_change_form(admin_client, article, status=Article.Status.PUBLISHED)

    article.refresh_from_db()
    assert article.is_public


# Actions: publish and unpublish ---------------------------------------------------------


def test_publish_action_makes_draft_public(client, admin_client):
    draft = make_draft(headline="Storm closes schools")
    assert client.get(draft.get_absolute_url()).status_code == 404

    response = run_action(admin_client, "publish", draft)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert draft.published_at is not None
    assert draft.is_public
    assert messages_of(response) == ["1 story published."]
    assert LogEntry.objects.get(object_id=str(draft.pk)).change_message == "Published."
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_publish_action_keeps_an_existing_publication_time(admin_client):
    tomorrow = timezone.now() + timedelta(days=1)
    earlier = timezone.now() - timedelta(days=30)
    scheduled = make_draft(published_at=tomorrow)
    republished = make_draft(published_at=earlier)
    fresh = make_draft()

    response = run_action(admin_client, "publish", scheduled, republished, fresh)

    for article in (scheduled, republished, fresh):
        article.refresh_from_db()
    assert scheduled.published_at == tomorrow
    assert scheduled.is_scheduled
    assert republished.published_at == earlier
    assert fresh.is_public
    assert messages_of(response) == ["3 stories published. 1 of them is scheduled for later."]


def test_unpublish_action_takes_story_off_the_site(client, admin_client):
    story = make_article()
    published_at = story.published_at
    assert client.get(story.get_absolute_url()).status_code == 200

    # Filtered to published stories: the action must still see the rows it changed.
    response = run_action(admin_client, "unpublish", story, status="published")

    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT
    assert story.published_at == published_at  # kept, so republishing restores the date
    assert messages_of(response) == ["1 story is back to draft."]
    assert LogEntry.objects.filter(object_id=str(story.pk)).exists()
    assert client.get(story.get_absolute_url()).status_code == 404


def test_actions_touch_only_the_selected_stories(admin_client):
    chosen, other = make_draft(), make_draft()

    run_action(admin_client, "publish", chosen)

    other.refresh_from_db()
    assert other.status == Article.Status.DRAFT


# Links to the story: View on site and Preview -------------------------------------------


def preview_url(article):
    return reverse("articles:preview", args=[article.pk])


def test_draft_has_preview_link_but_no_view_on_site(admin_client):
    draft = make_draft()

    content = admin_client.get(change_url(draft)).content.decode()

    assert "View on site" not in content
    assert f'href="{preview_url(draft)}"' in content


def test_scheduled_story_shows_when_and_offers_preview(admin_client):
    scheduled = make_scheduled()

    content = admin_client.get(change_url(scheduled)).content.decode()

    assert "Scheduled for " in content
    assert "View on site" not in content
    assert f'href="{preview_url(scheduled)}"' in content


def test_published_story_has_view_on_site_and_no_preview(admin_client):
    story = make_article()

    content = admin_client.get(change_url(story)).content.decode()

    assert "View on site" in content
    assert f'href="{story.get_absolute_url()}"' in content
    assert preview_url(story) not in content


def test_preview_works_for_staff_and_sends_others_to_log_in(client, admin_client):
    draft = make_draft(headline="Embargoed budget story")

    staff_view = admin_client.get(preview_url(draft))
    anonymous_view = client.get(preview_url(draft))

    assert staff_view.status_code == 200
    assert "Embargoed budget story" in staff_view.content.decode()
    assert anonymous_view.status_code == 302
    assert anonymous_view.url.startswith(reverse("admin:login"))
