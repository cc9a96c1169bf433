import pytest

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


@pytest.fixture
def one_of_everything():
    """A story with every kind of related row, so every admin change page has something."""
    city = make_organization(name="City of Hartford", kind="government")
    police = make_organization(name="Hartford Police Department", parent=city)
    chief = make_person(name="Jason Thody", title="Police Chief")
    chief.tags.add("public safety")
    make_affiliation(chief, police, role="Chief")
    article = make_article(
        headline="Police chief answers council",
        section=make_section(name="Public safety"),
        tags=["public safety"],
        source_outlet=make_organization(name="NBC Connecticut", kind="media"),
    )
    make_byline(article)
    make_quote(article=article, speaker=chief, organization=police)
    make_correction(article)
    return article
