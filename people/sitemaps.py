"""Sitemaps of the people and organizations readers may look up (``.public()`` only)."""

from articles.sitemaps import PublicSitemap
from people.models import Organization, Person


class PersonSitemap(PublicSitemap):
    def items(self):
        return Person.objects.public().only("slug", "updated_at")

    def lastmod(self, person):
        return person.updated_at


class OrganizationSitemap(PublicSitemap):
    def items(self):
        return Organization.objects.public().only("slug", "updated_at")

    def lastmod(self, organization):
        return organization.updated_at
