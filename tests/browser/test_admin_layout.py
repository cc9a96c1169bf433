"""The story's admin page on an editor's laptop: the quote table stays on the screen."""

import pytest
from django.contrib.auth import get_user_model

from tests.browser.test_editor_journey import PASSWORD, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUOTE_TABLE = "#quotes-group .tabular"


@pytest.mark.parametrize("width", [1280, 1440])
def test_story_page_in_the_admin_never_scrolls_sideways(open_context, newsroom, width):
    get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    page = open_context(viewport={"width": width, "height": 900}).new_page()
    log_in(page, "editor")
    page.goto(f"/admin/articles/article/{newsroom.story.pk}/change/")
    assert page.locator("#quotes-group tbody tr.has_original").count() == 9  # 6 direct, 3 reported

    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if width >= 1440:  # a common laptop: every column in view, sidebar open
        table_fits = (
            f"(t => t.scrollWidth <= t.clientWidth)(document.querySelector('{QUOTE_TABLE}'))"
        )
        assert page.evaluate(table_fits)
