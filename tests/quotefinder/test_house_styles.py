"""Speakers in the shapes different desks write them: quotes introduced by a colon, stories
that open on a quote, families sharing a surname, courtesy titles, one-word partial quotes,
findings of reports, and the organizations that come with them."""

from articles.quotefinder import find_quotes


def quotes(*paragraphs):
    return [q for q in find_quotes(list(paragraphs)).quotes if q.kind == "direct"]


def organizations(*paragraphs):
    return [body.name for body in find_quotes(list(paragraphs)).organizations]


# --- quotes introduced by a colon --------------------------------------------------------


def test_said_before_its_subject_and_a_colon_names_the_speaker():
    (quote,) = quotes(
        "Said ferry captain Odile Marchbanks, who has worked the crossing since 1998: "
        "“Fog is the only boss I listen to.”"
    )
    assert quote.speaker == "Odile Marchbanks"


def test_the_sentence_subject_introduces_their_own_words_with_a_colon():
    (quote,) = quotes(
        "Harbor pilot Tobias Wrenfield stood at the rail for a minute.",
        "Asked about the new channel markers, Wrenfield didn't hesitate: “They are in the "
        "wrong place.”",
    )
    assert quote.speaker == "Tobias Wrenfield"


def test_a_pronoun_after_an_opening_clause_introduces_the_words():
    found = quotes(
        "Magistrate Priya Vandermolen heard the last witness at noon.",
        "Before recessing, she addressed the families: “Nobody in this room wanted to be "
        "here today.”",
    )
    assert found[0].speaker == "Priya Vandermolen"


# --- a quote standing alone, named in the next paragraph --------------------------------


def test_a_story_opening_on_a_quote_names_its_speaker_next():
    found = quotes(
        "“The river tells you when it is angry. You just have to listen.”",
        "Marguerite Tollefsen has listened to the Skeel River for 40 years from her porch.",
    )
    assert found[0].speaker == "Marguerite Tollefsen"


def test_that_was_names_the_speaker_of_the_quote_above():
    found = quotes(
        "“I think it went well,” said Warden Hollis Brame.",
        "“The water came in under the door. Then it came in through the floor.”",
        "That was Ingrid Solvang, 58, who spent the night on her kitchen counter.",
    )
    assert [q.speaker for q in found] == ["Hollis Brame", "Ingrid Solvang"]


def test_a_lone_quote_later_in_a_story_is_not_given_to_the_next_paragraphs_subject():
    found = quotes(
        "“We start at dawn,” said Rosalind Pike, who runs the orchard.",
        "“Nobody picks in the heat.”",
        "Clement Arbuthnot drives the tractor.",
    )
    assert [q.speaker for q in found] == ["Rosalind Pike", "Rosalind Pike"]


# --- families sharing a surname ---------------------------------------------------------


def test_a_bare_surname_stays_with_the_person_the_story_is_about():
    found = quotes(
        "Dr. Ignatius Farrow will close his dental office this month. His daughter, Dr. "
        "Beatrix Farrow, will open her own practice across town.",
        "“I pulled my first tooth in 1979,” Farrow said. “I have lost count since.”",
    )
    assert found[0].speaker == "Ignatius Farrow"


def test_a_courtesy_title_picks_the_relative_of_that_gender():
    found = quotes(
        "Desmond Calloway, a retired machinist, bakes the bread.",
        "Theodora Calloway, who runs the register, counts the change.",
        "“She burns one tray a week on purpose,” Mr. Calloway said.",
    )
    assert found[0].speaker == "Desmond Calloway"


def test_a_relative_opening_a_sentence_is_who_he_or_she_refers_to():
    found = quotes(
        "Among the speakers were Fire Capt. Anselm Quade and his son, Felix, a junior at "
        "the high school.",
        "“Fix the roof first,” Anselm Quade told the board.",
        "His son stood up next. “Keep us together,” he said.",
    )
    assert [q.speaker for q in found] == ["Anselm Quade", "Felix Quade"]


def test_her_husband_is_the_man_who_shares_her_surname():
    found = quotes(
        "In the shelter, Greta and Oskar Lindqvist shared a cot.",
        "“We left with the dog and the photo albums,” Greta Lindqvist said.",
        "Her husband shrugged. “I would have taken the dog,” he said.",
    )
    assert [q.speaker for q in found] == ["Greta Lindqvist", "Oskar Lindqvist"]


def test_the_younger_and_the_elder_tell_parent_and_child_apart():
    found = quotes(
        "Rev. Josiah Wendell Ames has led the congregation since 1988. His daughter, Rev. "
        "Lydia Ames, will succeed him in June.",
        "The younger Rev. Ames says she learned to preach by “watching him lose his notes.”",
        "“She never loses hers,” the elder Ames said.",
    )
    assert [q.speaker for q in found] == ["Lydia Ames", "Josiah Wendell Ames"]


