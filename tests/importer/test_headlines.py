from articles.headlines import MAX_LENGTH, provisional_headline

LEAD = (
    "Following Hartford’s 21st homicide of the year, some faith-based and community "
    "organizations are saying enough is enough."
)


def test_long_lead_loses_its_leading_clause():
    assert provisional_headline([LEAD]) == (
        "Some faith-based and community organizations are saying enough is enough"
    )


def test_short_first_sentence_is_used_whole_without_its_period():
    assert provisional_headline(["The council passed the budget. It took six hours."]) == (
        "The council passed the budget"
    )


def test_abbreviations_do_not_end_the_sentence():
    headline = provisional_headline(["Dr. Ana Ruiz of Hartford, Conn. was named to the board."])
    assert headline == "Dr. Ana Ruiz of Hartford, Conn. was named to the board"


def test_very_long_sentence_is_cut_at_a_whole_word_and_never_on_a_little_word():
    words = " ".join(["residents"] * 5 + ["and"] + ["neighbors"] * 30)
    headline = provisional_headline([words])
    assert len(headline) <= MAX_LENGTH
    assert not headline.endswith(" and")
    assert all(word in {"residents", "neighbors", "and"} for word in headline.split())


def test_blank_and_markdown_leads():
    assert provisional_headline(["", "  ", "**Breaking:** water main bursts downtown"]) == (
        "Breaking: water main bursts downtown"
    )
    assert provisional_headline([]) == "Untitled story"
