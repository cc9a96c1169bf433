"""Browser journeys: a live server on 127.0.0.1 and the system's headless Chromium.

Run with ``make test-browser``. Nothing here downloads a browser: Playwright drives the
Chromium the operating system installed (``CHROMIUM`` overrides where it lives).
"""

import importlib.util
import os
from pathlib import Path

import pytest

from tests.browser.devices import DESKTOP, PHONE
from tests.browser.newsroom import build_newsroom

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# `make test` collects this folder too (then deselects it by marker), and its environment
# need not have Playwright, which comes with the `browser` extra only.
if importlib.util.find_spec("playwright") is None:
    collect_ignore_glob = ["test_*.py"]


def pytest_configure(config):
    # pytest-django's live server listens on "localhost" unless told otherwise.
    if not config.getoption("liveserver", default=None):
        config.option.liveserver = "127.0.0.1"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio event loop running in the test's own thread,
    # so Django takes every ORM call a test makes (building data, checking what a form
    # saved) for a call from async code and refuses it (SynchronousOnlyOperation). Those
    # calls happen between browser steps, never during one, so they are safe. The flag is
    # set here rather than on import, so `make test`, which collects this folder but runs
    # none of it, keeps Django's guard.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def open_context(browser, live_server, settings):
    """Open a fresh browser context (its own cookies) on the live server; closed afterwards.

    An editor and an anonymous reader in the same test each get their own context.
    """
    settings.ROOT_URLCONF = "tests.browser.urls"  # serves uploaded pictures, see there
    contexts = []

    def open_(**options):
        context = browser.new_context(base_url=live_server.url, **(options or DESKTOP))
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_context):
    """A desktop browser tab."""
    return open_context().new_page()


@pytest.fixture
def phone_page(open_context):
    """A 375-pixel phone's browser tab."""
    return open_context(**PHONE).new_page()


@pytest.fixture
def newsroom(transactional_db):
    """The published example story, its speakers and their organizations (see newsroom.py)."""
    return build_newsroom()


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
