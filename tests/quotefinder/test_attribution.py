"""Who said it: cue shapes, verbs, channels, resolution, and what is not a quote."""

from articles.quotefinder import find_quotes


def quotes(*paragraphs, kind="direct"):
    return [q for q in find_quotes(list(paragraphs)).quotes if q.kind == kind]


def test_said_before_the_name_with_descriptor():
    (quote,) = quotes(
        "“We need action,” said Kelvin Lovejoy, Lead community organizer at Blue Hill "
        "Civic Association."
    )
    assert quote.speaker == "Kelvin Lovejoy"
    assert quote.speaker_title == "Lead community organizer"
    assert quote.speaker_org == "Blue Hill Civic Association"
    assert quote.verb == "said"


def test_name_before_said():
    (quote,) = quotes("“We are ready,” Archbishop Dexter Burke said.")
    assert (quote.speaker, quote.speaker_title) == ("Dexter Burke", "Archbishop")


def test_descriptor_between_name_and_verb():
    (quote,) = quotes(
        "“The pipes are old,” Mairchal Monts, pastor at the Citadel of Love, said Tuesday."
    )
    assert (quote.speaker, quote.speaker_title, quote.speaker_org) == (
        "Mairchal Monts",
        "pastor",
        "Citadel of Love",
    )


def test_quote_split_around_its_attribution_is_one_quote():
    (quote,) = quotes("“We listened,” Mayor Ana Ruiz said. “And we moved.”")
    assert quote.text == "We listened, And we moved."
    assert quote.speaker == "Ana Ruiz"


def test_two_attributed_quotes_in_a_paragraph_stay_apart():
    found = quotes("“Yes,” Ana Ruiz said. “No,” Derek Whitfield said.")
    assert [q.speaker for q in found] == ["Ana Ruiz", "Derek Whitfield"]


def test_surname_resolves_to_the_full_name_introduced_earlier():
    found = quotes(
        "Hartford Police Chief Jason Thody spoke Monday.",
        "“We work closely with victims,” Thody wrote.",
    )
    assert found[0].speaker == "Jason Thody"
    assert (found[0].speaker_title, found[0].speaker_org) == (
        "Police Chief",
        "Hartford Police Department",
    )


def test_pronoun_resolves_to_the_person_of_matching_gender():
    found = quotes(
        "Council President Harold Osei and Councilmember Rachel Lindgren clashed.",
        "“Overtime has come in over budget every single year,” she said.",
    )
    assert found[0].speaker == "Rachel Lindgren"


def test_pronoun_gender_is_learned_from_an_earlier_pronoun():
    found = quotes(
        "Mairchal Monts said in a statement that he appreciates the chief.",
        "Jordan Ellis, a neighbor, said she was relieved.",
        "“It could have been worse,” he said.",
    )
    assert found[0].speaker == "Mairchal Monts"


def test_pronoun_without_gender_clues_takes_the_latest_person():
    found = quotes(
        "Mairchal Monts, pastor at the Citadel of Love, spoke first.",
        "“We cannot blame the police,” they said.",
    )
    assert found[0].speaker == "Mairchal Monts"


def test_follow_on_paragraph_keeps_the_previous_speaker():
    found = quotes(
        "“They had this plan for months,” Tomás Echeverría said.",
        "“My youngest cried when I told her. She thinks she did something wrong.”",
    )
    assert [q.speaker for q in found] == ["Tomás Echeverría", "Tomás Echeverría"]
    assert found[1].confidence < found[0].confidence


def test_quote_over_paragraphs_after_a_colon_cue():
    found = quotes(
        "The Rev. Clarence Whitmore told the crowd:",
        "“We are not here to burn anything down.",
        "“We want an answer from this city.”",
    )
    assert len(found) == 1
    assert found[0].speaker == "Clarence Whitmore"
    assert (found[0].paragraph, found[0].end_paragraph) == (1, 2)


def test_verbs_beyond_said_are_recognised():
    for verb in ("wrote", "told reporters", "added", "asked", "explained", "insisted", "tweeted"):
        (quote,) = quotes(f"“Enough is enough,” Ana Ruiz {verb}.")
        assert quote.speaker == "Ana Ruiz", verb
        assert quote.verb == verb.split()[0]


def test_according_to_attributes_a_quote():
    (quote,) = quotes(
        "“We were not consulted,” according to Raymond Szymanski, president of United "
        "Steelworkers Local 4412."
    )
    assert (quote.speaker, quote.verb) == ("Raymond Szymanski", "according to")
    assert quote.speaker_org == "United Steelworkers Local 4412"


def test_channel_is_recorded():
    (quote,) = quotes("“We will rebuild,” Ana Ruiz said in a statement to NBC Connecticut.")
    assert quote.channel == "in a statement to NBC Connecticut"
    (quote,) = quotes("“We will rebuild,” Ana Ruiz told reporters.")
    assert quote.channel == "told reporters"


def test_reported_speech_is_an_indirect_quote():
    (quote,) = quotes(
        "In a statement to NBC Connecticut, Chief Jason Thody wrote that the department "
        "has implemented several programs.",
        kind="indirect",
    )
    assert quote.speaker == "Jason Thody"
    assert quote.text == "the department has implemented several programs"
    assert quote.channel == "in a statement to NBC Connecticut"


def test_partial_quote_inside_a_sentence_is_attributed_to_its_subject():
    found = quotes(
        "Councilmember Derek Whitfield, who voted no, called the measure “a disaster for "
        "renters” and left."
    )
    assert [(q.text, q.speaker) for q in found] == [("a disaster for renters", "Derek Whitfield")]


def test_scare_quotes_and_titles_of_works_are_not_quotes():
    assert quotes("The city approved so-called “affordable” units last year.") == []
    assert quotes("The Millbrook Players will stage “Our Town” this weekend.") == []
    assert quotes("The group runs what it calls “judgment-free” testing.") == []


def test_nickname_between_names_is_not_a_quote_and_not_part_of_the_name():
    extraction = find_quotes(["Robert “Bobby” Hill, who ran the club for 31 years, died Saturday."])
    assert extraction.quotes == []
    assert [person.name for person in extraction.people] == ["Robert Hill"]


def test_chants_and_signs_are_quotes_without_a_speaker():
    found = quotes("Marchers chanted “Say his name!” outside headquarters.")
    assert [(q.text, q.speaker, q.confidence) for q in found] == [("Say his name!", None, 0.0)]


def test_an_unnamed_speaker_is_not_named():
    found = quotes(
        "Theo Papadakis runs the van.",
        "A woman who asked that her name not be used said the staff saved her brother.",
        "“They just brought him back,” she said.",
    )
    assert found[0].speaker is None


def test_a_company_speaking_has_no_person_as_speaker():
    found = quotes(
        "Hollister Manufacturing will close its plant.",
        "In a statement, Hollister said the decision followed “a review of our footprint” "
        "and nothing else.",
    )
    assert found[0].speaker is None
