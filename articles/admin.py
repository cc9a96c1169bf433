"""The editors' desk: stories with their bylines, quotes and corrections; sections; quotes.

Every changelist here loads its rows in a fixed number of queries: counts are annotated
and foreign keys joined (``list_select_related``), never fetched once per row.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import ngettext
from taggit.models import Tag

from articles.importing import refresh_quotes
from articles.models import Article, Byline, Correction, Quote, Section
from articles.search import refresh_search_document

# A change to any of these is an editor overruling the quote finder, which must then
# leave the quote alone on a re-run (see Quote.is_locked).
EDITORIAL_QUOTE_FIELDS = frozenset({"text", "speaker", "organization", "kind"})

SMALL_TEXTAREA = forms.Textarea(attrs={"rows": 3, "cols": 40})


def local_datetime(value):
    return date_format(timezone.localtime(value), "DATETIME_FORMAT")


def describe_publication(article):
    """The status as an editor needs it, including whether readers can see the story yet."""
    if article.is_scheduled:
        return f"Scheduled for {local_datetime(article.published_at)}"
    if article.is_public:
        return "Published"
    if article.status == Article.Status.PUBLISHED:
        return "Published, but without a publication time: hidden from readers"
    return article.get_status_display()


def record_bulk_change(request, queryset, message):
    """Write one history entry per object, in one query, so bulk actions leave a trail."""
    LogEntry.objects.log_actions(
        user_id=request.user.pk, queryset=queryset, action_flag=CHANGE, change_message=message
    )


# Filters ------------------------------------------------------------------------------


class PublicationFilter(admin.SimpleListFilter):
    """Status as readers experience it: a published story with a future time is scheduled."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            (Article.Status.DRAFT, "Draft"),
            (Article.Status.REVIEW, "In review"),
            ("scheduled", "Scheduled"),
            (Article.Status.PUBLISHED, "Published"),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        published = Q(status=Article.Status.PUBLISHED)
        match self.value():
            case Article.Status.DRAFT | Article.Status.REVIEW as status:
                return queryset.filter(status=status)
            case "scheduled":
                return queryset.filter(published, published_at__gt=now)
            case Article.Status.PUBLISHED:
                return queryset.filter(published, published_at__lte=now)
        return queryset


