"""schema.org JSON-LD on story, person and organization pages."""

import json
import re
from datetime import date

import pytest
from django.contrib.staticfiles import finders
from django.template import Context, Template
from django.utils import timezone
from PIL import Image

from articles.structured_data import LOGO_PATH, LOGO_SIZE
from tests.factories import make_affiliation, make_article, make_organization
from tests.seo.readers import jpeg, json_ld

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


def the_json_ld(response):
    assert response.status_code == 200
    [data] = json_ld(response)
    assert data["@context"] == "https://schema.org"
    return data


def test_story_is_a_news_article(client, newsroom):
    story = newsroom.story
    data = the_json_ld(client.get(story.get_absolute_url()))

    url = f"{SITE}{story.get_absolute_url()}"
    assert data["@type"] == "NewsArticle"
    assert data["url"] == url
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["headline"] == "Council passes $2 million police budget"
    assert data["description"] == "The vote was 7–2 after a six-hour meeting."
    assert data["datePublished"] == timezone.localtime(story.published_at).isoformat("T", "seconds")
    assert "dateModified" in data
    assert data["author"] == [
        {"@type": "Person", "name": "Ana Ruiz", "url": f"{SITE}/people/ana-ruiz/"},
        {"@type": "Person", "name": "Sam Lee", "url": f"{SITE}/people/sam-lee/"},
    ]
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "The Civic Ledger"
    assert data["publisher"]["logo"]["url"] == f"{SITE}/static/{LOGO_PATH}"
    assert sorted(data["keywords"]) == ["Budget", "Police"]
    assert data["articleSection"] == "City Hall"
    assert "image" not in data


def test_news_article_mentions_the_quoted_people_and_mentioned_organizations(client, newsroom):
    data = the_json_ld(client.get(newsroom.story.get_absolute_url()))

    assert data["mentions"] == [
        {
            "@type": "Person",
            "name": "Jason Thody",
            "url": f"{SITE}/people/jason-thody/",
            "jobTitle": "Police Chief",
            "worksFor": {
                "@type": "Organization",
                "name": "Hartford Police Department",
                "url": f"{SITE}/organizations/hartford-police-department/",
                "sameAs": "https://police.example.gov",
            },
        },
        {
            "@type": "Organization",
            "name": "Board of Education",
            "url": f"{SITE}/organizations/board-of-education/",
        },
    ]


def test_news_article_lists_corrections_but_not_updates(client, newsroom):
    data = the_json_ld(client.get(newsroom.story.get_absolute_url()))

    [correction] = data["correction"]
    assert correction["@type"] == "CorrectionComment"
    assert correction["text"] == "An earlier version misstated the vote."
    assert correction["datePublished"]


def test_news_article_names_its_lead_image(client, newsroom):
    story = newsroom.story
    story.image = jpeg()
    story.image_caption = "The council chamber."
    story.save()

    data = the_json_ld(client.get(story.get_absolute_url()))

    assert data["image"]["url"] == f"{SITE}{story.image.url}"
    assert data["image"]["width"] == 1600
    assert data["image"]["caption"] == "The council chamber."


def test_a_headline_cannot_break_out_of_the_script_element(client):
    headline = "Budget </script><script>alert(1)</script> <!-- & more \u2028"
    story = make_article(headline=headline, dek="</SCRIPT>")

    response = client.get(story.get_absolute_url())

    html = response.content.decode()
    script = html[html.index('<script type="application/ld+json">') :]
    body = script[len('<script type="application/ld+json">') : script.index("</script>")]
    assert json.loads(body)["headline"] == headline
    assert json.loads(body)["description"] == "</SCRIPT>"
    assert "<script>alert(1)" not in html
    assert not re.search("</script", body, re.IGNORECASE)
    assert "\u2028" not in body


def test_json_ld_filter_escapes_markup_characters():
    data = {"text": "<b>&</b>\u2029", "list": ["</script>"]}

    rendered = Template("{% load seo %}{{ data|json_ld }}").render(Context({"data": data}))

    assert rendered.startswith('<script type="application/ld+json">')
    assert rendered.count("<") == 2  # the element's own tags, nothing else
    assert rendered.count(">") == 2
    assert "&" not in rendered
    inner = rendered.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(inner) == data


def test_person_page_is_a_person(client, newsroom):
    former = make_organization(name="Springfield Police")
    make_affiliation(newsroom.chief, former, role="Captain", end_date=date(2020, 1, 1))

    data = the_json_ld(client.get("/people/jason-thody/"))

    assert data["@type"] == "Person"
    assert data["name"] == "Jason Thody"
    assert data["url"] == f"{SITE}/people/jason-thody/"
    assert data["honorificPrefix"] == "Chief"
    assert data["jobTitle"] == "Police Chief"
    assert [o["name"] for o in data["worksFor"]] == ["Hartford Police Department"]
    assert data["worksFor"][0]["url"] == f"{SITE}/organizations/hartford-police-department/"
    assert [o["name"] for o in data["affiliation"]] == ["Springfield Police"]
    assert "555-0100" not in json.dumps(data)


def test_person_with_a_photo_names_it(client, newsroom):
    chief = newsroom.chief
    chief.image = jpeg("chief.jpg", size=(400, 400))
    chief.save()

    data = the_json_ld(client.get("/people/jason-thody/"))

    assert data["image"]["url"] == f"{SITE}{chief.image.url}"


def test_organization_page_is_an_organization(client, newsroom):
    data = the_json_ld(client.get("/organizations/hartford-police-department/"))

    assert data["@type"] == "Organization"
    assert data["name"] == "Hartford Police Department"
    assert data["url"] == f"{SITE}/organizations/hartford-police-department/"
    assert data["sameAs"] == "https://police.example.gov"
    assert data["parentOrganization"] == {
        "@type": "Organization",
        "name": "City of Hartford",
        "url": f"{SITE}/organizations/city-of-hartford/",
    }


def test_listing_pages_carry_no_json_ld(client, newsroom):
    assert json_ld(client.get("/")) == []
    assert json_ld(client.get("/sections/city-hall/")) == []


def test_the_publisher_logo_is_a_committed_png_of_the_stated_size():
    path = finders.find(LOGO_PATH)

    assert path is not None
    with Image.open(path) as logo:
        assert logo.format == "PNG"
        assert logo.size == (LOGO_SIZE, LOGO_SIZE)
