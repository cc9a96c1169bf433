"""The two screens every page is checked on: Playwright browser-context options for each."""

DESKTOP = {"viewport": {"width": 1280, "height": 800}}

# A phone as Chromium emulates one: touch, and a <meta name="viewport"> that takes effect.
PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
