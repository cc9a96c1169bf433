"""An editor writes a story in the admin, keeps it from readers as a draft, then publishes it."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import make_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
HEADLINE = "Council passes the city budget"
SLUG = "council-passes-the-city-budget"
BODY = (
    "The council voted 9 to 3 on Tuesday night.\n\n“We will pass this budget,” said Mayor Ana Ruiz."
)


def choose_in_autocomplete(page, field, search, option):
    """Pick a related record as an editor does in the admin's select2 widget."""
    field.locator(".select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").press_sequentially(search)
    page.locator(".select2-results__option", has_text=option).click()
    expect(field.locator(".select2-selection__rendered")).to_contain_text(option)


def log_in(page, username):
    page.goto("/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Stories, people and organizations")).to_be_visible()


def test_editor_writes_a_draft_that_readers_cannot_see_until_it_is_published(open_context):
    get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    make_person(name="Ana Ruiz", title="Mayor")
    make_person(name="Rosa Delgado", title="Staff writer")
    editor = open_context().new_page()
    reader = open_context().new_page()
    log_in(editor, "editor")

    # Write the story: headline (the slug follows it), body, tags, a byline and a quote.
    editor.goto("/admin/articles/article/add/")
    editor.get_by_role("textbox", name="Headline:").press_sequentially(HEADLINE)
    expect(editor.get_by_role("textbox", name="Slug:")).to_have_value(SLUG)
    editor.get_by_role("textbox", name="Body:").fill(BODY)
    # Taggit reads "City budget" alone as two tags; a comma keeps the words together.
    editor.get_by_role("textbox", name="Tags:").fill("City budget, Council")
    editor.get_by_role("button", name="Add another Byline").click()
    choose_in_autocomplete(editor, editor.locator("#bylines-0 .field-person"), "Delg", "Rosa")
    editor.get_by_role("button", name="Add another Quote").click()
    quote = editor.locator("#quotes-0")
    quote.locator(".field-paragraph input").fill("1")  # counted from 0: the second paragraph
    quote.locator(".field-text textarea").fill("We will pass this budget,")
    choose_in_autocomplete(editor, quote.locator(".field-speaker"), "Ruiz", "Ana Ruiz")
    editor.get_by_role("button", name="Save and continue editing").click()

    messages = editor.locator(".messagelist")
    expect(messages).to_contain_text("was added successfully")
    expect(messages).to_contain_text("The quote finder found")  # the body is new
    story = Article.objects.get(slug=SLUG)
    assert story.status == Article.Status.DRAFT
    assert [b.person.name for b in story.bylines.all()] == ["Rosa Delgado"]
    assert sorted(t.name for t in story.tags.all()) == ["City budget", "Council"]
    # The finder found the same words and left the editor's quote alone rather than doubling it.
    assert [(q.paragraph, q.text, q.speaker.name) for q in story.quotes.all()] == [
        (1, "We will pass this budget,", "Ana Ruiz")
    ]

    # Staff can preview the draft; readers cannot see it at all.
    with editor.context.expect_page() as preview_tab:
        editor.get_by_role("link", name="Preview").click()
    preview = preview_tab.value
    expect(preview.get_by_role("status")).to_contain_text("readers cannot see it")
    expect(preview.get_by_role("heading", level=1)).to_have_text(HEADLINE)

    assert reader.goto(story.get_absolute_url()).status == 404
    assert reader.goto("/").status == 200
    expect(reader.get_by_role("link", name=HEADLINE)).to_have_count(0)

    # Publish it from the list of stories, as a desk editor does.
    editor.goto("/admin/articles/article/")
    editor.get_by_role("row", name=HEADLINE).get_by_role("checkbox").check()
    editor.get_by_role("combobox", name="Action").select_option(label="Publish selected stories")
    editor.get_by_role("button", name="Go").click()
    expect(editor.locator(".messagelist")).to_contain_text("1 story published.")

    # A second reader: pages carry Cache-Control max-age, so the first reader's browser may
    # show its own copy of the home page for up to a minute without asking the server.
    later_reader = open_context().new_page()
    later_reader.goto("/")
    later_reader.get_by_role("link", name=HEADLINE).click()
    expect(later_reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    body = later_reader.locator(".story-body")
    expect(body.locator("a.speaker", has_text="Ana Ruiz")).to_have_attribute(
        "href", "/people/ana-ruiz/"
    )
    expect(body.locator(".quote[id^='quote-']")).to_have_text("We will pass this budget,")
    expect(later_reader.locator(".story-header .bylines")).to_have_text("By Rosa Delgado")
