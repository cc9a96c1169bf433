"""Stories, their sections, bylines, quotes and corrections."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager

from newsroom.caching import PageChangingQuerySet
from newsroom.images import Illustrated
from people.models import Organization, Person


class Section(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order in the navigation; lower comes first."
    )

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="articles_section_unique_slug"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", args=[self.slug])


class ArticleQuerySet(PageChangingQuerySet):
    def published(self):
        """The only door for public code: published, and not scheduled for later.

        A story whose ``published_at`` is in the future is scheduled; it appears by
        itself once that time has passed, with no job to flip it.
        """
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_listing(self):
        """What a story card needs: section and bylines, in a fixed number of queries."""
        return self.select_related("section").prefetch_related(
            models.Prefetch("bylines", queryset=Byline.objects.select_related("person"))
        )


class Article(Illustrated):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"

    headline = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200)
    dek = models.CharField(
        max_length=500, blank=True, help_text="The line under the headline that sells the story."
    )
    body = models.TextField(help_text="Markdown. Separate paragraphs with a blank line.")
    dateline = models.CharField(max_length=100, blank=True, help_text="e.g. “HARTFORD, Conn.”")
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When readers may see it. A time in the future schedules the story.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    tags = TaggableManager(blank=True)
    source_outlet = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="syndicated_articles",
        help_text="For partner copy: the outlet that first published it.",
    )
    source_url = models.URLField(max_length=500, blank=True)
    external_id = models.CharField(
        max_length=200, blank=True, help_text="The story's id in the system it came from."
    )
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    # For search: the story's tag names and the names of the people it quotes, one per
    # line, copied here so the full-text index (with headline, dek and body) can see them.
    # Kept current by articles.search.document; the index itself, PostgreSQL's GIN-indexed
    # search_document column or SQLite's FTS5 table, is kept by triggers
    # (articles/search/schema.py, migration 0003).
    search_names = models.TextField(blank=True, editable=False)
    needs_headline = models.BooleanField(
        default=False, help_text="The headline was made from the lead by the importer."
    )
    people_mentioned = models.ManyToManyField(Person, blank=True, related_name="mentioned_in")
    organizations_mentioned = models.ManyToManyField(
        Organization, blank=True, related_name="mentioned_in"
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        # Reporters write and submit for review; only those with this may put a story live.
        permissions = [("publish_article", "Can publish, schedule and unpublish stories")]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="articles_article_unique_slug"),
        ]
        indexes = [
            # Serves every public listing: home, sections, tags, feeds ("published, newest first").
            models.Index(
                fields=["-published_at"],
                name="articles_published_newest",
                condition=Q(status="published"),
            ),
            # Serves the importer's identity lookups.
            models.Index(fields=["source_url"], name="articles_article_source_url"),
            models.Index(fields=["external_id"], name="articles_article_external_id"),
            models.Index(fields=["content_hash"], name="articles_article_content_hash"),
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("articles:story", args=[self.slug])

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    def publish(self, when=None):
        """Publish now (or at ``when``); an earlier publication time is kept."""
        self.status = self.Status.PUBLISHED
        if when is not None:
            self.published_at = when
        elif self.published_at is None:
            self.published_at = timezone.now()


class Byline(models.Model):
    """An author of a story, in the order the byline reads."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="bylines")
    role = models.CharField(
        max_length=100, blank=True, help_text="Optional, e.g. “Additional reporting”."
    )
    position = models.PositiveSmallIntegerField(default=0)

    objects = PageChangingQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "person"], name="articles_byline_unique_author"
            ),
        ]

    def __str__(self):
        return self.person.name

    def get_absolute_url(self):
        return self.person.get_absolute_url()


class QuoteQuerySet(PageChangingQuerySet):
    def public(self):
        """Quotes readers may see: in published stories, and not rejected by an editor."""
        return self.filter(
            article__in=Article.objects.published().values("pk"),
        ).exclude(review_state=Quote.ReviewState.REJECTED)


class Quote(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct"
        INDIRECT = "indirect", "Reported speech"

    class ReviewState(models.TextChoices):
        # Short labels: they fill a column of the story's quote table in the admin.
        FOUND = "found", "Found"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotes",
        help_text="Leave empty when the quote cannot be attributed.",
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotes",
        help_text="The organization the speaker spoke for.",
    )
    text = models.TextField(help_text="The words, without quotation marks.")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.DIRECT)
    verb = models.CharField(max_length=40, blank=True, help_text="e.g. “said”, “wrote”")
    channel = models.CharField(
        max_length=200, blank=True, help_text="e.g. “in a statement to NBC Connecticut”"
    )
    speaker_title = models.CharField(
        max_length=200, blank=True, help_text="The speaker's title as the story gives it."
    )
    paragraph = models.PositiveIntegerField(default=0, help_text="Counted from 0.")
    position = models.PositiveIntegerField(default=0)
    confidence = models.FloatField(default=1.0)
    review_state = models.CharField(max_length=10, choices=ReviewState, default=ReviewState.FOUND)
    # Set once an editor changes a found quote, so re-running the finder leaves it alone.
    edited = models.BooleanField(default=False, editable=False)
    flag = models.CharField(
        max_length=300,
        blank=True,
        help_text="Why an editor should look, e.g. an ambiguous speaker.",
    )

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["article", "paragraph", "position"]
        indexes = [
            # Serves person pages: a speaker's quotes, newest story first.
            models.Index(fields=["speaker", "article"], name="articles_quote_speaker"),
        ]

    def __str__(self):
        words = self.text if len(self.text) <= 60 else self.text[:57].rstrip() + "…"
        return f"“{words}”"

    def get_absolute_url(self):
        """Direct quotes carry an anchor in the story body; reported speech has none."""
        if self.kind == self.Kind.DIRECT:
            return f"{self.article.get_absolute_url()}#{self.anchor}"
        return self.article.get_absolute_url()

    @property
    def anchor(self):
        return f"quote-{self.pk}"

    @property
    def standalone_text(self):
        """The words as they read out of their sentence: a closing comma becomes a period."""
        text = self.text.rstrip()
        if text.endswith((",", ";", ":")):
            text = text[:-1].rstrip()
        if text and text[-1] not in ".!?…\"”’'":
            text += "."
        return text

    @property
    def is_locked(self):
        """Editors' decisions survive a re-run of the quote finder."""
        return self.edited or self.review_state != self.ReviewState.FOUND


class Correction(models.Model):
    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        UPDATE = "update", "Update"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(max_length=12, choices=Kind, default=Kind.CORRECTION)
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    objects = PageChangingQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} to “{self.article.headline}”"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#corrections"


# Connects the receivers that keep Article.search_names in step with quotes and tags.
from articles.search import document as _search_document  # noqa: E402, F401
