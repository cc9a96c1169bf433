"""Tags for what machines read in a page's ``<head>``: canonical and absolute addresses,
summaries, and schema.org data printed as JSON-LD.

    {% load seo %}
    <link rel="canonical" href="{% canonical_url %}">
    {% news_article_data article as data %}{{ data|json_ld }}
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles import structured_data

register = template.Library()

# Inside <script>, "</script>" or "<!--" in a value would end or upset the element, whatever
# its type. As JSON escapes these characters still decode to the same strings; U+2028 and
# U+2029 are escaped too, for the script parsers that take them for line ends.
_SCRIPT_SAFE = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


@register.filter(is_safe=True)
def json_ld(data):
    """``data`` as a ``<script type="application/ld+json">`` element no value can leave."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's one address: absolute, without a query string except a page number > 1.

    Empty when rendered without a request, as error pages may be.
    """
    request = context.get("request")
    if request is None:
        return ""
    url = structured_data.absolute_url(request, request.path)
    page = request.GET.get("page", "")
    if page.isascii() and page.isdigit() and int(page) > 1:
        url += f"?page={int(page)}"
    return url


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """``url`` (a path, or an upload's ``.url``) as an absolute address on this site."""
    return structured_data.absolute_url(context.get("request"), url)


@register.filter
def page_description(subject):
    """One line describing a story, person or organization page, for search and previews."""
    return structured_data.page_description(subject)


@register.simple_tag(takes_context=True)
def news_article_data(context, article):
    return structured_data.news_article_data(article, context.get("request"))


@register.simple_tag(takes_context=True)
def person_data(context, person):
    return structured_data.person_data(person, context.get("request"))


@register.simple_tag(takes_context=True)
def organization_data(context, organization):
    return structured_data.organization_data(organization, context.get("request"))
