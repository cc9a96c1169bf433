"""Reading names, honorifics, titles and descriptors."""

from articles.quotefinder import find_quotes
from articles.quotefinder.descriptors import read_descriptor
from articles.quotefinder.names import parse_person_phrase, surname_of


def test_archbishop_is_an_honorific_not_a_first_name():
    parts = parse_person_phrase("Archbishop Dexter Burke")
    assert (parts.name, parts.honorific, parts.title) == ("Dexter Burke", "Archbishop", "")


def test_place_before_a_police_title_names_the_department():
    parts = parse_person_phrase("Hartford Police Chief Jason Thody")
    assert parts.name == "Jason Thody"
    assert parts.title == "Police Chief"
    assert parts.organization == "Hartford Police Department"


def test_body_before_a_title_is_the_employer():
    parts = parse_person_phrase("Eastfield Board of Education President Gwen Adebayo-Marsh")
    assert (parts.name, parts.title) == ("Gwen Adebayo-Marsh", "President")
    assert parts.organization == "Eastfield Board of Education"


def test_rank_before_a_name_is_an_honorific():
    parts = parse_person_phrase("Sgt. Renee Fitzgerald")
    assert (parts.name, parts.honorific, parts.title) == ("Renee Fitzgerald", "Sgt.", "")


def test_lower_case_title_with_modifier_is_kept_whole():
    assert parse_person_phrase("state Sen. Jane Doe").title == "state Sen."


def test_particles_initials_and_suffixes_belong_to_the_name():
    assert parse_person_phrase("Sven Van der Berg").name == "Sven Van der Berg"
    assert parse_person_phrase("J.R. Castillo").name == "J.R. Castillo"
    assert parse_person_phrase("Walter Prescott Sr.").name == "Walter Prescott Sr."
    assert surname_of("Walter Prescott Sr.") == "Prescott"


def test_unlisted_job_word_before_a_known_first_name_is_a_title():
    parts = parse_person_phrase("Lifeguard Maya Tran")
    assert (parts.name, parts.title) == ("Maya Tran", "Lifeguard")


def test_organization_names_are_not_people():
    assert parse_person_phrase("Blue Hill Civic Association") is None
    assert parse_person_phrase("Hartford’s") is None


def test_gender_comes_from_honorific_or_first_name():
    assert parse_person_phrase("Mrs. Alvarez").gender == "f"
    assert parse_person_phrase("Kelvin Lovejoy").gender == "m"
    assert parse_person_phrase("Mairchal Monts").gender == ""


def test_descriptor_gives_title_and_organization():
    found = read_descriptor(", Lead community organizer at Blue Hill Civic Association.")
    assert (found.title, found.organization) == (
        "Lead community organizer",
        "Blue Hill Civic Association",
    )


def test_descriptor_drops_the_leading_the_of_an_organization():
    found = read_descriptor(", pastor at the Citadel of Love, said")
    assert (found.title, found.organization) == ("pastor", "Citadel of Love")


def test_descriptor_reads_past_an_age():
    found = read_descriptor(", 58, the owner of Pruitt Pipe & Paving, was found guilty")
    assert found.organization == "Pruitt Pipe & Paving"
    assert found.personal


def test_descriptor_with_organization_first():
    found = read_descriptor(", a Blue Hill Civic Association organizer, said")
    assert (found.title, found.organization) == ("organizer", "Blue Hill Civic Association")


def test_relative_clause_is_personal_but_no_role():
    found = read_descriptor(", who lives on Garden Street, said")
    assert found.personal and not found.title and not found.organization


def people(*paragraphs):
    return [person.name for person in find_quotes(list(paragraphs)).people]


def test_a_titled_person_named_in_a_possessive_is_listed():
    assert people("Mayor Rutherford Gale’s office did not respond.") == ["Rutherford Gale"]


def test_a_plural_title_before_a_list_belongs_to_each_name():
    extraction = find_quotes(["Opposed were council members Ivo Stern and Mina Lund, who lost."])
    assert [(p.name, p.title) for p in extraction.people] == [
        ("Ivo Stern", "council member"),
        ("Mina Lund", "council member"),
    ]


def test_a_dateline_is_neither_a_person_nor_a_body():
    extraction = find_quotes(["GRANITE FALLS — Felix Amundsen, the owner, said it would close."])
    assert [p.name for p in extraction.people] == ["Felix Amundsen"]
    assert extraction.organizations == []


def test_vessels_numbered_bills_and_places_are_not_people():
    assert people("Five men died aboard the trawler Mary Ellen, the report said.") == []
    assert people("The measure, House Bill 2210, would cap rates, the report said.") == []
    assert people("A plant in Cedar Falls, said the report, is to blame.") == []
    assert people("Tenants of Harbor Towers, a 20-story building, sued.") == []


def test_a_descriptive_opening_is_not_a_description_of_the_next_name():
    assert people("For three quarters Friday night, Eastbrook Central could not score.") == []


def test_a_wire_dateline_with_its_agency_is_set_aside():
    extraction = find_quotes(["BOSTON (AP) — Nadine Ortiz, the owner, said it would close."])
    assert [p.name for p in extraction.people] == ["Nadine Ortiz"]
    assert extraction.organizations == []
