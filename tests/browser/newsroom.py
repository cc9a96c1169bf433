"""A small published newsroom for readers to walk through, built the way real copy arrives.

The newsroom's example story goes through the real importer, which finds its six direct
quotes and their four speakers (Kelvin Lovejoy, Dexter Burke, Mairchal Monts, Jason Thody)
and the organizations they speak for. The factories then add what an editor would: a
byline, a dek, a lead image, a portrait, a correction and a second story in the section.
"""

from dataclasses import dataclass
from io import BytesIO, StringIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image, ImageDraw
from taggit.models import Tag

from articles.models import Article, Section
from people.models import Organization, Person
from tests.factories import make_article, make_byline, make_correction, make_person

EXAMPLE_STORY = Path(__file__).resolve().parent.parent / "data" / "formats" / "example.txt"

# Every public page a reader can land on, by the names the tests and screenshots use.
READER_PAGES = (
    "home",
    "story",
    "person",
    "organization",
    "section",
    "tag",
    "people",
    "organizations",
    "search",
)


@dataclass(frozen=True)
class Newsroom:
    story: Article
    speaker: Person
    organization: Organization
    section: Section
    tag: Tag

    def visit(self, page, name):
        """Open one of ``READER_PAGES`` in ``page``; a check run on an error page proves nothing."""
        response = page.goto(self.url(name))
        assert response.status == 200, f"the {name} page answered HTTP {response.status}"
        return response

    def url(self, name):
        """The path of one of ``READER_PAGES``."""
        return {
            "home": reverse("articles:home"),
            "story": self.story.get_absolute_url(),
            "person": self.speaker.get_absolute_url(),
            "organization": self.organization.get_absolute_url(),
            "section": self.section.get_absolute_url(),
            "tag": reverse("articles:tag", args=[self.tag.slug]),
            "people": reverse("people:person-index"),
            "organizations": reverse("people:organization-index"),
            "search": f"{reverse('articles:search')}?q=Lovejoy",
        }[name]


def picture(name, width, height, colours):
    """A JPEG with a diagonal two-colour split: something to see, and nothing to download."""
    image = Image.new("RGB", (width, height), colours[0])
    ImageDraw.Draw(image).polygon([(width, 0), (width, height), (0, height)], fill=colours[1])
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return ContentFile(buffer.getvalue(), name=name)


def build_newsroom():
    call_command(
        "import_articles",
        str(EXAMPLE_STORY),
        "--status",
        "published",
        "--section",
        "Public safety",
        "--tag",
        "Public safety",
        "--tag",
        "Faith",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    story = Article.objects.get()
    story.headline = "Faith leaders split over police response to Hartford shootings"
    story.dek = "After the city's 21st homicide of the year, a rally asks for action."
    story.dateline = "HARTFORD, Conn."
    story.image = picture("rally.jpg", 1600, 900, ("#31546e", "#c9a66b"))
    story.image_alt = "People holding signs on the steps of a brick church"
    story.image_caption = "Leaders rallied outside the Walk in the Light Church of God."
    story.image_credit = "Civic Ledger staff"
    story.save()
    make_byline(story, make_person(name="Rosa Delgado", title="Staff writer"))
    make_correction(story, text="An earlier version gave the wrong day for the rally.")

    speaker = Person.objects.get(name="Kelvin Lovejoy")
    speaker.image = picture("lovejoy.jpg", 600, 600, ("#6b4b3e", "#e8d5b7"))
    speaker.image_alt = "Kelvin Lovejoy speaking into a microphone"
    speaker.bio = "Organizes tenants and neighbours in Blue Hill."
    speaker.save()

    section = story.section
    make_article(
        headline="Council moves $2 million to youth programs",
        dek="The transfer pays for summer jobs and a mentoring program.",
        section=section,
        tags=["Public safety"],
    )
    return Newsroom(
        story=story,
        speaker=speaker,
        organization=Organization.objects.get(name="Blue Hill Civic Association"),
        section=section,
        tag=Tag.objects.get(name__iexact="Public safety"),
    )
