"""Full-page pictures of every public page, on a desktop and on a phone, for people to look at.

They land in ``screenshots/`` at the project root (git ignores it), e.g. ``story-phone.png``.
"""

import pytest

from tests.browser.devices import DESKTOP, PHONE
from tests.browser.newsroom import READER_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name", READER_PAGES)
@pytest.mark.parametrize(("device", "options"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshot(open_context, newsroom, screenshots, name, device, options):
    page = open_context(**options).new_page()
    newsroom.visit(page, name)

    path = screenshots / f"{name}-{device}.png"
    page.screenshot(path=path, full_page=True)

    assert path.read_bytes().startswith(PNG_SIGNATURE)
