"""Read responses the way crawlers and feed readers do: XML trees, head tags, JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"

_JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def jpeg(name="lead.jpg", size=(1600, 900)):
    buffer = BytesIO()
    Image.new("RGB", size, "#336699").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def xml_of(response):
    assert response.status_code == 200
    return ET.fromstring(response.content)


def feed_entries(response):
    """Each RSS item or Atom entry as a dict with the same keys, whichever the format."""
    root = xml_of(response)
    if root.tag == "rss":
        return [
            {
                "title": item.findtext("title"),
                "link": item.findtext("link"),
                "id": item.findtext("guid"),
                "author": item.findtext(f"{DC}creator"),
                "published": item.findtext("pubDate"),
                "updated": None,
                "summary": item.findtext("description"),
                "categories": [c.text for c in item.findall("category")],
            }
            for item in root.findall("channel/item")
        ]
    assert root.tag == f"{ATOM}feed"
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link[@rel='alternate']").get("href"),
            "id": entry.findtext(f"{ATOM}id"),
            "author": entry.findtext(f"{ATOM}author/{ATOM}name"),
            "published": entry.findtext(f"{ATOM}published"),
            "updated": entry.findtext(f"{ATOM}updated"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "categories": [c.get("term") for c in entry.findall(f"{ATOM}category")],
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def sitemap_locations(response):
    """The <loc> of every <url> (a sitemap) or <sitemap> (an index)."""
    return [loc.text for loc in xml_of(response).iter(f"{SITEMAP}loc")]


class _HeadTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links = {}, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link":
            self.links.append(attrs)


class Head:
    """The <meta> and <link> tags of a page, attribute values unescaped."""

    def __init__(self, response):
        assert response.status_code == 200
        html = response.content.decode()
        parser = _HeadTags()
        parser.feed(html[: html.index("</head>")])
        self._meta, self._links = parser.meta, parser.links

    def meta(self, key):
        """The one value of a meta tag (None when absent)."""
        values = self._meta.get(key, [])
        assert len(values) <= 1, f"{key} appears {len(values)} times"
        return values[0] if values else None

    def links(self, rel, type=None):
        return [
            link["href"]
            for link in self._links
            if link.get("rel") == rel and (type is None or link.get("type") == type)
        ]


def json_ld(response):
    """Every JSON-LD block on the page, parsed."""
    return [json.loads(block) for block in _JSON_LD.findall(response.content.decode())]
