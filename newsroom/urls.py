from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from articles.sitemaps import NewsSitemap, SectionSitemap, StorySitemap, TagSitemap, sitemap_index
from newsroom.caching import cached_for_readers
from newsroom.health import healthz
from people.sitemaps import OrganizationSitemap, PersonSitemap

admin.site.site_header = f"{settings.SITE_NAME} newsroom"
admin.site.site_title = f"{settings.SITE_NAME} admin"
admin.site.index_title = "Stories, people and organizations"

# Listed in /sitemap.xml; each is served at /sitemap-<name>.xml.
SITEMAPS = {
    "stories": StorySitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "people": PersonSitemap,
    "organizations": OrganizationSitemap,
}

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path(
        "robots.txt",
        cached_for_readers(
            TemplateView.as_view(
                template_name="seo/robots.txt", content_type="text/plain; charset=utf-8"
            )
        ),
        name="robots",
    ),
    path(
        "sitemap.xml",
        cached_for_readers(sitemap_index),
        {"sitemaps": SITEMAPS},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        cached_for_readers(sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path(
        "news-sitemap.xml",
        cached_for_readers(sitemap),
        {"sitemaps": {"news": NewsSitemap}, "template_name": "seo/news_sitemap.xml"},
        name="news-sitemap",
    ),
    path("", include("people.urls")),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    # Development only: in production the web server or object storage serves uploads.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
