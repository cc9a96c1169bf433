from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from articles.models import Correction
from tests.factories import (
    make_affiliation,
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


@pytest.fixture
def newsroom(db):
    """One published story with two authors, a quoted police chief and a mentioned school
    board; a second published story elsewhere; and a draft and a scheduled story that touch
    the same section, tags, people and organizations (and must never show)."""
    city_hall = make_section(name="City Hall", description="Council, budget and elections.")
    schools = make_section(name="Schools")
    police = make_organization(
        name="Hartford Police Department",
        website="https://police.example.gov",
        parent=make_organization(name="City of Hartford"),
    )
    board = make_organization(name="Board of Education")
    ana = make_person(name="Ana Ruiz", title="Staff writer")
    sam = make_person(name="Sam Lee")
    chief = make_person(
        name="Jason Thody",
        honorific="Chief",
        title="Police Chief",
        contact_details="cell 555-0100",
    )
    make_affiliation(chief, police, role="Police Chief")
    story = make_article(
        headline="Council passes $2 million police budget",
        dek="The vote was 7–2 after a six-hour meeting.",
        body="The council voted late on Tuesday.\n\n“We listened,” said Chief Jason Thody.",
        section=city_hall,
        tags=["Budget", "Police"],
        published_at=timezone.now() - timedelta(hours=3),
    )
    make_byline(story, ana, position=0)
    make_byline(story, sam, position=1)
    make_quote(
        article=story,
        speaker=chief,
        organization=police,
        speaker_title="Police Chief",
        text="We listened,",
        paragraph=1,
    )
    story.organizations_mentioned.add(board)
    make_correction(story, text="An earlier version misstated the vote.")
    make_correction(story, kind=Correction.Kind.UPDATE, text="The mayor signed the budget.")

    other = make_article(
        headline="New principal named at Bulkeley High",
        section=schools,
        tags=["Education"],
        published_at=timezone.now() - timedelta(hours=1),
    )
    make_byline(other, make_person(name="Kim Park"))

    draft = make_draft(headline="Draft: chief to resign", section=city_hall, tags=["Budget"])
    scheduled = make_scheduled(
        headline="Scheduled: budget hearings set", section=city_hall, tags=["Budget", "Embargo"]
    )
    for hidden in (draft, scheduled):
        make_byline(hidden, ana)
        make_quote(article=hidden, speaker=chief, organization=police, text="No comment.")
        hidden.organizations_mentioned.add(board)

    return SimpleNamespace(
        story=story,
        other=other,
        draft=draft,
        scheduled=scheduled,
        city_hall=city_hall,
        police=police,
        board=board,
        ana=ana,
        sam=sam,
        chief=chief,
    )
