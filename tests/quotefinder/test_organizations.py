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


def test_initials_written_later_make_the_full_name_a_body():
    found = organizations(
        "“Pinewood,” now at the Ashgrove Repertory Theatre, runs through May.",
        "Marisol Tan, ART’s artistic director since 2019, stages it in the round.",
    )
    assert found == ["Ashgrove Repertory Theatre"]


def test_initials_before_the_rest_of_a_name_spell_out_the_body_too():
    found = organizations(
        "The Dunmore State University Board of Trustees raised tuition.",
        "The DSU Faculty Senate objected.",
    )
    assert found == [
        "Dunmore State University Board of Trustees",
        "Dunmore State University",
        "DSU Faculty Senate",
    ]


def test_an_acronym_beside_a_word_is_a_brand():
    assert organizations("The line formed before BRIO Bakehouse opened.") == ["BRIO Bakehouse"]


def test_a_run_of_capital_words_is_still_shouting():
    assert organizations("The note read, “THIS IS A ROBBERY. NO ALARMS.”") == []


def test_an_acronym_after_a_or_an_is_a_thing():
    assert organizations("She missed the season with a torn ACL.") == []


def test_partners_joined_by_an_ampersand_are_a_firm():
    assert organizations("The auditor, Hargrove & Pell, flagged the fund.") == ["Hargrove & Pell"]


def test_a_name_before_a_venue_noun_is_the_venue_business():
    assert organizations("He kept the Copper Kettle club open through two fires.") == [
        "Copper Kettle"
    ]
    assert organizations("Lakeshore Partners, the Millbrook City firm, built it.") == [
        "Lakeshore Partners"
    ]


def test_a_body_named_before_a_place_stops_at_in():
    assert organizations("She taught at Linden Elementary School in Westvale.") == [
        "Linden Elementary School"
    ]


def test_a_court_of_something_is_a_court():
    assert organizations("Her appeal went to the Court of Appeals in June.") == ["Court of Appeals"]


def test_a_title_ending_a_bodys_name_is_part_of_it():
    assert organizations("The Office of the State Comptroller released the audit.") == [
        "Office of the State Comptroller"
    ]


def test_a_union_local_of_a_union_is_one_body():
    assert organizations(
        "Wanda Pierce, president of Local 311 of the United Bakery Workers Union, spoke."
    ) == ["Local 311 of the United Bakery Workers Union"]


def test_days_and_party_members_are_not_bodies():
    assert organizations("The firm and its management company sued Thursday.") == []
    assert organizations("Only one Democrat in the Assembly spoke against it.") == []


def test_a_county_a_descriptor_works_in_is_a_place():
    assert organizations("Ada Quint, a former prosecutor in Lorain County, is running.") == []


def test_more_words_that_end_a_bodys_name():
    assert organizations(
        "Doctors at Fairview Pediatric Associates, the Hillcrest Courier and the Army Corps "
        "of Engineers agreed, as did the Prairie Athletic Conference and Tillman Paper Co."
    ) == [
        "Fairview Pediatric Associates",
        "Hillcrest Courier",
        "Army Corps of Engineers",
        "Prairie Athletic Conference",
        "Tillman Paper Co",
    ]


def test_acronyms_in_a_list_are_each_a_body():
    assert organizations("Agents from the FBI, ATF and DEA searched the house.") == [
        "FBI",
        "ATF",
        "DEA",
    ]


def test_a_place_naming_a_plant_is_not_an_employer():
    extraction = find_quotes(["“Tough day,” said Ruben Ocasio, a welder at the Toledo plant."])
    assert extraction.organizations == []
    assert extraction.people[0].organization == ""
