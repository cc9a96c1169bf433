"""What search engines, feed readers and social sites read about a page.

Three kinds of thing live here, all plain data for templates and feeds to print:

- absolute addresses: on ``SITE_URL`` when it is set, else on the host the request came to;
- one-line descriptions for search results and link previews: a story's dek, or its opening
  paragraphs when it has none; what a person or organization page offers;
- schema.org data as dicts (``news_article_data``, ``person_data``, ``organization_data``),
  which templates print with the ``json_ld`` filter of ``articles.templatetags.seo``.

The builders read only what the page's view has already loaded (bylines, tags, quotes with
their speakers and organizations, corrections, affiliations), so they add no query per quote,
tag or byline; the story's mentioned organizations cost one query in all.
"""

import re
from html import unescape
from urllib.parse import urljoin

from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import strip_tags

from articles.models import Article, Correction
from articles.rendering import render_markdown
from articles.views import sources_in
from people.models import Organization, Person

# A story with no dek is summed up by its opening paragraphs: enough of them to pass this
# many characters, and never more than SUMMARY_PARAGRAPHS.
SUMMARY_CHARS = 250
SUMMARY_PARAGRAPHS = 3

# static/img/logo.png: the publisher's logo in structured data. Keep in step with the file.
LOGO_PATH = "img/logo.png"
LOGO_SIZE = 256

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def absolute_url(request, url):
    """``url`` as an absolute address on the public site.

    ``SITE_URL`` wins when set, so that every canonical link, feed and sitemap names one host
    however the request reached us; a URL that is already absolute (an image on object
    storage) is kept as it is. Without ``SITE_URL`` or a request, ``url`` comes back unchanged.
    """
    if settings.SITE_URL:
        return urljoin(f"{settings.SITE_URL}/", url)
    if request is None:
        return url
    return request.build_absolute_uri(url)


def summary_markdown(article):
    """The story in brief, as Markdown: the dek, or the opening paragraphs of the body."""
    if article.dek:
        return article.dek
    chosen = []
    for paragraph in _PARAGRAPH_BREAK.split(article.body or ""):
        if paragraph.strip():
            chosen.append(paragraph.strip())
        if len(chosen) == SUMMARY_PARAGRAPHS or sum(map(len, chosen)) >= SUMMARY_CHARS:
            break
    return "\n\n".join(chosen)


def summary_html(article):
    """The summary as safe HTML (raw HTML in the body stays escaped): for feeds."""
    return render_markdown(summary_markdown(article))


def summary_text(article):
    """The summary as one line of plain text: for meta descriptions and structured data."""
    text = unescape(strip_tags(summary_html(article)))
    return " ".join(text.split())


def page_description(subject):
    """One line of plain text for a page's meta description and link previews."""
    if isinstance(subject, Article):
        return summary_text(subject)
    if isinstance(subject, Person):
        return f"What {subject.name} has said in stories by {settings.SITE_NAME}."
    if isinstance(subject, Organization):
        return f"{subject.name} in stories by {settings.SITE_NAME}."
    raise TypeError(f"No page description for {type(subject).__name__}")


def _date(moment):
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def _without_empty(data):
    """Leave out what we do not know rather than say it is empty."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _image(request, illustrated):
    if not illustrated.image:
        return None
    return _without_empty(
        {
            "@type": "ImageObject",
            "url": absolute_url(request, illustrated.image.url),
            "width": illustrated.image_width,
            "height": illustrated.image_height,
            "caption": illustrated.image_caption,
            "creditText": illustrated.image_credit,
        }
    )


def organization_reference(organization, request):
    """An organization as others point to it: name, page and own website."""
    return _without_empty(
        {
            "@type": "Organization",
            "name": organization.name,
            "url": absolute_url(request, organization.get_absolute_url()),
            "sameAs": organization.website,
        }
    )


def person_reference(person, request, *, job_title="", works_for=None):
    """A person as a story points to them: name and page, and what they spoke as."""
    return _without_empty(
        {
            "@type": "Person",
            "name": person.name,
            "url": absolute_url(request, person.get_absolute_url()),
            "jobTitle": job_title,
            "worksFor": organization_reference(works_for, request) if works_for else None,
        }
    )


def publisher_data(request):
    """The newsroom itself, as the publisher of every story."""
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": absolute_url(request, "/"),
        "logo": {
            "@type": "ImageObject",
            "url": absolute_url(request, static(LOGO_PATH)),
            "width": LOGO_SIZE,
            "height": LOGO_SIZE,
        },
    }


def news_article_data(article, request):
    """A story as a schema.org ``NewsArticle``.

    Expects the story view's loading (``articles.views.story_queryset``): ``mentions`` names
    each quoted person once, with the title and organization the story gave them, exactly as
    the "Sources in this story" panel does, then the organizations the story mentions.
    """
    url = absolute_url(request, article.get_absolute_url())
    quoted = [
        person_reference(
            source["person"],
            request,
            job_title=source["title"],
            works_for=source["organization"],
        )
        for source in sources_in(article.visible_quotes)
    ]
    organizations = [
        organization_reference(organization, request)
        for organization in article.organizations_mentioned.all()
    ]
    corrections = [
        {
            "@type": "CorrectionComment",
            "text": correction.text,
            "datePublished": _date(correction.created_at),
        }
        for correction in article.corrections.all()
        # An update adds news; only a correction says the story was wrong.
        if correction.kind == Correction.Kind.CORRECTION
    ]
    return _without_empty(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "headline": article.headline,
            "description": summary_text(article),
            "datePublished": _date(article.published_at),
            "dateModified": _date(article.updated_at),
            "dateline": article.dateline,
            "inLanguage": "en",
            "author": [
                person_reference(byline.person, request) for byline in article.bylines.all()
            ],
            "publisher": publisher_data(request),
            "image": _image(request, article),
            "articleSection": article.section.name if article.section else None,
            "keywords": [tag.name for tag in article.tags.all()],
            "mentions": quoted + organizations,
            "correction": corrections,
        }
    )


def person_data(person, request):
    """A person page as a schema.org ``Person``.

    Current roles are ``worksFor``; roles that have ended are ``affiliation``. Contact details
    are staff-only and never appear here.
    """
    current, former = [], []
    for affiliation in person.affiliations.all():
        group = current if affiliation.is_current else former
        if affiliation.organization not in group:
            group.append(affiliation.organization)
    return _without_empty(
        {
            "@context": "https://schema.org",
            "@type": "Person",
            "name": person.name,
            "url": absolute_url(request, person.get_absolute_url()),
            "honorificPrefix": person.honorific,
            "jobTitle": person.title,
            "description": person.bio,
            "image": _image(request, person),
            "worksFor": [organization_reference(o, request) for o in current],
            "affiliation": [organization_reference(o, request) for o in former],
        }
    )


def organization_data(organization, request):
    """An organization page as a schema.org ``Organization``, with its parent body."""
    parent = organization.parent
    return _without_empty(
        {
            "@context": "https://schema.org",
            **organization_reference(organization, request),
            "description": organization.description,
            "parentOrganization": organization_reference(parent, request) if parent else None,
        }
    )
