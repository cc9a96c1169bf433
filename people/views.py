"""Person and organization pages: who they are and everything they said in public."""

from itertools import groupby

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from articles.models import Article, Quote
from people.models import Affiliation, Organization, Person

QUOTES_PER_PAGE = 50
STORIES_LISTED = 10


def public_quotes():
    """Quotes readers may see, newest story first, with the story they link back to."""
    return (
        Quote.objects.public()
        .select_related("article", "speaker", "organization")
        .order_by("-article__published_at", "article_id", "paragraph", "position")
    )


def newest(stories):
    return stories.for_listing().order_by("-published_at")[:STORIES_LISTED]


class PersonIndexView(ListView):
    template_name = "people/person_index.html"
    context_object_name = "people"

    def get_queryset(self):
        return Person.objects.public().only("name", "slug", "honorific", "title")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        people = sorted(context["people"], key=lambda p: (p.sort_letter, p.name.split()[-1]))
        context["letters"] = [
            (letter, list(group)) for letter, group in groupby(people, key=lambda p: p.sort_letter)
        ]
        return context


class PersonView(DetailView):
    template_name = "people/person.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.public().prefetch_related(
            Prefetch(
                "affiliations",
                queryset=Affiliation.objects.select_related("organization").order_by(
                    "end_date", "organization__name"
                ),
            ),
            "tags",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        published = Article.objects.published()
        page = Paginator(public_quotes().filter(speaker=person), QUOTES_PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        context.update(
            quotes_page=page,
            mentioned_in=newest(published.filter(people_mentioned=person)),
            written=newest(published.filter(bylines__person=person)),
        )
        return context


class OrganizationIndexView(ListView):
    template_name = "people/organization_index.html"
    context_object_name = "organizations"

    def get_queryset(self):
        return Organization.objects.public().only("name", "slug", "kind")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_kind = {}
        for organization in context["organizations"]:
            by_kind.setdefault(organization.get_kind_display(), []).append(organization)
        context["kinds"] = sorted(by_kind.items())
        return context


class OrganizationView(DetailView):
    template_name = "people/organization.html"
    context_object_name = "organization"

    def get_queryset(self):
        return (
            Organization.objects.public()
            .select_related("parent")
            .prefetch_related(
                Prefetch(
                    "affiliations",
                    queryset=Affiliation.objects.filter(
                        person__in=Person.objects.public().values("pk")
                    ).select_related("person"),
                ),
                "tags",
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = self.object
        published = Article.objects.published()
        page = Paginator(
            public_quotes().filter(organization=organization), QUOTES_PER_PAGE
        ).get_page(self.request.GET.get("page"))
        context.update(
            quotes_page=page,
            mentioned_in=newest(published.filter(organizations_mentioned=organization)),
        )
        return context
