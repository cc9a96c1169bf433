"""The people and organizations that stories quote, mention and are written by."""

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from taggit.managers import TaggableManager

from newsroom.caching import PageChangingQuerySet
from newsroom.images import Illustrated
from newsroom.names import organization_key, person_key, split_aliases


class Named(models.Model):
    """A record readers know by name, with a URL slug and other spellings (aliases)."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    aliases = models.TextField(
        blank=True,
        help_text="Other spellings and short forms, one per line; used to match imported copy.",
    )
    # Folded form of the name, kept in step by save(), so matching is one indexed lookup.
    match_key = models.CharField(max_length=200, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def alias_list(self):
        return split_aliases(self.aliases)


def _published_articles():
    return apps.get_model("articles", "Article").objects.published().values("pk")


def _public_quotes():
    return apps.get_model("articles", "Quote").objects.public()


class PersonQuerySet(PageChangingQuerySet):
    def public(self):
        """People a reader may look up: quoted in, writing or mentioned in a published story.

        Someone who so far appears only in a draft stays out of sight, so an embargoed story
        cannot be guessed from the people index.
        """
        Article = apps.get_model("articles", "Article")
        Byline = apps.get_model("articles", "Byline")
        published = _published_articles()
        return self.filter(
            Exists(_public_quotes().filter(speaker=OuterRef("pk")))
            | Exists(Byline.objects.filter(person=OuterRef("pk"), article__in=published))
            | Exists(
                Article.people_mentioned.through.objects.filter(
                    person=OuterRef("pk"), article__in=published
                )
            )
        )


class OrganizationQuerySet(PageChangingQuerySet):
    def public(self):
        """Organizations a published story names, quotes for, or syndicates from, and those
        a public person belongs to."""
        Article = apps.get_model("articles", "Article")
        published = _published_articles()
        return self.filter(
            Exists(_public_quotes().filter(organization=OuterRef("pk")))
            | Exists(
                Article.organizations_mentioned.through.objects.filter(
                    organization=OuterRef("pk"), article__in=published
                )
            )
            | Exists(Article.objects.published().filter(source_outlet=OuterRef("pk")))
            | Exists(
                Affiliation.objects.filter(
                    organization=OuterRef("pk"), person__in=Person.objects.public().values("pk")
                )
            )
        )


class Organization(Named):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", "Government"
        LAW_ENFORCEMENT = "law-enforcement", "Law enforcement"
        FAITH = "faith", "Faith"
        COMMUNITY_GROUP = "community-group", "Community group"
        NONPROFIT = "nonprofit", "Nonprofit"
        EDUCATION = "education", "Education"
        BUSINESS = "business", "Business"
        MEDIA = "media", "Media"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=20, choices=Kind, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)
    tags = TaggableManager(blank=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="people_organization_unique_slug"),
        ]

    def save(self, *args, **kwargs):
        self.match_key = organization_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("people:organization", args=[self.slug])


class Person(Illustrated, Named):
    honorific = models.CharField(
        max_length=50, blank=True, help_text="Shown before the name, e.g. “Archbishop”, “Dr.”"
    )
    title = models.CharField(
        "current title", max_length=200, blank=True, help_text="e.g. “Police Chief”"
    )
    bio = models.TextField(blank=True)
    # Staff-only: never rendered on a public page.
    contact_details = models.TextField(
        blank=True, help_text="Private to staff: phone numbers, e-mail, how to reach them."
    )
    tags = TaggableManager(blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="people_person_unique_slug"),
        ]

    def save(self, *args, **kwargs):
        self.match_key = person_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("people:person", args=[self.slug])

    @property
    def sort_letter(self):
        """The A–Z index files people under their surname's first letter."""
        surname = self.name.split()[-1] if self.name.split() else "#"
        letter = person_key(surname)[:1].upper()
        return letter if letter.isalpha() else "#"


class Affiliation(models.Model):
    """A person's role at an organization, e.g. pastor at the Citadel of Love."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="affiliations"
    )
    role = models.CharField(max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    objects = PageChangingQuerySet.as_manager()

    class Meta:
        ordering = ["person__name", "organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organization", "role"],
                name="people_affiliation_unique_role",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="people_affiliation_ends_after_start",
            ),
        ]

    def __str__(self):
        role = self.role or "member"
        return f"{self.person.name}, {role} at {self.organization.name}"

    def get_absolute_url(self):
        return self.person.get_absolute_url()

    @property
    def is_current(self):
        return self.end_date is None
