from django.conf import settings

from articles.models import Section


def site(request):
    """The masthead's name, tagline and sections, available to every template.

    Sections are a lazy queryset: a page that never renders the navigation (the admin)
    never runs the query.
    """
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        "nav_sections": Section.objects.only("name", "slug"),
    }
