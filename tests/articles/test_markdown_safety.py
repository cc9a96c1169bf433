import pytest

from articles.rendering import QuoteMark, render_story
from tests.factories import make_article, make_person, make_quote

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"


def test_raw_html_in_a_body_is_escaped():
    html = render_story(f"Hello {SCRIPT}\n\n<img src=x onerror=alert(1)>")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<img" not in html


def test_javascript_links_are_not_rendered_as_links():
    html = render_story("[click](javascript:alert(1)) and [ok](https://example.org)")
    assert 'href="javascript' not in html
    assert 'href="https://example.org"' in html


def test_markdown_formatting_still_works():
    html = render_story("Some *emphasis* and **strong** words.\n\n## A heading\n\n- one\n- two")
    assert "<em>emphasis</em>" in html
    assert "<h2>A heading</h2>" in html
    assert "<li>one</li>" in html


def test_quote_anchor_and_speaker_link_are_escaped():
    mark = QuoteMark(
        anchor='quote-1"><script>',
        text="We need action",
        paragraph=0,
        speaker_name="Ana <b>Ruiz</b>",
        speaker_url='/people/x/"onmouseover="alert(1)',
    )
    html = render_story("“We need action,” she said.", [mark])
    assert "<script>" not in html
    assert '"onmouseover="' not in html
    assert "&lt;b&gt;" in html


def test_script_in_headline_dek_quote_and_name_renders_escaped(client):
    article = make_article(
        headline=f"Headline {SCRIPT}",
        dek=f"Dek {SCRIPT}",
        body=f"“Quote {SCRIPT},” said Ann Ruiz.\n\nBody {SCRIPT}",
    )
    make_quote(
        article=article,
        speaker=make_person(name=f"Ann Ruiz {SCRIPT}"),
        text=f"Quote {SCRIPT},",
        paragraph=0,
    )

    story = client.get(article.get_absolute_url()).content.decode()
    person = client.get(article.quotes.get().speaker.get_absolute_url()).content.decode()

    for html in (story, person):
        assert SCRIPT not in html
        assert "&lt;script&gt;" in html
