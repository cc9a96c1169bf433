"""People and organizations, with the affiliations between them and what each has said."""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles.models import Quote
from people.models import Affiliation, Organization, Person

RECENT_QUOTES = 50


class AffiliationInline(admin.TabularInline):
    """A person's roles, edited from the person's page."""

    model = Affiliation
    fk_name = "person"
    fields = ["organization", "role", "start_date", "end_date"]
    autocomplete_fields = ["organization"]
    extra = 0

    def get_queryset(self, request):
        # Each row's title names both ends of the affiliation.
        return super().get_queryset(request).select_related("person", "organization")


class MemberInline(AffiliationInline):
    """The same affiliations seen from the organization: who works or worships there."""

    fk_name = "organization"
    fields = ["person", "role", "start_date", "end_date"]
    autocomplete_fields = ["person"]
    verbose_name = "member"
    verbose_name_plural = "members"


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "quote_count", "tag_list"]
    search_fields = ["name", "aliases", "title"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["recent_quotes"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "honorific", "title", "aliases", "bio", "tags"]}),
        (
            "Photo",
            {
                "fields": ["image", "image_alt", "image_caption", "image_credit"],
                "classes": ["collapse"],
            },
        ),
        (
            "Contact details — private to staff",
            {
                "fields": ["contact_details"],
                "description": "Never shown on the public site.",
            },
        ),
        ("Quotes", {"fields": ["recent_quotes"]}),
    ]
    inlines = [AffiliationInline]
    # Stated here because Meta.ordering is dropped from the grouped (annotated) query.
    ordering = ["name"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(quote_count=Count("quotes"))
            .prefetch_related("tags")
        )

    @admin.display(description="Quotes", ordering="quote_count")
    def quote_count(self, person):
        return person.quote_count

    @admin.display(description="Tags")
    def tag_list(self, person):
        return ", ".join(sorted(tag.name for tag in person.tags.all()))

    @admin.display(description=f"Latest {RECENT_QUOTES} quotes")
    def recent_quotes(self, person):
        """Newest story first, each linking to the story's change page (one query)."""
        if person.pk is None:
            return "—"
        quotes = (
            Quote.objects.filter(speaker=person)
            .select_related("article")
            # Drafts have no publication time yet; their creation time stands in for it.
            .order_by(
                Coalesce("article__published_at", "article__created_at").desc(),
                "article",
                "paragraph",
                "position",
            )
        )[:RECENT_QUOTES]
        items = format_html_join(
            "",
            '<li>{} — <a href="{}">{}</a> <small>({})</small></li>',
            (
                (
                    str(quote),
                    reverse("admin:articles_article_change", args=[quote.article_id]),
                    quote.article.headline,
                    quote.get_review_state_display(),
                )
                for quote in quotes
            ),
        )
        return format_html("<ol>{}</ol>", items) if items else "No quotes yet."


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "quote_count"]
    list_select_related = ["parent"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    fields = ["name", "slug", "kind", "parent", "website", "aliases", "description", "tags"]
    inlines = [MemberInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_count=Count("quotes"))

    @admin.display(description="Quotes", ordering="quote_count")
    def quote_count(self, organization):
        return organization.quote_count


@admin.register(Affiliation)
class AffiliationAdmin(admin.ModelAdmin):
    """Every role at every organization, e.g. to find all the pastors at a church."""

    list_display = ["person", "role", "organization", "start_date", "end_date"]
    list_select_related = ["person", "organization"]
    list_filter = ["organization__kind"]
    search_fields = ["person__name", "organization__name", "role"]
    autocomplete_fields = ["person", "organization"]
