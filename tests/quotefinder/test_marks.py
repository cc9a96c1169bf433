"""Pairing quotation marks: curly, straight, mixed, nested and over several paragraphs."""

from articles.quotefinder.marks import CLOSE, OPEN, find_quoted_spans, mask_quotes


def texts(paragraphs):
    return [span.text(paragraphs) for span in find_quoted_spans(paragraphs)]


def test_curly_marks_pair_into_one_span():
    assert texts(["“We are ready,” she said."]) == ["We are ready,"]


def test_straight_marks_open_after_a_space_and_close_before_one():
    assert texts(['He said, "Go home." Then "stay home," she said.']) == [
        "Go home.",
        "stay home,",
    ]


def test_mixed_marks_open_curly_and_close_straight():
    paragraph = '“(Police) will learn," Burke said. "They need to listen.”'
    assert texts([paragraph]) == ["(Police) will learn,", "They need to listen."]


def test_single_quotes_inside_double_quotes_stay_in_the_quote():
    paragraph = "“He told me, ‘Go home,’ and I did,” Lopez said."
    assert texts([paragraph]) == ["He told me, ‘Go home,’ and I did,"]


def test_apostrophes_are_not_quotation_marks():
    assert texts(["The city’s plan, ’90s style, won’t pass."]) == []


def test_quote_over_paragraphs_opens_each_and_closes_only_at_the_end():
    paragraphs = ["“We want the tapes.", "“We want the names.", "“And we want an answer.”"]
    spans = find_quoted_spans(paragraphs)
    assert len(spans) == 1
    assert spans[0].text(paragraphs) == (
        "We want the tapes. We want the names. And we want an answer."
    )
    assert (spans[0].paragraph, spans[0].end_paragraph) == (0, 2)


def test_unclosed_quote_ends_with_its_paragraph_when_the_next_does_not_reopen():
    paragraphs = ["“We want the tapes, she said.", "The march went on."]
    spans = find_quoted_spans(paragraphs)
    assert [span.text(paragraphs) for span in spans] == ["We want the tapes, she said."]
    assert not spans[0].closed


def test_offsets_point_inside_the_marks():
    paragraph = 'Ruiz said: "Enough."'
    span = find_quoted_spans([paragraph])[0]
    assert paragraph[span.start : span.end] == "Enough."
    assert paragraph[span.mark_start] == '"' and span.mark_end == len(paragraph)


def test_a_stray_closing_mark_is_ignored():
    assert texts(["He is 5’10” tall and “very fast,” she said."]) == ["very fast,"]


def test_straight_mark_direction_follows_its_neighbours():
    from articles.quotefinder.marks import classify_mark

    assert classify_mark('say "yes', 4) == OPEN
    assert classify_mark('yes" he', 3) == CLOSE


def test_masking_hides_quoted_words_but_keeps_offsets():
    paragraphs = ["“Lovejoy said nothing,” Burke said."]
    masked = mask_quotes(paragraphs, find_quoted_spans(paragraphs))
    assert len(masked[0]) == len(paragraphs[0])
    assert "Lovejoy" not in masked[0] and masked[0].endswith("” Burke said.")
