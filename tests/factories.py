"""Small factories: each makes one valid row, and keyword arguments override any field."""

from datetime import timedelta
from itertools import count

from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Byline, Correction, Quote, Section
from people.models import Affiliation, Organization, Person

_serial = count(1)


def _unique(prefix):
    return f"{prefix} {next(_serial)}"


def make_person(**overrides):
    name = overrides.pop("name", None) or _unique("Pat Example")
    overrides.setdefault("slug", slugify(name))
    return Person.objects.create(name=name, **overrides)


def make_organization(**overrides):
    name = overrides.pop("name", None) or _unique("Example Civic Association")
    overrides.setdefault("slug", slugify(name))
    return Organization.objects.create(name=name, **overrides)


def make_section(**overrides):
    name = overrides.pop("name", None) or _unique("Section")
    overrides.setdefault("slug", slugify(name))
    return Section.objects.create(name=name, **overrides)


def make_article(**overrides):
    """A published story from an hour ago, unless told otherwise."""
    headline = overrides.pop("headline", None) or _unique("City council weighs budget")
    overrides.setdefault("slug", slugify(headline))
    overrides.setdefault("body", "The council met on Tuesday.\n\nIt voted on the budget.")
    overrides.setdefault("status", Article.Status.PUBLISHED)
    overrides.setdefault("published_at", timezone.now() - timedelta(hours=1))
    tags = overrides.pop("tags", [])
    article = Article.objects.create(headline=headline, **overrides)
    if tags:
        article.tags.add(*tags)
    return article


def make_draft(**overrides):
    overrides.setdefault("status", Article.Status.DRAFT)
    overrides.setdefault("published_at", None)
    return make_article(**overrides)


def make_scheduled(**overrides):
    overrides.setdefault("published_at", timezone.now() + timedelta(days=1))
    return make_article(**overrides)


def make_quote(**overrides):
    overrides.setdefault("article", overrides.get("article") or make_article())
    if "speaker" not in overrides:
        overrides["speaker"] = make_person()
    overrides.setdefault("text", "We need action, not more meetings.")
    overrides.setdefault("paragraph", 0)
    return Quote.objects.create(**overrides)


def make_byline(article, person=None, **overrides):
    return Byline.objects.create(article=article, person=person or make_person(), **overrides)


def make_affiliation(person=None, organization=None, **overrides):
    return Affiliation.objects.create(
        person=person or make_person(),
        organization=organization or make_organization(),
        **overrides,
    )


def make_correction(article, **overrides):
    overrides.setdefault("text", "An earlier version misspelled a name.")
    return Correction.objects.create(article=article, **overrides)
