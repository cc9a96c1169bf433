"""The quote desk: every quote across stories, filtered and decided on in bulk."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from articles.models import Quote
from tests.admin.pages import change_form_data, change_url, changelist_url, shown
from tests.factories import make_person, make_quote

pytestmark = pytest.mark.django_db

QUOTES = changelist_url(Quote)
FOUND, CONFIRMED, REJECTED = Quote.ReviewState


@pytest.fixture
def quotes():
    speaker = make_person(name="Kelvin Lovejoy")
    return {
        "found": make_quote(text="We need action.", speaker=speaker),
        "rejected": make_quote(text="Not a quote at all.", review_state=REJECTED),
        "indirect": make_quote(text="the vote would wait", kind=Quote.Kind.INDIRECT),
        "flagged": make_quote(text="It is on all of us.", flag="Two people named Smith"),
    }


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"review_state__exact": REJECTED}, {"“Not a quote at all.”"}),
        ({"kind__exact": Quote.Kind.INDIRECT}, {"“the vote would wait”"}),
        ({"flagged": "yes"}, {"“It is on all of us.”"}),
        ({"q": "Lovejoy"}, {"“We need action.”"}),
        ({"q": "action"}, {"“We need action.”"}),
    ],
)
def test_quote_filters_and_search(admin_client, quotes, filters, expected):
    assert shown(admin_client.get(QUOTES, filters)) == expected


@pytest.mark.parametrize(("action", "state"), [("confirm", CONFIRMED), ("reject", REJECTED)])
def test_decision_actions_lock_the_quotes(admin_client, quotes, action, state):
    chosen = quotes["found"]

    # Filtered to found quotes: the action must still see the rows it changed.
    admin_client.post(
        f"{QUOTES}?review_state__exact={FOUND}",
        {"action": action, ACTION_CHECKBOX_NAME: [str(chosen.pk)]},
    )

    chosen.refresh_from_db()
    assert chosen.review_state == state
    assert chosen.is_locked
    quotes["flagged"].refresh_from_db()
    assert quotes["flagged"].review_state == FOUND


def test_editing_a_quote_on_its_own_page_marks_it_edited(admin_client, quotes):
    quote = quotes["found"]
    data = change_form_data(admin_client.get(change_url(quote)))
    data["text"] = "We need action now."

    response = admin_client.post(change_url(quote), data)

    assert response.status_code == 302
    quote.refresh_from_db()
    assert quote.text == "We need action now."
    assert quote.edited
