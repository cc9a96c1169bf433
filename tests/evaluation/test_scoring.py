"""The scoring behind ``evaluate_attribution``: plain functions, no database."""

import re

import pytest

from articles.evaluation import (
    FileScore,
    TokenisedArticle,
    format_report,
    locate_quote,
    normalise_name,
    organization_keys,
    score_file,
    summarise,
    tokenise,
)

PARAGRAPHS = [
    "The council voted on Monday to cap rents.",
    "“What we need is action,” said Mayor Ana Ruiz. “We need more.”",
    "Councilmember Derek Whitfield called the plan “a disaster for renters” and left.",
    "“We will keep fighting,” said José Ramírez, a tenant organizer.",
]
# Word positions: paragraph 0 holds 0–7, paragraph 1 holds 8–19, paragraph 2 holds 20–31 and
# paragraph 3 holds 32–41. The gold quotes cover 8–12 and 17–19 ("What we need is action",
# "We need more"), 26–29 ("a disaster for renters") and 32–35 ("We will keep fighting"):
# 16 words in all.

GOLD = {
    "quotes": [
        {
            "text": "What we need is action, We need more.",
            "speaker": "Ana Ruiz",
            "speaker_title": "Mayor",
            "speaker_org": "",
            "paragraph": 1,
        },
        {
            "text": "a disaster for renters",
            "speaker": "Derek Whitfield",
            "speaker_title": "Councilmember",
            "speaker_org": "",
            "paragraph": 2,
        },
        {
            "text": "We will keep fighting,",
            "speaker": "José Ramírez",
            "speaker_title": "tenant organizer",
            "speaker_org": "",
            "paragraph": 3,
        },
    ],
    "people": ["Ana Ruiz", "Derek Whitfield", "José Ramírez"],
    "organizations": ["Millbrook City Council", "Hartford Police Department"],
}


def make_prediction(**overrides):
    """A copy of the gold as the finder would return it, with some keys replaced."""
    prediction = {
        "quotes": [{**quote, "kind": "direct"} for quote in GOLD["quotes"]],
        "people": list(GOLD["people"]),
        "organizations": list(GOLD["organizations"]),
    }
    prediction.update(overrides)
    return prediction


def positions(text, paragraph, paragraphs=PARAGRAPHS):
    return sorted(locate_quote(text, paragraph, TokenisedArticle.from_paragraphs(paragraphs)))


def test_perfect_prediction_scores_one_everywhere():
    score = score_file("perfect", PARAGRAPHS, GOLD, make_prediction())

    assert (score.quote_tp, score.quote_fp, score.quote_fn) == (16, 0, 0)
    assert score.quote_f1 == score.speaker_accuracy == 1.0
    assert score.people_f1 == score.org_f1 == 1.0


def test_missing_quote_lowers_recall_by_its_words():
    quotes = make_prediction()["quotes"]
    score = score_file("missing", PARAGRAPHS, GOLD, make_prediction(quotes=quotes[:2]))

    # "We will keep fighting" is 4 of the 16 gold words.
    assert (score.quote_tp, score.quote_fp, score.quote_fn) == (12, 0, 4)
    assert score.quote_precision == 1.0
    assert score.quote_recall == pytest.approx(12 / 16)
    assert score.quote_f1 == pytest.approx(2 * (12 / 16) / (1 + 12 / 16))
    assert (score.speaker_correct, score.speaker_total) == (2, 3)


def test_words_claimed_outside_quotes_lower_precision():
    extra = {"text": "The council voted", "speaker": None, "paragraph": 0, "kind": "direct"}
    prediction = make_prediction(quotes=[*make_prediction()["quotes"], extra])

    score = score_file("extra", PARAGRAPHS, GOLD, prediction)

    assert (score.quote_tp, score.quote_fp, score.quote_fn) == (16, 3, 0)
    assert score.quote_precision == pytest.approx(16 / 19)


def test_wrong_speaker_lowers_speaker_accuracy_only():
    quotes = make_prediction()["quotes"]
    quotes[1]["speaker"] = "Ana Ruiz"

    score = score_file("wrong speaker", PARAGRAPHS, GOLD, make_prediction(quotes=quotes))

    assert score.quote_f1 == 1.0
    assert (score.speaker_correct, score.speaker_total) == (2, 3)
    assert score.speaker_accuracy == pytest.approx(2 / 3)


def test_surname_alone_is_not_the_speaker():
    quotes = make_prediction()["quotes"]
    quotes[0]["speaker"] = "Ruiz"

    score = score_file("surname", PARAGRAPHS, GOLD, make_prediction(quotes=quotes))

    assert score.speaker_correct == 2


def test_speaker_needs_a_quote_covering_more_than_half():
    quotes = make_prediction()["quotes"]
    quotes[0]["text"] = "We need more."  # 3 of the gold quote's 8 words

    score = score_file("short", PARAGRAPHS, GOLD, make_prediction(quotes=quotes))

    assert score.quote_fn == 5
    assert score.speaker_correct == 2


def test_indirect_quotes_are_not_scored():
    quotes = make_prediction()["quotes"]
    quotes[2]["kind"] = "indirect"

    score = score_file("indirect", PARAGRAPHS, GOLD, make_prediction(quotes=quotes))

    assert score.quote_fn == 4
    assert score.speaker_correct == 2


def test_null_gold_speaker_wants_no_predicted_speaker():
    paragraphs = ["Marchers chanted “Say his name!” outside."]
    gold = {"quotes": [{"text": "Say his name!", "speaker": None, "paragraph": 0}]}
    silent = {"quotes": [{"text": "Say his name!", "speaker": "", "paragraph": 0}]}
    guessed = {"quotes": [{"text": "Say his name!", "speaker": "Ana Ruiz", "paragraph": 0}]}

    assert score_file("silent", paragraphs, gold, silent).speaker_accuracy == 1.0
    assert score_file("guessed", paragraphs, gold, guessed).speaker_accuracy == 0.0


