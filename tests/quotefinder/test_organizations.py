"""Recognising organizations and folding their names."""

from articles.quotefinder import find_quotes
from articles.quotefinder.organizations import (
    canonical_name,
    looks_like_organization,
    organization_kind,
)


def organizations(*paragraphs, **known):
    return [org.name for org in find_quotes(list(paragraphs), **known).organizations]


def test_body_words_make_a_capitalised_phrase_an_organization():
    assert looks_like_organization("Blue Hill Civic Association")
    assert looks_like_organization("Walk in the Light Church of God")
    assert looks_like_organization("Eastfield Board of Education")
    assert not looks_like_organization("Kelvin Lovejoy")


def test_places_and_buildings_are_not_organizations():
    assert not looks_like_organization("Church Street")
    assert not looks_like_organization("Bobby Hill Court")
    assert looks_like_organization("Harlan County Superior Court")


def test_capitals_inside_a_name_are_a_brand_not_shouting():
    assert looks_like_organization("COMPASS Peacebuilders")
    assert not looks_like_organization("WE WANT JUSTICE")


def test_canonical_name_folds_spellings():
    assert canonical_name("city of Hartford") == "City of Hartford"
    assert canonical_name("the Hartford Police") == "Hartford Police Department"
    assert canonical_name("the Citadel of Love") == "Citadel of Love"


def test_kind_is_guessed_from_the_name():
    assert organization_kind("Hartford Police Department") == "law enforcement"
    assert organization_kind("Walk in the Light Church of God") == "faith"
    assert organization_kind("NBC Connecticut") == "media"


def test_group_noun_and_list_context_name_organizations():
    found = organizations(
        "The department works with organizations like the group Mothers United Against "
        "Violence and COMPASS Peacebuilders, an organization that supports youth."
    )
    assert found == ["Mothers United Against Violence", "COMPASS Peacebuilders"]


def test_lower_case_city_of_is_the_city_government():
    assert organizations(
        "Monts said in a statement through the city of Hartford that he agreed."
    ) == ["City of Hartford"]


def test_a_newspaper_named_by_one_word_in_a_channel():
    assert organizations("“We listened,” Sven Berg wrote in an email to the Ledger.") == ["Ledger"]


def test_known_organizations_and_aliases_from_the_caller():
    found = organizations(
        "HPD officers and the Blue Hill group met on Monday.",
        known_organizations={
            "HPD": "Hartford Police Department",
            "Blue Hill": "Blue Hill Civic Association",
        },
    )
    assert found == ["Hartford Police Department", "Blue Hill Civic Association"]


def test_alias_introduced_in_the_text_is_not_a_second_organization():
    found = organizations(
        "The Millbrook Area Regional Transit board met. The agency, known as MART, is short.",
        "MART board member Ifeoma Chukwu voted no.",
    )
    assert found == ["Millbrook Area Regional Transit"]


def test_each_organization_once_in_its_fullest_form():
    found = organizations(
        "Trucks were lent by the Islamic Center of Millbrook.",
        "Volunteers at the Islamic Center packed boxes.",
    )
    assert found == ["Islamic Center of Millbrook"]


def test_descriptor_organization_is_listed():
    found = organizations("Mairchal Monts, pastor at the Citadel of Love, said he agreed.")
    assert found == ["Citadel of Love"]


def test_descriptor_owner_is_resolved_to_a_body_named_before():
    extraction = find_quotes(
        [
            "The faculty union, the Westfield State Faculty Federation, objected.",
            "Its president, Ian McAllister, said classes would grow.",
            "“Who teaches these students?” McAllister asked.",
        ]
    )
    assert extraction.quotes[-1].speaker_org == "Westfield State Faculty Federation"
    assert extraction.quotes[-1].speaker_title == "president"


def test_owner_noun_picks_the_latest_body_it_can_name():
    extraction = find_quotes(
        [
            "Teams from the Northside Boys & Girls Club met at Roosevelt Middle School.",
            "Keisha Ellis, the club's director, said attendance tripled.",
        ]
    )
    (person,) = extraction.people
    assert person.organization == "Northside Boys & Girls Club"


def test_possessive_owner_name_and_who_runs_clauses():
    extraction = find_quotes(
        [
            "Newcomers include Casa Olvera, a restaurant on Third Street.",
            "Casa Olvera's chef and co-owner, Guadalupe Olvera, says she is ready.",
            "Marco DiStefano, who runs Trattoria DiStefano, dropped out.",
            "“The margins are thin,” DiStefano says.",
        ]
    )
    people = {person.name: person for person in extraction.people}
    assert people["Guadalupe Olvera"].organization == "Casa Olvera"
    assert people["Guadalupe Olvera"].title == "chef and co-owner"
    assert extraction.quotes[-1].speaker == "Marco DiStefano"
    assert extraction.quotes[-1].speaker_org == "Trattoria DiStefano"
