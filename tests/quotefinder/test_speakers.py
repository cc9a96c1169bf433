"""Who speaks: subjects read around the cue, pronouns, nicknames, relatives, the unnamed."""

from articles.quotefinder import find_quotes


def quotes(*paragraphs, kind="direct"):
    return [q for q in find_quotes(list(paragraphs)).quotes if q.kind == kind]


def speakers(*paragraphs):
    return [q.speaker for q in quotes(*paragraphs)]


def people(*paragraphs):
    return [person.name for person in find_quotes(list(paragraphs)).people]


# --- the subject next to the verb ------------------------------------------------------


def test_the_first_name_among_descriptors_is_the_speaker():
    # "Riverside Commons" at the end of the first descriptor is not the speaker.
    (quote,) = quotes(
        "Nadia Okonkwo, the director of Riverside Commons, a nonprofit that runs the "
        "shelter, said demand had been “off the charts” all winter."
    )
    assert quote.speaker == "Nadia Okonkwo"


def test_a_lawmakers_party_and_town_are_not_a_name():
    found = quotes(
        "“This bill is overdue,” State Sen. Harriet Quill, D-Maple Ridge, the measure’s "
        "sponsor, said on the floor. “So is the money.”"
    )
    assert [q.speaker for q in found] == ["Harriet Quill"]
    assert "D-Maple Ridge" not in people(
        "State Sen. Harriet Quill, D-Maple Ridge, said the bill was overdue."
    )


def test_a_second_who_clause_speaks_for_the_first_antecedent():
    (quote,) = quotes(
        "First through the door was Ambrose Kettering, 79, who has kept a shop on the block "
        "since 1961 and who says the street has not been this busy in “maybe forty years.”"
    )
    assert quote.speaker == "Ambrose Kettering"


def test_saying_after_a_comma_quotes_the_sentence_subject():
    found = quotes(
        "Judge Wilhelmina Pratt overruled Garrick Stone twice.",
        "She later thanked him from the bench, saying, “You made the court work for it.”",
    )
    assert found[0].speaker == "Wilhelmina Pratt"


def test_a_second_verb_joined_by_and_shares_the_first_verbs_subject():
    (quote,) = quotes(
        "Coach Bernadette Ocampo, reached Sunday, said she had watched the tape twice and "
        "called the other team “the best passing side in the state.”"
    )
    assert quote.speaker == "Bernadette Ocampo"


def test_a_promise_in_a_description_is_the_subjects_own_words():
    (quote,) = quotes(
        "Lucinda Marr, a retired nurse who campaigned on a pledge to “answer every phone "
        "call,” won the seat by 212 votes."
    )
    assert quote.speaker == "Lucinda Marr"


def test_a_relative_clause_opened_after_the_verb_owns_the_quote():
    found = quotes(
        "Mayor Desmond Hale, 61, declared victory before supporters at the union hall, "
        "who greeted him with chants of “Four more years!”"
    )
    assert [(q.text, q.speaker) for q in found] == [("Four more years!", None)]


def test_shot_back_and_accused_are_cues():
    found = quotes(
        "Councilwoman Ingrid Salo accused the mayor of “hiding the audit” and Mayor "
        "Desmond Hale shot back that she had “never read a budget.”"
    )
    assert [q.speaker for q in found] == ["Ingrid Salo", "Desmond Hale"]


# --- nobody in particular --------------------------------------------------------------


def test_someone_in_the_crowd_speaks_for_nobody():
    found = quotes(
        "“We will not close a single branch,” Trustee Amos Lindqvist said.",
        "“Then put it in writing!” someone in the back row shouted.",
    )
    assert speakers(
        "“We will not close a single branch,” Trustee Amos Lindqvist said.",
        "“Then put it in writing!” someone in the back row shouted.",
    ) == ["Amos Lindqvist", None]
    assert found[1].verb == "shouted"


def test_a_post_or_statement_that_speaks_as_it_has_no_speaker():
    found = quotes(
        "Director Odile Ferrant said the shelter was full.",
        "The shelter posted an appeal Monday. “We have run out of room,” it began.",
    )
    assert [q.speaker for q in found] == [None]


def test_a_narrator_is_nobody():
    found = quotes(
        "The ad targets Sen. Corbin Faulk.",
        "“Corbin Faulk forgot you,” a narrator intones over footage of empty storefronts.",
    )
    assert [q.speaker for q in found] == [None]


def test_an_unnamed_spokeswoman_opening_a_paragraph_is_not_the_last_woman_quoted():
    found = quotes(
        "“We found the car,” Detective Ines Moravec said.",
        "A spokeswoman for Granite Trust Bank confirmed the robbery. She called the staff "
        "“calm and brave, every one of them.”",
    )
    assert [q.speaker for q in found] == ["Ines Moravec", None]


def test_an_unnamed_shouter_named_later_is_the_speaker():
    found = quotes(
        "Tenants said they woke to a neighbor banging on doors and shouting “Everybody out, "
        "now!” in the stairwell.",
        "That neighbor, Caspar Wendt, 44, a baker, said he smelled smoke on his way in.",
    )
    assert found[0].speaker == "Caspar Wendt"


def test_a_body_written_by_the_start_of_its_name_is_not_a_person():
    found = quotes(
        "About 400 workers at St. Brigid Regional Hospital walked out.",
        "In a statement, St. Brigid said it was “saddened by the decision” and would stay open.",
    )
    assert [q.speaker for q in found] == [None]
    assert "Brigid" not in people(
        "About 400 workers at St. Brigid Regional Hospital walked out.",
        "In a statement, St. Brigid said it was “saddened by the decision” and would stay open.",
    )