def test_split_quote_skips_its_attribution():
    assert positions("What we need is action, We need more.", 1) == [8, 9, 10, 11, 12, 17, 18, 19]


def test_partial_quote_lands_on_its_own_words_not_earlier_ones():
    paragraphs = ["He said the city had to act, then called the plan “the worst plan in years.”"]

    # Matching word by word from the left would take "the city" for the first word.
    assert positions("the worst plan in years.", 0, paragraphs) == [11, 12, 13, 14, 15]
    assert positions("a disaster for renters", 2) == [26, 27, 28, 29]


def test_quote_over_several_paragraphs_crosses_them():
    paragraphs = [
        "Ms. Ruiz said:",
        "“We will not back down. Not this year.",
        "“Not next year either.”",
    ]

    quote = "We will not back down. Not this year. Not next year either."

    # Paragraph 1 holds words 3–10, paragraph 2 words 11–14; nothing lies between them.
    assert positions(quote, 1, paragraphs) == list(range(3, 15))


def test_quote_is_looked_for_everywhere_when_not_in_its_paragraph():
    assert positions("We will keep fighting,", 0) == [32, 33, 34, 35]


def test_unknown_words_in_a_predicted_quote_are_skipped():
    assert positions("What we really need is action", 1) == [8, 9, 10, 11, 12]


def test_tokens_ignore_case_accents_and_apostrophe_style():
    assert tokenise("José’s ÉCOLE can't") == ["jose's", "ecole", "can't"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("José Ramírez", "jose ramirez"),
        ("José Ramírez", "JOSÉ  RAMÍREZ"),
        ("Dexter Burke", "Archbishop Dexter Burke"),
        ("Clarence Whitmore", "The Rev. Dr. Clarence Whitmore"),
        ("J.R. Castillo", "J. R. Castillo"),
        ("Bridget O'Sullivan", "Bridget O’Sullivan"),
        ("Lorraine Okafor-Bennett", "Lorraine Okafor Bennett"),
    ],
)
def test_names_compare_without_case_accents_punctuation_or_honorifics(one, other):
    assert normalise_name(one) == normalise_name(other)


def test_name_suffixes_and_titles_still_count():
    assert normalise_name("Darnell Washington Jr.") != normalise_name("Darnell Washington")
    assert normalise_name("Mayor Ana Ruiz") != normalise_name("Ana Ruiz")


def test_accented_speakers_and_people_match_plain_spellings():
    quotes = make_prediction()["quotes"]
    quotes[2]["speaker"] = "JOSE RAMIREZ"
    people = ["ana ruiz", "Derek Whitfield", "Jose Ramirez"]
    prediction = make_prediction(quotes=quotes, people=people)

    score = score_file("accents", PARAGRAPHS, GOLD, prediction)

    assert score.speaker_accuracy == 1.0
    assert (score.people_tp, score.people_fp, score.people_fn) == (3, 0, 0)


def test_organizations_match_without_leading_the_or_generic_ending():
    prediction = make_prediction(organizations=["the Millbrook City Council", "Hartford Police"])

    score = score_file("orgs", PARAGRAPHS, GOLD, prediction)

    assert (score.org_tp, score.org_fp, score.org_fn) == (2, 0, 0)
    assert organization_keys("Hartford Police Department") & organization_keys("Hartford Police")


def test_each_organization_is_matched_once():
    prediction = make_prediction(
        organizations=["Hartford Police", "Hartford Police Department", "Millbrook Planning Board"]
    )

    score = score_file("orgs", PARAGRAPHS, GOLD, prediction)

    assert (score.org_tp, score.org_fp, score.org_fn) == (1, 2, 1)
    assert score.org_precision == pytest.approx(1 / 3)
    assert score.org_recall == pytest.approx(1 / 2)


def test_summary_adds_counts_before_dividing():
    scores = [
        FileScore("a", quote_tp=9, quote_fp=1, speaker_correct=1, speaker_total=1),
        FileScore("b", quote_tp=1, quote_fn=9, speaker_correct=0, speaker_total=3),
    ]

    summary = summarise(scores)

    assert summary.files == 2
    assert summary.quote_precision == pytest.approx(10 / 11)
    assert summary.quote_recall == pytest.approx(10 / 19)
    assert summary.speaker_accuracy == pytest.approx(1 / 4)


def test_worst_files_are_the_five_lowest_by_quote_f1_plus_speaker_accuracy():
    scores = [
        FileScore(f"{n:03d}", quote_tp=n, quote_fn=10 - n, speaker_correct=1, speaker_total=1)
        for n in range(10, 2, -1)
    ]

    worst = summarise(scores).worst

    assert [score.name for score in worst] == ["003", "004", "005", "006", "007"]


def test_report_ends_with_the_four_headline_figures():
    score = score_file("perfect", PARAGRAPHS, GOLD, make_prediction())
    missing = score_file("missing", PARAGRAPHS, GOLD, make_prediction(people=["Ana Ruiz"]))

    report = format_report(summarise([score, missing]))

    last = report.splitlines()[-1]
    assert re.fullmatch(
        r"quote_f1=\d\.\d{3} speaker_acc=\d\.\d{3} people_f1=\d\.\d{3} org_f1=\d\.\d{3}", last
    )
    # People: 4 of 6 found, none wrong, so F1 = 2 * 1 * (2/3) / (1 + 2/3) = 0.8.
    assert last == "quote_f1=1.000 speaker_acc=1.000 people_f1=0.800 org_f1=1.000"
    assert "missing" in report
