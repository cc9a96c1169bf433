"""What counts as a quotation: titles, labels, signs, lists and second parts of a sentence."""

from articles.quotefinder import find_quotes


def quotes(*paragraphs):
    return [q for q in find_quotes(list(paragraphs)).quotes if q.kind == "direct"]


def texts(*paragraphs):
    return [q.text for q in quotes(*paragraphs)]


def test_a_title_cased_name_nobody_says_is_a_title():
    assert (
        texts(
            "The show fills three galleries of the Lakeview Art Museum in “Salt, Smoke and "
            "Silver: Photographs of the Harbor,” its largest exhibition in a decade."
        )
        == []
    )


def test_a_quoted_title_that_goes_on_as_a_subject_is_a_title():
    assert (
        texts(
            "The librarian said “The Orchard Keepers” had been borrowed 41 times without a "
            "complaint."
        )
        == []
    )


def test_a_hymn_or_an_anthem_is_a_work():
    assert texts("The choir closes with an old hymn, “Abide With Me.”") == []


def test_what_a_person_called_something_is_a_quote():
    (quote,) = quotes(
        "Prescott Vane said he had dreaded what he called “a museum of my own mistakes.”"
    )
    assert (quote.text, quote.speaker) == ("a museum of my own mistakes.", "Prescott Vane")


def test_a_label_someone_is_called_is_not_a_quote():
    assert texts("Wendell Shaw said he resented being called a “NIMBY.”") == []


def test_a_second_quote_in_an_attributed_sentence_is_a_quote_too():
    found = quotes(
        "In an email, Alderwoman Imelda Ruiz wrote that she shared “the frustration of "
        "parents” and that the council would “find the money.”"
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("the frustration of parents", "Imelda Ruiz"),
        ("find the money.", "Imelda Ruiz"),
    ]


def test_every_sign_in_a_list_is_quoted():
    assert texts(
        "Signs read “Staff Our Wards” and “Ask Me About My Last Shift.”",
    ) == ["Staff Our Wards", "Ask Me About My Last Shift."]
    assert texts('Signs read "Books Not Bullets," "Keep Westside Open" and more.') == [
        "Books Not Bullets,",
        "Keep Westside Open",
    ]


def test_the_words_of_a_banner_are_quoted():
    found = quotes("The post opened with the words “LAST CHANCE” in red letters.")
    assert [(q.text, q.speaker) for q in found] == [("LAST CHANCE", None)]


def test_a_coinage_before_a_cue_is_still_a_coinage():
    assert texts("A “housing first” pilot the mayor said would start in May stalled.") == []


def test_a_banner_that_ends_a_sentence_is_quoted():
    assert texts("Protesters unrolled a banner: “NO MORE CUTS.”") == ["NO MORE CUTS."]
