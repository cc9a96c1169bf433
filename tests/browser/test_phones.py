"""On a 375-pixel phone every page fits the screen and the story reads at a comfortable size."""

import pytest

from tests.browser.devices import PHONE
from tests.browser.newsroom import READER_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MINIMUM_BODY_TEXT_PX = 16
PHONE_WIDTH = PHONE["viewport"]["width"]

# The elements that stick out past the right edge, innermost first, to say what to fix.
OVERFLOWING = """width => {
  const overflows = el => el.getBoundingClientRect().right > width + 0.5;
  return [...document.querySelectorAll("body *")]
    .filter(el => overflows(el) && ![...el.children].some(overflows))
    .slice(0, 10)
    .map(el => el.outerHTML.slice(0, 120));
}"""


@pytest.mark.parametrize("name", READER_PAGES)
def test_page_has_no_sideways_scroll_on_a_phone(phone_page, newsroom, name):
    newsroom.visit(phone_page, name)

    inner_width = phone_page.evaluate("window.innerWidth")
    scroll_width = phone_page.evaluate("document.documentElement.scrollWidth")

    # A phone zooms out to fit a page that is too wide, and window.innerWidth grows to match:
    # scrollWidth <= innerWidth alone would then always hold. The phone's width must, too.
    fits = inner_width == PHONE_WIDTH and scroll_width <= inner_width
    assert fits, (
        f"{scroll_width}px of page in a {inner_width}px window; sticking out: "
        f"{phone_page.evaluate(OVERFLOWING, PHONE_WIDTH)}"
    )


def test_story_text_is_at_least_16_pixels_on_a_phone(phone_page, newsroom):
    newsroom.visit(phone_page, "story")

    sizes = phone_page.locator(".story-body p").evaluate_all(
        "paragraphs => paragraphs.map(p => parseFloat(getComputedStyle(p).fontSize))"
    )

    assert sizes, "the story body has paragraphs"
    assert min(sizes) >= MINIMUM_BODY_TEXT_PX
