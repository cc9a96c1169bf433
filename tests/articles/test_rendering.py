from articles.rendering import QuoteMark, render_story

SPLIT = (
    "Intro paragraph.\n\n"
    "“What we need is action,” said Kelvin Lovejoy, an organizer. “We need accountability.”"
)


def mark(text, paragraph=1, **kwargs):
    kwargs.setdefault("speaker_name", "Kelvin Lovejoy")
    kwargs.setdefault("speaker_url", "/people/kelvin-lovejoy/")
    kwargs.setdefault("speaker_names", ("Kelvin Lovejoy", "Lovejoy"))
    return QuoteMark(anchor="quote-7", text=text, paragraph=paragraph, **kwargs)


def test_split_quote_is_marked_in_both_parts_with_one_anchor():
    html = render_story(SPLIT, [mark("What we need is action, We need accountability.")])
    assert html.count('class="quote"') == 2
    assert html.count('id="quote-7"') == 1
    assert '<span class="quote" id="quote-7">What we need is action,</span>' in html
    assert '<span class="quote">We need accountability.</span>' in html


def test_speaker_name_outside_the_quote_is_linked():
    html = render_story(SPLIT, [mark("What we need is action, We need accountability.")])
    assert '<a class="speaker" href="/people/kelvin-lovejoy/">Kelvin Lovejoy</a>' in html


def test_name_inside_the_quote_is_not_taken_for_the_attribution():
    body = "“Lovejoy is right about this,” said Dexter Burke."
    burke = mark(
        "Lovejoy is right about this,",
        paragraph=0,
        speaker_name="Dexter Burke",
        speaker_url="/people/dexter-burke/",
        speaker_names=("Dexter Burke", "Burke"),
    )
    html = render_story(body, [burke])
    assert '<a class="speaker" href="/people/dexter-burke/">Dexter Burke</a>' in html
    assert 'href="/people/dexter-burke/">Lovejoy' not in html


def test_quote_in_a_different_paragraph_is_not_marked():
    html = render_story(SPLIT, [mark("Intro words that are not there", paragraph=0)])
    assert 'class="quote"' not in html


def test_editors_bracket_opens_the_quote():
    html = render_story("“(Police) will listen,” Burke said.", [mark("(Police) will listen,", 0)])
    assert '<span class="quote" id="quote-7">(Police) will listen,</span>' in html


def test_follow_on_quote_gets_a_credit_after_its_closing_mark():
    html = render_story("“It is on all of us.”", [mark("It is on all of us.", 0)])
    assert html.endswith(
        'of us.</span>” <a class="quote-credit" href="/people/kelvin-lovejoy/" '
        'title="Quote by Kelvin Lovejoy">Kelvin Lovejoy</a></p>\n'
    )


def test_dateline_opens_the_first_paragraph():
    html = render_story("The council met.\n\nIt voted.", dateline="HARTFORD, Conn.")
    assert html.startswith('<p><span class="dateline">HARTFORD, Conn. —</span> The council met.')


def test_quote_with_a_wrong_paragraph_number_is_still_found():
    html = render_story(SPLIT, [mark("What we need is action, We need accountability.", 0)])
    assert 'id="quote-7"' in html
    assert '<a class="speaker" href="/people/kelvin-lovejoy/">Kelvin Lovejoy</a>' in html
