"""Every public page passes axe-core, describes its pictures, and shows where focus is."""

import re
from pathlib import Path

import pytest

from tests.browser.devices import DESKTOP, PHONE
from tests.browser.newsroom import READER_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 at levels A and AA, and axe's best practices. axe.run() alone leaves out the
# WCAG 2.2 rules, among them target-size, the one that matters most on a phone.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    }
}
BLOCKING_IMPACTS = {"serious", "critical"}
# Enough stops to pass the skip link, the masthead, the whole navigation and into the page.
TAB_STOPS = 14
# WCAG 1.4.11: what shows focus needs 3:1 against the colours next to it.
MINIMUM_FOCUS_CONTRAST = 3.0

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  // The outline is drawn outside the element, over the first painted background around it.
  const painted = node => !/transparent|, 0\\)$/.test(getComputedStyle(node).backgroundColor);
  let behind = el.parentElement;
  while (behind && !painted(behind)) behind = behind.parentElement;
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.textContent || "").trim().slice(0, 60),
    href: el.getAttribute("href"),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
    background: behind ? getComputedStyle(behind).backgroundColor : "rgb(255, 255, 255)",
    onScreen: box.right > 0 && box.bottom > 0
      && box.left < window.innerWidth && box.top < window.innerHeight,
  };
}"""


def relative_luminance(css_colour):
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", css_colour)[:3])

    def linear(channel):
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first, second):
    lighter, darker = sorted(map(relative_luminance, (first, second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def axe_violations(page):
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm install` (`make test-browser` does it)")
    page.add_script_tag(path=str(AXE))
    return page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"]


def describe(violations):
    """One paragraph per rule: what is wrong, where, and how axe suggests fixing it."""
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  at {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            for summary in node["failureSummary"].splitlines():
                lines.append(f"      {summary.strip()}")
    return "\n".join(lines)


@pytest.mark.parametrize("name", READER_PAGES)
# On a phone the menu wraps and links crowd together, so touch targets can shrink.
@pytest.mark.parametrize("screen", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_page_has_no_serious_accessibility_violations(open_context, newsroom, name, screen):
    page = open_context(**screen).new_page()
    newsroom.visit(page, name)

    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING_IMPACTS]

    if blocking:
        pytest.fail(f"axe-core on the {name} page:\n{describe(blocking)}", pytrace=False)


@pytest.mark.parametrize("name", READER_PAGES)
def test_every_picture_has_alt_text_and_loads(page, newsroom, name):
    newsroom.visit(page, name)

    pictures = page.locator("img").evaluate_all(
        """imgs => imgs.map(img => ({
            src: img.currentSrc || img.src,
            alt: img.getAttribute("alt"),
            loaded: img.complete && img.naturalWidth > 0,
        }))"""
    )

    if name in ("story", "person"):
        assert pictures, f"the {name} page should show a picture (the test data gives it one)"
    # None of the site's pictures is decorative, so an empty alt is as wrong as a missing one.
    assert [p for p in pictures if not (p["alt"] or "").strip()] == []
    assert [p["src"] for p in pictures if not p["loaded"]] == []


@pytest.mark.parametrize("name", READER_PAGES)
def test_first_tab_reaches_the_skip_link_and_it_leads_to_the_content(page, newsroom, name):
    newsroom.visit(page, name)

    page.keyboard.press("Tab")
    skip_link = page.evaluate(FOCUSED)

    assert (skip_link["text"], skip_link["href"]) == ("Skip to content", "#main")
    assert skip_link["onScreen"], "the skip link must come into view when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("name", READER_PAGES)
def test_keyboard_focus_is_always_visible(page, newsroom, name):
    newsroom.visit(page, name)

    hard_to_see = []
    for _ in range(TAB_STOPS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "body":
            break  # a short page: focus went past the last link
        ratio = contrast(focused["outlineColor"], focused["background"])
        if focused["outlineStyle"] == "none" or not focused["outlineWidth"]:
            hard_to_see.append(f"{focused['tag']} “{focused['text']}”: no outline")
        elif ratio < MINIMUM_FOCUS_CONTRAST:
            hard_to_see.append(
                f"{focused['tag']} “{focused['text']}”: outline {focused['outlineColor']} on "
                f"{focused['background']} is {ratio:.1f}:1"
            )

    if hard_to_see:
        pytest.fail(f"focus is hard to see on the {name} page:\n" + "\n".join(hard_to_see))