def test_a_body_speaking_through_a_partial_quote_keeps_the_quote():
    (quote,) = quotes(
        "The landlord, Halvard Properties, posted a note saying it felt “devastated for our "
        "tenants” and would help them move."
    )
    assert (quote.text, quote.speaker) == ("devastated for our tenants", None)


# --- pronouns --------------------------------------------------------------------------


def test_a_pronoun_goes_on_with_the_subject_of_the_sentence_before():
    found = quotes(
        "Coach Darnell Pike said after the game that Tobias Renner had played through a "
        "sprained wrist.",
        "“I found out at halftime,” he said.",
    )
    assert found[0].speaker == "Darnell Pike"


def test_the_subject_wins_over_a_woman_named_later_in_its_sentence():
    found = quotes(
        "Commissioner Patricia Oyelowo said she had toured the site with Janet Brill.",
        "“I listened to her, and the plan is better for it,” she said.",
    )
    assert found[0].speaker == "Patricia Oyelowo"


def test_a_pronoun_after_someone_named_in_its_own_sentence_means_that_person():
    found = quotes(
        "“I waited every day,” Marguerite Olsen said.",
        "The complaint cites a message a supervisor left for a renter in March, after she asked "
        "about the heat: “keep calling and see what happens”",
    )
    assert found[1].speaker is None


def test_a_subject_of_unknown_gender_beats_an_earlier_man():
    found = quotes(
        "Onstage, Florian Szabo sang the old hymn while he cried.",
        "Director Quillon Abernathy staged the play in the round. In the program he says "
        "that he wanted the audience “at the family table.”",
    )
    assert found[0].speaker == "Quillon Abernathy"


def test_a_subject_introduced_after_a_description_is_still_the_subject():
    found = quotes(
        "“She never lied to us,” Dalia Kovacs said.",
        "The other captain, senior forward Yvette Marchand, missed last season. She posted "
        "a photo with the caption “told you we would be back” on Sunday.",
    )
    assert found[1].speaker == "Yvette Marchand"


# --- names of one person ---------------------------------------------------------------


def test_a_nickname_and_surname_are_the_full_name():
    found = quotes(
        "The diner is run by Rosalia Ferrante and her husband, Bartolomeo “Bart” Ferrante.",
        "Bart Ferrante, who keeps the books, said the loan came through in March.",
        "“The bank laughed at us twice,” he said.",
    )
    assert found[0].speaker == "Bartolomeo Ferrante"
    assert "Bart Ferrante" not in people(
        "The diner is run by Rosalia Ferrante and her husband, Bartolomeo “Bart” Ferrante.",
        "Bart Ferrante, who keeps the books, said the loan came through in March.",
    )


def test_a_relative_named_by_first_name_takes_the_family_name():
    found = quotes(
        "“I have not decided,” said Osgood Pennington, 72, a retired welder. His wife, "
        "Henrietta, said she had.",
        "“That is between me and the ballot box,” she added.",
    )
    assert [q.speaker for q in found] == ["Osgood Pennington", "Henrietta Pennington"]


def test_the_surname_stays_with_the_person_first_named():
    found = quotes(
        "Lazlo Brandvold, 67, and his wife, Ingeborg, hid in the closet.",
        "“We heard the windows go,” Brandvold said.",
    )
    assert found[0].speaker == "Lazlo Brandvold"


def test_a_first_name_that_is_also_a_title_word_is_a_first_name():
    found = quotes(
        "The campaign manager, Dean Fairweather, blamed the tax bill.",
        "“It was an anchor,” Fairweather said.",
    )
    assert found[0].speaker == "Dean Fairweather"


def test_special_agent_is_a_title():
    (quote,) = quotes("“Someone knows him,” said Special Agent Rhoda Killen.")
    assert (quote.speaker, quote.speaker_title) == ("Rhoda Killen", "Special Agent")


def test_an_acronym_before_a_title_is_the_employer_not_a_body_speaking():
    (quote,) = quotes(
        "NVTA General Manager Ulrich Moss, who took over in May, said the board accepted "
        "the findings “without reservation.”"
    )
    assert quote.speaker == "Ulrich Moss"


def test_a_woman_named_after_a_subject_of_unknown_gender_is_she():
    found = quotes(
        "Mayor Quillon Hart thanked Jane Albrecht, a nurse at the clinic.",
        "“It was an honor,” she said.",
    )
    assert found[0].speaker == "Jane Albrecht"


def test_park_can_be_a_surname():
    (quote,) = quotes("“We are disappointed,” CEO Min-ji Park said on a call with analysts.")
    assert (quote.speaker, quote.speaker_title) == ("Min-ji Park", "CEO")


def test_a_short_quote_before_a_cue_stays_a_quote():
    # Whatever stands between the quote and "said", the words are somebody's.
    found = quotes("“Not today,” the retired firefighter from Oak Bluff said.")
    assert [q.text for q in found] == ["Not today,"]


def test_a_neighbor_named_by_first_name_is_the_speaker_but_not_listed():
    extraction = find_quotes(
        [
            "“Taxes will go up,” said Odette Villiers, a retiree.",
            "Her neighbor, Frank, disagreed. “We need the investment,” he said.",
        ]
    )
    assert [q.speaker for q in extraction.quotes] == ["Odette Villiers", "Frank"]
    assert [person.name for person in extraction.people] == ["Odette Villiers"]