class StoryTagFilter(admin.SimpleListFilter):
    """Tags are shared with people and organizations; offer only those stories carry."""

    title = "tag"
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        story_type = ContentType.objects.get_for_model(Article)
        tags = Tag.objects.filter(taggit_taggeditem_items__content_type=story_type).distinct()
        return [(tag.slug, tag.name) for tag in tags.order_by("name")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(tags__slug=self.value()).distinct()
        return queryset


class FlaggedFilter(admin.SimpleListFilter):
    title = "flagged for an editor"
    parameter_name = "flagged"

    def lookups(self, request, model_admin):
        return [("yes", "Flagged"), ("no", "Not flagged")]

    def queryset(self, request, queryset):
        match self.value():
            case "yes":
                return queryset.exclude(flag="")
            case "no":
                return queryset.filter(flag="")
        return queryset


# Story inlines ------------------------------------------------------------------------


class BylineInline(admin.TabularInline):
    model = Byline
    fields = ["person", "role", "position"]
    autocomplete_fields = ["person"]
    ordering = ["position"]
    extra = 0

    def get_queryset(self, request):
        # Each row's title is the author's name.
        return super().get_queryset(request).select_related("person")


class QuoteInline(admin.TabularInline):
    """The story's quotes in reading order; the quote finder's doubts show as a flag."""

    model = Quote
    # What an editor decides at a glance; verb, channel and the speaker's title as the story
    # gave it are on the quote's own page ("Change"), so the row fits a laptop screen.
    fields = ["paragraph", "text", "speaker", "organization", "kind", "review_state", "flag_note"]
    readonly_fields = ["flag_note"]
    autocomplete_fields = ["speaker", "organization"]
    ordering = ["paragraph", "position"]
    formfield_overrides = {
        models.TextField: {"widget": SMALL_TEXTAREA},
        models.PositiveIntegerField: {"widget": forms.NumberInput(attrs={"style": "width: 4em"})},
    }
    show_change_link = True  # the quote's own page has room for the finder's confidence
    extra = 0
    short_labels = {"paragraph": "Para.", "review_state": "Review"}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # Four edit/add/delete/view icons per row and column crowd the table out of the
        # screen; people and organizations are edited on their own pages.
        if db_field.name in ("speaker", "organization") and field is not None:
            widget = field.widget
            widget.can_add_related = widget.can_change_related = False
            widget.can_delete_related = widget.can_view_related = False
        # Short headers: a column is as wide as its header.
        if db_field.name in self.short_labels and field is not None:
            field.label = self.short_labels[db_field.name]
        return field

    @admin.display(description="Flag")
    def flag_note(self, quote):
        if not quote.flag:
            return "—"
        return format_html('<strong class="errornote">⚑ {}</strong>', quote.flag)


class CorrectionInline(admin.TabularInline):
    model = Correction
    fields = ["kind", "text", "created_at"]
    formfield_overrides = {models.TextField: {"widget": SMALL_TEXTAREA}}
    extra = 0


# Admins -------------------------------------------------------------------------------


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "story_count"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(story_count=Count("articles"))

    @admin.display(description="Stories", ordering="story_count")
    def story_count(self, section):
        return section.story_count


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    """Stories. Drafts get a Preview button (see the change_form template); live ones
    get "View on site"."""

    list_display = [
        "headline",
        "section",
        "publication_status",
        "published_at",
        "quote_count",
        "headline_marker",
    ]
    list_select_related = ["section"]
    list_filter = [
        PublicationFilter,
        "section",
        StoryTagFilter,
        "needs_headline",
        "published_at",
    ]
    search_fields = ["headline", "dek", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = [
        "section",
        "source_outlet",
        "people_mentioned",
        "organizations_mentioned",
    ]
    readonly_fields = ["publication_status", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["headline", "needs_headline", "slug", "dek", "dateline", "body"]}),
        (
            "Publishing",
            {
                "fields": [
                    "publication_status",
                    ("status", "published_at"),
                    "section",
                    "tags",
                    ("created_at", "updated_at"),
                ],
                "description": "Readers see the story once it is published and its "
                "publication time has passed; a future time schedules it.",
            },
        ),
        (
            "Lead image",
            {
                "fields": ["image", "image_alt", "image_caption", "image_credit"],
                "classes": ["collapse"],
            },
        ),
        (
            "Partner copy",
            {
                "fields": ["source_outlet", "source_url", "external_id"],
                "classes": ["collapse"],
                "description": "Only for stories first published by another outlet.",
            },
        ),
        ("Mentions", {"fields": ["people_mentioned", "organizations_mentioned"]}),
    ]
    inlines = [BylineInline, QuoteInline, CorrectionInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # Headlines and deks are read whole while they are written.
    WIDE_FIELDS = ("headline", "dek", "slug")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in self.WIDE_FIELDS:
            field.widget.attrs["style"] = "width: min(46em, 100%)"
        if db_field.name == "status" and not self.has_publish_permission(request):
            # A reporter moves a story between draft and review; an editor publishes it.
            field.choices = [
                choice for choice in field.choices if choice[0] != Article.Status.PUBLISHED
            ]
        return field

    def has_publish_permission(self, request):
        return request.user.has_perm("articles.publish_article")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            # The publication time schedules a story, and a live story's status is the
            # editor's to change.
            fields.append("published_at")
            if obj is not None and obj.status == Article.Status.PUBLISHED:
                fields.append("status")
        return fields

    actions = ["publish", "unpublish", "find_quotes_again"]

    def get_queryset(self, request):
        # distinct: the tag filter joins a second many-valued relation onto the same rows.
        return super().get_queryset(request).annotate(quote_count=Count("quotes", distinct=True))

    def view_on_site(self, article):
        # Only what readers can already see; drafts and scheduled stories get Preview.
        return article.get_absolute_url() if article.is_public else None

    @admin.display(description="Status", ordering="status")
    def publication_status(self, article):
        return describe_publication(article)

    @admin.display(description="Quotes", ordering="quote_count")
    def quote_count(self, article):
        return article.quote_count

    @admin.display(description="Headline", ordering="needs_headline")
    def headline_marker(self, article):
        if article.needs_headline:
            return format_html(
                '<strong title="{}">{}</strong>',
                "The importer made it from the lead",
                "Needs headline",
            )
        return ""

    def save_model(self, request, obj, form, change):
        # An editor who rewrites the importer's stand-in headline has dealt with it.
        if "headline" in form.changed_data and "needs_headline" not in form.changed_data:
            obj.needs_headline = False
        # "Published" without a time would hide the story for good; publish it now.
        if obj.status == Article.Status.PUBLISHED and obj.published_at is None:
            obj.publish()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A new or rewritten body gets its quotes found again, after the inlines are saved
        # so that what the editor changed in this same form is already locked.
        if "body" in form.changed_data:
            created = refresh_quotes(form.instance)
            self.message_user(
                request,
                ngettext(
                    "The quote finder found %(count)d new quote in the body.",
                    "The quote finder found %(count)d new quotes in the body.",
                    created,
                )
                % {"count": created},
                messages.INFO,
            )

    def save_formset(self, request, form, formset, change):
        if formset.model is not Quote:
            return super().save_formset(request, form, formset, change)
        quotes = formset.save(commit=False)
        for quote, changed_fields in formset.changed_objects:
            if EDITORIAL_QUOTE_FIELDS.intersection(changed_fields):
                quote.edited = True
        # A quote the editor typed in by hand is theirs too, not the finder's.
        for quote in formset.new_objects:
            quote.edited = True
        for quote in formset.deleted_objects:
            quote.delete()
        for quote in quotes:
            quote.save()
        formset.save_m2m()

    @admin.action(description="Publish selected stories", permissions=["publish"])
    def publish(self, request, queryset):
        now = timezone.now()
        ids = list(queryset.values_list("pk", flat=True))
        stories = Article.objects.filter(pk__in=ids)
        # A story that already has a publication time keeps it (see Article.publish).
        count = stories.update(
            status=Article.Status.PUBLISHED,
            published_at=Coalesce("published_at", now),
            updated_at=now,
        )
        scheduled = stories.filter(published_at__gt=now).count()
        record_bulk_change(request, stories, "Published.")
        message = ngettext("%(count)d story published.", "%(count)d stories published.", count)
        if scheduled:
            message += ngettext(
                " %(scheduled)d of them is scheduled for later.",
                " %(scheduled)d of them are scheduled for later.",
                scheduled,
            )
        self.message_user(
            request, message % {"count": count, "scheduled": scheduled}, messages.SUCCESS
        )

    @admin.action(description="Unpublish (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        stories = Article.objects.filter(pk__in=ids)
        # published_at is kept, so publishing again restores the original date.
        count = stories.update(status=Article.Status.DRAFT, updated_at=timezone.now())
        record_bulk_change(request, stories, "Unpublished (back to draft).")
        message = ngettext(
            "%(count)d story is back to draft.", "%(count)d stories are back to draft.", count
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(
        description="Find quotes again (keeps editors' decisions)", permissions=["change"]
    )
    def find_quotes_again(self, request, queryset):
        created = sum(refresh_quotes(article) for article in queryset)
        record_bulk_change(request, queryset, "Quote finder re-run.")
        self.message_user(
            request,
            ngettext("%(count)d quote found", "%(count)d quotes found", created)
            % {"count": created}
            + ngettext(" in %(n)d story.", " in %(n)d stories.", len(queryset))
            % {"n": len(queryset)},
            messages.SUCCESS,
        )


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    """All quotes across stories, for working through what the quote finder flagged."""

    list_display = [
        "__str__",
        "speaker",
        "article",
        "review_state",
        "confidence_percent",
        "flag",
    ]
    list_select_related = ["speaker", "article"]
    list_filter = ["review_state", "kind", FlaggedFilter]
    search_fields = ["text", "speaker__name"]
    autocomplete_fields = ["article", "speaker", "organization"]
    readonly_fields = ["edited"]
    fieldsets = [
        (None, {"fields": ["article", ("paragraph", "position"), "text", "kind"]}),
        (
            "Attribution",
            {"fields": ["speaker", "speaker_title", "organization", "verb", "channel"]},
        ),
        ("Review", {"fields": ["review_state", "flag", "confidence", "edited"]}),
    ]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 4})}}
    actions = ["confirm", "reject"]

    @admin.display(description="Confidence", ordering="confidence")
    def confidence_percent(self, quote):
        return f"{quote.confidence:.0%}"

    def save_model(self, request, obj, form, change):
        if not change or EDITORIAL_QUOTE_FIELDS.intersection(form.changed_data):
            obj.edited = True
        super().save_model(request, obj, form, change)

    def _decide(self, request, queryset, state, verb):
        # Re-select by id: a filter on review_state would otherwise lose the rows just changed.
        quotes = Quote.objects.filter(pk__in=list(queryset.values_list("pk", flat=True)))
        count = quotes.update(review_state=state)
        # A rejected speaker's name must stop finding the story (update() sends no signals).
        for article_id in set(quotes.values_list("article_id", flat=True)):
            refresh_search_document(article_id)
        record_bulk_change(request, quotes, f"{verb.capitalize()}.")
        message = ngettext("%(count)d quote %(verb)s.", "%(count)d quotes %(verb)s.", count)
        self.message_user(request, message % {"count": count, "verb": verb}, messages.SUCCESS)

    @admin.action(description="Confirm selected quotes", permissions=["change"])
    def confirm(self, request, queryset):
        self._decide(request, queryset, Quote.ReviewState.CONFIRMED, "confirmed")

    @admin.action(description="Reject selected quotes", permissions=["change"])
    def reject(self, request, queryset):
        self._decide(request, queryset, Quote.ReviewState.REJECTED, "rejected")
