"""Readers move from a story to the people quoted in it, and back to the very quote."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_follows_a_quote_to_its_speaker_and_back_to_the_quote(page, newsroom):
    newsroom.visit(page, "home")
    page.get_by_role("link", name=newsroom.story.headline).click()
    expect(page).to_have_url(re.compile(re.escape(newsroom.story.get_absolute_url()) + "$"))

    page.locator(".story-body a.speaker", has_text="Kelvin Lovejoy").click()
    expect(page).to_have_url(re.compile(re.escape(newsroom.speaker.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kelvin Lovejoy")
    quote = page.locator(".quote-item", has_text="What we need in our community is action")
    expect(quote).to_have_count(1)

    quote.get_by_role("link", name=newsroom.story.headline).click()
    expect(page).to_have_url(re.compile(r"#quote-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    expect(target).to_have_count(1)
    expect(target).to_contain_text("What we need in our community is action")
    expect(target).to_be_in_viewport()


def test_reader_reaches_an_organization_from_the_sources_panel(page, newsroom):
    newsroom.visit(page, "story")
    sources = page.get_by_role("complementary", name="Sources in this story")
    for name in ("Kelvin Lovejoy", "Dexter Burke", "Mairchal Monts", "Jason Thody"):
        expect(sources.get_by_role("link", name=name, exact=True)).to_be_visible()

    sources.get_by_role("link", name="Blue Hill Civic Association").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Blue Hill Civic Association")
    people = page.get_by_role("region", name="People", exact=True)
    expect(people.get_by_role("link", name="Kelvin Lovejoy")).to_be_visible()
    said = page.get_by_role("region", name="What its people said")
    expect(said).to_contain_text("We need to hold our public officials accountable")


def test_reader_browses_by_tag_and_by_section(page, newsroom):
    other_story = "Council moves $2 million to youth programs"
    newsroom.visit(page, "story")
    page.locator(".story-tags").get_by_role("link", name="Public safety").click()
    expect(page).to_have_url(re.compile(r"/tags/public-safety/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Public safety")
    expect(page.get_by_role("link", name=newsroom.story.headline)).to_be_visible()
    expect(page.get_by_role("link", name=other_story)).to_be_visible()

    page.get_by_role("link", name=newsroom.story.headline).click()
    page.locator(".story-header .kicker").get_by_role("link", name="Public safety").click()
    expect(page).to_have_url(re.compile(r"/sections/public-safety/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Public safety")
    expect(page.locator(".story-card")).to_have_count(2)


def test_reader_finds_people_and_organizations_in_the_indexes(page, newsroom):
    newsroom.visit(page, "home")
    navigation = page.get_by_role("navigation", name="Main")

    navigation.get_by_role("link", name="People").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("People in the news")
    for name in ("Kelvin Lovejoy", "Dexter Burke", "Mairchal Monts", "Jason Thody"):
        expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()
    page.get_by_role("navigation", name="Jump to letter").get_by_role("link", name="T").click()
    expect(page).to_have_url(re.compile(r"#letter-T$"))
    page.get_by_role("link", name="Jason Thody", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jason Thody")

    navigation.get_by_role("link", name="Organizations").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Organizations")
    page.get_by_role("link", name="Blue Hill Civic Association").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Blue Hill Civic Association")


def test_reader_searches_from_the_masthead_and_reaches_story_and_person(page, newsroom):
    newsroom.visit(page, "home")
    page.get_by_role("searchbox", name="Search stories, people and organizations").fill("Lovejoy")
    page.get_by_role("button", name="Search").click()

    expect(page).to_have_url(re.compile(r"/search/\?q=Lovejoy$"))
    expect(page.locator("mark").first).to_have_text(re.compile("Lovejoy", re.IGNORECASE))
    page.get_by_role("link", name="Kelvin Lovejoy").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kelvin Lovejoy")

    page.go_back()
    page.get_by_role("link", name=newsroom.story.headline).click()
    expect(page).to_have_url(re.compile(re.escape(newsroom.story.get_absolute_url()) + "$"))
