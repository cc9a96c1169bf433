"""Sitemaps of stories, sections and tags, the Google News sitemap, and the sitemap index.

Every sitemap starts from ``Article.objects.published()`` (or ``.public()`` for people and
organizations, in ``people.sitemaps``), so a draft or a scheduled story never reaches a
crawler. Addresses are on ``SITE_URL`` when it is set, as canonical links and feeds are.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.db.models import Max, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Section
from articles.structured_data import absolute_url

# Google News reads stories published in the last two days, at most 1,000 to a sitemap.
NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000


class PublicSitemap(Sitemap):
    """A sitemap whose addresses use ``SITE_URL``'s scheme and host when it is set."""

    def get_protocol(self, protocol=None):
        if settings.SITE_URL:
            return urlsplit(settings.SITE_URL).scheme
        return super().get_protocol(protocol)

    def get_domain(self, site=None):
        if settings.SITE_URL:
            return urlsplit(settings.SITE_URL).netloc
        return super().get_domain(site)

    def get_latest_lastmod(self):
        # Django's default gives up on the whole sitemap when one item has no lastmod.
        return max(filter(None, map(self.lastmod, self.items())), default=None)


class StorySitemap(PublicSitemap):
    def items(self):
        return Article.objects.published().only("slug", "updated_at", "published_at")

    def lastmod(self, story):
        return story.updated_at

    def get_latest_lastmod(self):
        return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class SectionSitemap(PublicSitemap):
    """Every section, changed when its newest story last changed."""

    def items(self):
        published = Article.objects.published().values("pk")
        return Section.objects.annotate(
            last_story_change=Max("articles__updated_at", filter=Q(articles__in=published))
        ).order_by("position", "name")

    def lastmod(self, section):
        return section.last_story_change


class TagSitemap(PublicSitemap):
    """Tags on at least one published story; a tag only on drafts or people is left out."""

    def items(self):
        return (
            Tag.objects.filter(article__in=Article.objects.published().values("pk"))
            .annotate(last_story_change=Max("article__updated_at"))
            .order_by("name")
        )

    def location(self, tag):
        return reverse("articles:tag", args=[tag.slug])

    def lastmod(self, tag):
        return tag.last_story_change


class NewsSitemap(PublicSitemap):
    """Stories published in the last two days, for the ``seo/news_sitemap.xml`` template."""

    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            Article.objects.published()
            .filter(published_at__gte=since)
            .only("slug", "headline", "published_at", "updated_at")
        )

    def lastmod(self, story):
        return story.updated_at


def sitemap_index(request, sitemaps):
    """Django's sitemap index, but with the same addresses as the sitemaps it lists.

    (``django.contrib.sitemaps.views.index`` always uses the request's host.) A sitemap longer
    than its ``limit`` is listed once per page, as ``?p=2`` and so on.
    """
    entries = []
    for section, sitemap in sitemaps.items():
        if callable(sitemap):  # a class, as Django's own views accept
            sitemap = sitemap()
        location = absolute_url(request, reverse("sitemap", kwargs={"section": section}))
        lastmod = sitemap.get_latest_lastmod()
        entries.append(SitemapIndexItem(location, lastmod))
        entries.extend(
            SitemapIndexItem(f"{location}?p={page}", lastmod)
            for page in range(2, sitemap.paginator.num_pages + 1)
        )
    response = TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )
    # The index is for crawlers to follow, not a page to show in results.
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response