def test_two_given_names_share_the_surname_after_them():
    found = quotes(
        "The shop belongs to the sisters Margaret and Louise Brezina.",
        "“Louise does the books,” Margaret said.",
    )
    assert found[0].speaker == "Margaret Brezina"


# --- partial quotes inside a sentence ---------------------------------------------------


def test_a_who_clause_after_a_name_and_age_quotes_the_antecedent():
    (quote,) = quotes(
        "Among the regulars was Anselm Brody, 81, who said he has eaten there “every "
        "Friday since the Carter administration.”"
    )
    assert quote.speaker == "Anselm Brody"


def test_a_one_word_quote_after_called_is_the_callers():
    found = quotes(
        "Trustee Wilhelmina Okonjo called the budget “reckless” and said the district had "
        "“never once asked the parents.”"
    )
    assert [q.speaker for q in found] == ["Wilhelmina Okonjo", "Wilhelmina Okonjo"]


def test_a_one_word_scare_quote_with_no_speaker_is_not_a_quote():
    assert quotes("The so-called “renovation” left the lobby without a ceiling.") == []


def test_words_in_a_that_clause_belong_to_the_writer():
    (quote,) = quotes(
        "In an email, Dagny Halvorsen wrote that the museum's new wing reflected “a "
        "generation of patient fundraising.”"
    )
    assert quote.speaker == "Dagny Halvorsen"


def test_a_person_of_a_body_speaks_for_themselves():
    (quote,) = quotes(
        "The tenants’ lawyer, Ezekiel Marsh of the Brookfield Housing Clinic, called the "
        "decision “a long time coming.”"
    )
    assert quote.speaker == "Ezekiel Marsh"


def test_a_finding_of_an_audit_has_no_speaker():
    (quote,) = quotes(
        "The review, by the Ostrander Office of the County Auditor, found “significant "
        "gaps” in how the parks department tracks overtime."
    )
    assert quote.speaker is None


def test_words_said_aloud_before_an_adverb_are_a_quote():
    (quote,) = quotes("Brannock turned to the jury and said “I was wrong” twice.")
    assert quote.text == "I was wrong"


# --- organizations ----------------------------------------------------------------------


def test_a_firm_of_partners_opening_a_sentence_keeps_both_names():
    assert organizations("Haskell & Drummond Builders LLC bought the lot in May.") == [
        "Haskell & Drummond Builders LLC"
    ]


def test_a_person_described_by_their_trade_is_not_a_company():
    assert (
        organizations(
            "Her brother, Tomasz Wierzbicki, a software developer who lives in Duluth, said "
            "little. Her uncle, retired contractor Bogdan Wierzbicki, said less."
        )
        == []
    )


def test_a_general_manager_does_not_make_a_town_a_city_government():
    assert "City of Pell Harbor" not in organizations(
        "Reached by phone, Pell Harbor general manager Ivo Ranta said the ferry would run "
        "“the day we can staff it.”"
    )


def test_a_report_by_an_institute_finds_without_a_speaker():
    (quote,) = quotes(
        "A study by the Marrowfield Center for Rural Policy found that the grants "
        "“rarely reach the smallest towns.”"
    )
    assert quote.speaker is None


def test_the_last_word_of_a_firms_name_is_not_a_person():
    (quote,) = quotes(
        "Ostrowski & Hale bought the warehouse in June. A spokesperson for Ostrowski & Hale "
        "said the company had “nothing to announce” about the building."
    )
    assert quote.speaker is None


def test_supporter_before_a_name_is_a_role_not_a_first_name():
    (quote,) = quotes(
        "Supporter Imelda Sorensen, 64, waved a sign. “We are not done yet,” Sorensen said."
    )
    assert quote.speaker == "Imelda Sorensen"


def test_a_possessive_opening_a_sentence_makes_its_owner_the_subject():
    found = quotes(
        "Assessor Bertrand Lyle said the new values were final.",
        "Tax lawyer Odalys Brennerman said owners could still appeal.",
        "Lyle’s advice for worried owners is to wait for the bills. “Nothing is due yet,” he said.",
    )
    assert found[0].speaker == "Bertrand Lyle"


def test_a_relative_named_after_a_possessive_is_the_subject():
    found = quotes(
        "Warden Ottoline Grieve said the review would take a month.",
        "Brasher’s sister, Wilma Brasher, said the family had hired a lawyer. “We want "
        "answers,” she said.",
    )
    assert found[0].speaker == "Wilma Brasher"
