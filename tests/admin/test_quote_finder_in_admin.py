"""Editors run the quote finder from the admin; their own decisions survive it."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from articles.models import Article, Quote
from tests.admin.pages import change_form_data, change_url, changelist_url
from tests.factories import make_article, make_quote

pytestmark = pytest.mark.django_db

BODY = (
    "The council met on Tuesday.\n\n"
    "“We will pass this budget,” said Mayor Ana Ruiz.\n\n"
    "“It is fair to every taxpayer,” Ruiz said."
)


def test_rewriting_the_body_finds_its_quotes_again(admin_client):
    article = make_article(body="The council met on Tuesday.")
    data = change_form_data(admin_client.get(change_url(article)))
    data["body"] = BODY

    response = admin_client.post(change_url(article), data)

    assert response.status_code == 302
    quotes = Quote.objects.filter(article=article).order_by("paragraph")
    assert [(q.paragraph, q.speaker.name) for q in quotes] == [(1, "Ana Ruiz"), (2, "Ana Ruiz")]


def test_saving_without_touching_the_body_leaves_quotes_alone(admin_client):
    article = make_article(body=BODY)
    hand_made = make_quote(article=article, text="Words the finder would never find.")
    data = change_form_data(admin_client.get(change_url(article)))

    admin_client.post(change_url(article), data)

    assert list(Quote.objects.filter(article=article)) == [hand_made]


def test_find_quotes_again_action_keeps_confirmed_and_edited_quotes(admin_client):
    article = make_article(body=BODY)
    confirmed = make_quote(
        article=article,
        text="We will pass this budget,",
        paragraph=1,
        review_state=Quote.ReviewState.CONFIRMED,
    )
    edited = make_quote(article=article, text="An editor's own wording.", edited=True)
    stale = make_quote(article=article, text="A stale finding.")

    response = admin_client.post(
        changelist_url(Article),
        {"action": "find_quotes_again", ACTION_CHECKBOX_NAME: [str(article.pk)]},
    )

    assert response.status_code == 302
    texts = list(Quote.objects.filter(article=article).values_list("text", flat=True))
    assert not Quote.objects.filter(pk=stale.pk).exists()
    assert Quote.objects.filter(pk=confirmed.pk).exists()
    assert Quote.objects.filter(pk=edited.pk).exists()
    # The finder's copy of the confirmed quote is not added a second time.
    assert texts.count("We will pass this budget,") == 1
    assert "It is fair to every taxpayer," in texts
