"""RSS 2.0 and Atom feeds of the newest published stories: all of them, or those of one
section, tag, person or organization.

Each feed class serves both formats: ``SectionFeed()`` writes RSS and
``SectionFeed(Atom1Feed)`` writes Atom. ``feed_paths()`` routes the pair, cached for readers
like the pages they follow. Every feed starts from ``Article.objects.published()`` and loads
its twenty stories with their sections, bylines and tags in a fixed number of queries.
"""

from copy import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.urls import path, reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from taggit.models import Tag

from articles.models import Article, Byline, Quote, Section
from articles.structured_data import absolute_url, summary_html
from newsroom.caching import cached_for_readers
from people.models import Organization, Person

FEED_LENGTH = 20
FORMATS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


def byline_names(bylines):
    """Every author in byline order, as a reader says them: "Ana Ruiz and Sam Lee"."""
    names = [byline.person.name for byline in bylines]
    if len(names) < 3:
        return " and ".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


class StoryFeed(Feed):
    """The newest published stories; subclasses pick the subject and narrow ``stories``."""

    # The unique id of each item is its absolute URL (Django's default), which is a permalink.
    item_guid_is_permalink = True

    def __init__(self, feed_type=Rss201rev2Feed):
        self.feed_type = feed_type

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request (it sits in the URLconf), yet item methods are
        # given only the item; a copy per request lets them build this site's addresses.
        feed = copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def absolute(self, url):
        return absolute_url(self.request, url)

    def stories(self, subject):
        return Article.objects.published()

    def items(self, subject):
        return (
            self.stories(subject)
            .for_listing()
            .prefetch_related("tags")
            .order_by("-published_at")[:FEED_LENGTH]
        )

    def title(self, subject):
        return f"{subject} — {settings.SITE_NAME}"

    def link(self, subject):
        return self.absolute(subject.get_absolute_url())

    def subtitle(self, subject):
        # Atom's name for RSS's channel description.
        return self.description(subject)

    def feed_url(self, subject):
        return self.absolute(self.request.path)

    def item_description(self, story):
        return summary_html(story)

    def item_link(self, story):
        return self.absolute(story.get_absolute_url())

    def item_author_name(self, story):
        return byline_names(story.bylines.all()) or None

    def item_author_link(self, story):
        bylines = story.bylines.all()
        if len(bylines) == 1:
            return self.absolute(bylines[0].person.get_absolute_url())
        return None

    def item_pubdate(self, story):
        return story.published_at

    def item_updateddate(self, story):
        return story.updated_at

    def item_categories(self, story):
        return [tag.name for tag in story.tags.all()]


class LatestStoriesFeed(StoryFeed):
    """Every section's stories; the subject is the site itself (``None``)."""

    def title(self, subject):
        return settings.SITE_NAME

    def link(self, subject):
        return self.absolute(reverse("articles:home"))

    def description(self, subject):
        return settings.SITE_TAGLINE


class SectionFeed(StoryFeed):
    def get_object(self, request, slug):
        return Section.objects.get(slug=slug)

    def stories(self, section):
        return super().stories(section).filter(section=section)

    def description(self, section):
        return section.description or f"The newest {section.name} stories."


class TagFeed(StoryFeed):
    def get_object(self, request, slug):
        return Tag.objects.get(slug=slug)

    def stories(self, tag):
        return super().stories(tag).filter(tags=tag)

    def link(self, tag):
        return self.absolute(reverse("articles:tag", args=[tag.slug]))

    def description(self, tag):
        return f"The newest stories tagged “{tag.name}”."


class PersonFeed(StoryFeed):
    """Stories a person wrote, is quoted in, or is mentioned in."""

    def get_object(self, request, slug):
        return Person.objects.public().get(slug=slug)

    def stories(self, person):
        written = Byline.objects.filter(person=person).values("article")
        quoted = Quote.objects.public().filter(speaker=person).values("article")
        mentioned = Article.people_mentioned.through.objects.filter(person=person)
        return (
            super()
            .stories(person)
            .filter(Q(pk__in=written) | Q(pk__in=quoted) | Q(pk__in=mentioned.values("article")))
        )

    def description(self, person):
        return f"The newest stories by, quoting or mentioning {person.name}."


class OrganizationFeed(StoryFeed):
    """Stories quoting someone for an organization, or mentioning it."""

    def get_object(self, request, slug):
        return Organization.objects.public().get(slug=slug)

    def stories(self, organization):
        quoted = Quote.objects.public().filter(organization=organization).values("article")
        mentioned = Article.organizations_mentioned.through.objects.filter(
            organization=organization
        )
        return (
            super()
            .stories(organization)
            .filter(Q(pk__in=quoted) | Q(pk__in=mentioned.values("article")))
        )

    def description(self, organization):
        return f"The newest stories quoting or mentioning {organization.name}."


def feed_paths(route, feed_class, name):
    """``<route>rss/`` and ``<route>atom/``, named ``<name>-rss`` and ``<name>-atom``."""
    return [
        path(
            f"{route}{extension}/",
            cached_for_readers(feed_class(feed_type)),
            name=f"{name}-{extension}",
        )
        for extension, feed_type in FORMATS.items()
    ]
