"""Save parsed stories, with the quotes the finder found, as rows — one story at a time.

The flow is one way: a ``ParsedArticle`` (from ``articles.formats``) → the quote finder
(``articles.quotefinder``) → names matched to people and organizations already on file
(``Directory``) → one transaction per story (``StoryImporter.save``). The management
command and the admin both come through here; the finder and the parsers know nothing of
the database.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag, TaggedItem

from articles.headlines import provisional_headline
from articles.models import Article, Byline, Quote, Section
from articles.quotefinder import find_quotes
from articles.search import join_search_names, refresh_search_document
from newsroom.names import organization_key, person_key
from people.models import Affiliation, Organization, Person

SLUG_LENGTH = 80


class Ambiguous:
    """A name that fits more than one record: an editor must choose."""

    def __init__(self, name, candidates):
        self.name = name
        self.candidates = candidates

    def __str__(self):
        names = ", ".join(f"{c.name} (#{c.pk})" for c in self.candidates)
        return f"“{self.name}” could be any of: {names}"


class Directory:
    """People and organizations on file, indexed by folded name and aliases.

    Loaded once per import run so that matching costs no query per name; records the
    import creates are added as it goes.
    """

    def __init__(self):
        self.people = {}
        self.organizations = {}
        for person in Person.objects.only("pk", "name", "slug", "aliases", "title", "honorific"):
            self._index(self.people, person, person_key)
        for organization in Organization.objects.only("pk", "name", "slug", "aliases"):
            self._index(self.organizations, organization, organization_key)
        self.affiliations = set(
            Affiliation.objects.values_list("person_id", "organization_id", "role")
        )
        self.tags = {tag.name.casefold(): tag for tag in Tag.objects.all()}
        self.sections = {section.slug: section for section in Section.objects.all()}
        self.people_created = 0
        self.organizations_created = 0

    @staticmethod
    def _index(index, record, key):
        for name in (record.name, *record.alias_list):
            bucket = index.setdefault(key(name), [])
            if record not in bucket:
                bucket.append(record)

    def affiliate(self, affiliations):
        """Record each ``(person, organization, role)`` not on file yet, all in one insert."""
        new = {}
        for person, organization, role in affiliations:
            key = (person.pk, organization.pk, role)
            if key not in self.affiliations:
                new[key] = Affiliation(person=person, organization=organization, role=role)
        Affiliation.objects.bulk_create(list(new.values()))
        self.affiliations.update(new)

    def tag(self, name):
        """The tag of that name in any case, created on first use."""
        name = " ".join(name.split())
        found = self.tags.get(name.casefold())
        if found is None:
            found = self.tags[name.casefold()] = Tag.objects.create(name=name)
        return found

    def section(self, name):
        slug = slugify(name)[:100] or "news"
        if slug not in self.sections:
            self.sections[slug], _ = Section.objects.get_or_create(
                slug=slug, defaults={"name": name.strip()}
            )
        return self.sections[slug]

    def organization_names(self):
        """Every name and alias on file, each mapped to the organization's own name, for the
        finder to recognise in the text and report under the name on file."""
        names = {}
        for bucket in self.organizations.values():
            for organization in bucket:
                for name in (organization.name, *organization.alias_list):
                    names.setdefault(name, organization.name)
        return dict(sorted(names.items()))

    def match_person(self, name):
        """The one person of that name, ``None`` if nobody, ``Ambiguous`` if several."""
        return _pick(self.people.get(person_key(name), []), name)

    def match_organization(self, name):
        return _pick(self.organizations.get(organization_key(name), []), name)

    def person(self, name, honorific="", title=""):
        """Match a person by name, or create them; an ambiguous name creates nobody."""
        found = self.match_person(name)
        if found is not None:
            if isinstance(found, Person) and title and not found.title:
                found.title = title
                found.save(update_fields=["title", "updated_at"])
            return found
        person = Person.objects.create(
            name=name,
            slug=unique_slug(Person, name),
            honorific=honorific,
            title=title,
        )
        self._index(self.people, person, person_key)
        self.people_created += 1
        return person

    def organization(self, name, kind=""):
        """Match an organization by name or alias, or create it with the finder's kind
        ("law enforcement" is stored as ``law-enforcement``)."""
        found = self.match_organization(name)
        if found is not None:
            return found
        kind = slugify(kind)
        organization = Organization.objects.create(
            name=name,
            slug=unique_slug(Organization, name),
            kind=kind if kind in Organization.Kind.values else Organization.Kind.OTHER,
        )
        self._index(self.organizations, organization, organization_key)
        self.organizations_created += 1
        return organization


def _pick(candidates, name):
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    return Ambiguous(name, candidates)


def plain_slug(model, text):
    """The slug ``text`` gets when no other record has it yet: "budget-vote"."""
    return slugify(text)[:SLUG_LENGTH].strip("-") or model._meta.model_name


def unique_slug(model, text, exclude_pk=None):
    """A slug for ``text`` not yet used by ``model``: "budget-vote", then "budget-vote-2"…

    Each candidate is one lookup on the unique slug index; a prefix search (LIKE) would
    scan the whole table, which grows with every import.
    """
    base = plain_slug(model, text)
    others = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects.all()
    slug, n = base, 2
    while others.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def content_hash(parsed):
    """Identity of a story that carries no source URL or id: its words and date."""
    payload = json.dumps(
        [parsed.headline, parsed.dek, str(parsed.date or ""), parsed.paragraphs],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def publication_time(value):
    """A story dated by day is published at the start of that day, newsroom time."""
    if value is None:
        return timezone.now()
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    if isinstance(value, date):
        return timezone.make_aware(datetime.combine(value, time.min))
    raise TypeError(f"not a date: {value!r}")


@dataclass
class StoryResult:
    """What happened to one story, for the summary and the ``--json`` report."""

    origin: str
    outcome: str  # created, updated, unchanged, changed, failed
    headline: str = ""
    slug: str = ""
    message: str = ""
    quotes: int = 0
    people: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)

    def as_dict(self):
        return {key: value for key, value in self.__dict__.items() if value not in ("", [])}


@dataclass
class ImportOptions:
    # None: new stories are drafts, and a re-imported story keeps the status it has.
    status: str | None = None
    section: str = ""
    tags: tuple[str, ...] = ()
    source: str = ""
    update: bool = False


class StoryImporter:
    """Saves parsed stories; each ``save`` is one transaction that fully happens or not."""

    def __init__(self, options=None):
        self.options = options or ImportOptions()
        self.directory = Directory()
        self._known_organizations = None
        self._known_as_of = None
        self.quotes_created = 0

    def forget_unsaved(self):
        """After a story's transaction rolled back, what it created is gone: reload, and
        count only what was kept."""
        people, organizations, self.quotes_created = self._counts_before_story
        self.directory = Directory()
        self.directory.people_created = people
        self.directory.organizations_created = organizations
        self._known_as_of = None

    def known_organizations(self):
        """Organization names for the finder, rebuilt only after the import added some."""
        if self._known_as_of != self.directory.organizations_created:
            self._known_organizations = self.directory.organization_names()
            self._known_as_of = self.directory.organizations_created
        return self._known_organizations

    def existing(self, parsed, digest, slug):
        """``(story, slug_taken)``: the story this input is, if it was imported before, and
        whether any story already has ``slug``, the slug a new story would get.

        One query answers both, each half a lookup on its own index (SQLite's multi-index
        OR, PostgreSQL's bitmap OR), saving a new story a second round trip for its slug.
        """
        if parsed.url:
            column, value = "source_url", parsed.url
        elif parsed.external_id:
            column, value = "external_id", parsed.external_id
        else:
            column, value = "content_hash", digest
        # No ORDER BY at all: the default newest-first ordering would steer SQLite's planner
        # away from the indexes. Several stories of one identity are only ever an editor's
        # doing; the first imported is the one.
        found = list(Article.objects.filter(Q(**{column: value}) | Q(slug=slug)).order_by())
        earlier = [story for story in found if getattr(story, column) == value]
        story = min(earlier, key=lambda story: story.pk, default=None)
        return story, any(other.slug == slug for other in found)

    def save(self, parsed):
        """Save one story in a transaction of its own (a savepoint when the caller holds
        one, as a dry run does): a database error leaves nothing of it behind."""
        self._counts_before_story = (
            self.directory.people_created,
            self.directory.organizations_created,
            self.quotes_created,
        )
        digest = content_hash(parsed)
        slug = plain_slug(Article, parsed.headline or provisional_headline(parsed.paragraphs))
        with transaction.atomic():
            article, slug_taken = self.existing(parsed, digest, slug)
            if article is not None and article.content_hash == digest:
                return StoryResult(parsed.origin, "unchanged", article.headline, article.slug)
            if article is not None and not self.options.update:
                return StoryResult(
                    parsed.origin,
                    "changed",
                    article.headline,
                    article.slug,
                    message="changed since it was imported; use --update to re-import it",
                )
            outcome = "updated" if article is not None else "created"
            extraction = find_quotes(
                parsed.paragraphs, known_organizations=self.known_organizations()
            )
            people, organizations = resolve_names(extraction, self.directory)
            tag_names = [*parsed.tags, *self.options.tags]
            tags = {self.directory.tag(name) for name in tag_names if name.strip()}
            if outcome == "created":
                # Written with the row itself: a later UPDATE would index the story twice.
                speakers = (people.get(q.speaker) for q in extraction.quotes if q.speaker)
                names = [t.name for t in tags] + [p.name for p in speakers if isinstance(p, Person)]
                article = Article(search_names=join_search_names(names))
            free_slug = slug if outcome == "created" and not slug_taken else None
            article = self._write_article(article, parsed, digest, tags, free_slug)
            quotes = store_quotes(
                article, extraction, people, organizations, replacing=outcome == "updated"
            )
            if outcome == "updated":
                refresh_search_document(article)
            self.quotes_created += len(quotes)
            return StoryResult(
                parsed.origin,
                outcome,
                article.headline,
                article.slug,
                quotes=len(quotes),
                people=[p.name for p in extraction.people],
                organizations=[o.name for o in extraction.organizations],
            )

    def _write_article(self, article, parsed, digest, tags, free_slug=None):
        options = self.options
        if parsed.headline:
            article.headline, article.needs_headline = parsed.headline, False
        elif article.pk is None or article.needs_headline:
            article.headline = provisional_headline(parsed.paragraphs)
            article.needs_headline = True
        # else: an editor already wrote a headline for this story; it stays.
        headline = article.headline
        article.dek = parsed.dek
        article.body = parsed.body
        article.dateline = parsed.dateline
        article.source_url = parsed.url
        article.external_id = parsed.external_id
        article.content_hash = digest
        if not article.slug:
            # A new story's own slug, known to be free, comes from the lookup in save().
            article.slug = free_slug or unique_slug(Article, headline)
        if article.pk is None or parsed.date is not None:
            article.published_at = publication_time(parsed.date)
        if options.status or article.pk is None:
            article.status = options.status or Article.Status.DRAFT
        section_name = parsed.section or options.section
        if section_name:
            article.section = self.directory.section(section_name)
        source = parsed.source or options.source
        if source:
            article.source_outlet = self.directory.organization(
                source, kind=Organization.Kind.MEDIA
            )
        is_new = article.pk is None
        article.save()
        # Straight to taggit's table: one insert for all of a story's tags.
        story_type = ContentType.objects.get_for_model(article)
        add_links(
            TaggedItem,
            ("content_type_id", "object_id", "tag_id"),
            [(story_type.pk, article.pk, tag.pk) for tag in tags],
        )
        if not is_new:
            article.bylines.all().delete()
        authors = [self.directory.person(name) for name in dict.fromkeys(parsed.bylines)]
        # An author whose name fits several people is left for an editor to add.
        Byline.objects.bulk_create(
            Byline(article=article, person=person, position=n)
            for n, person in enumerate(p for p in authors if isinstance(p, Person))
        )
        return article


def attach_quotes(article, extraction, directory, replacing=True):
    """Store what the finder found: people, organizations, affiliations and quotes.

    Quotes an editor confirmed, rejected or edited stay exactly as they are; the finder's
    fresh quotes replace only its own earlier ones, and a quote with the same words as a
    kept one is not added twice. Returns the quotes created.
    """
    people, organizations = resolve_names(extraction, directory)
    return store_quotes(article, extraction, people, organizations, replacing)


def resolve_names(extraction, directory):
    """Match (or create) everyone and every organization the finder named, with the
    affiliations its descriptors give; returns ``{name: record}`` for each.

    A name that fits several records maps to ``Ambiguous``, for an editor to settle.
    """
    # Organizations first, so each is created with the kind the finder guessed for it.
    organizations = {}
    for found in extraction.organizations:
        organizations[found.name] = directory.organization(found.name, kind=found.kind)
    people = {}
    affiliations = []
    for found in extraction.people:
        person = directory.person(found.name, honorific=found.honorific, title=found.title)
        people[found.name] = person
        if isinstance(person, Person) and found.organization:
            organization = directory.organization(found.organization)
            if isinstance(organization, Organization):
                affiliations.append((person, organization, found.title))
    directory.affiliate(affiliations)
    for found in extraction.quotes:
        if found.speaker and found.speaker not in people:
            people[found.speaker] = directory.person(found.speaker)
        if found.speaker_org and found.speaker_org not in organizations:
            organizations[found.speaker_org] = directory.organization(found.speaker_org)
    return people, organizations


def store_quotes(article, extraction, people, organizations, replacing):
    """The quote rows themselves, and the story's links to the people and organizations."""
    kept = set()
    if replacing:
        article.quotes.filter(edited=False, review_state=Quote.ReviewState.FOUND).delete()
        kept = {_words_of(text) for text in article.quotes.values_list("text", flat=True)}
    rows = []
    for position, found in enumerate(extraction.quotes):
        if _words_of(found.reading) in kept:
            continue
        flags = []
        speaker = people.get(found.speaker) if found.speaker else None
        if isinstance(speaker, Ambiguous):
            flags.append(f"Ambiguous speaker: {speaker}")
            speaker = None
        organization = None
        if found.speaker_org:
            organization = organizations[found.speaker_org]
            if isinstance(organization, Ambiguous):
                flags.append(f"Ambiguous organization: {organization}")
                organization = None
        if found.speaker is None:
            flags.append("No speaker found")
        rows.append(
            Quote(
                article=article,
                speaker=speaker,
                organization=organization,
                text=found.reading,  # a split quote as one sentence, for pages showing it alone
                kind=found.kind,
                verb=found.verb,
                channel=found.channel,
                speaker_title=found.speaker_title,
                paragraph=found.paragraph,
                position=position,
                confidence=found.confidence,
                flag="; ".join(flags),
            )
        )
    Quote.objects.bulk_create(rows)
    # Straight to the link tables: one insert each, existing links left as they are.
    add_links(
        Article.people_mentioned.through,
        ("article_id", "person_id"),
        [(article.pk, p.pk) for p in people.values() if isinstance(p, Person)],
    )
    add_links(
        Article.organizations_mentioned.through,
        ("article_id", "organization_id"),
        [(article.pk, o.pk) for o in organizations.values() if isinstance(o, Organization)],
    )
    return rows


def add_links(model, fields, rows):
    """Insert ``rows`` (tuples of keys for ``fields``) into the link table of ``model``,
    leaving a row already there as it is: one call to the database, none for no rows.

    What ``bulk_create(ignore_conflicts=True)`` does, without a model instance per row and a
    statement compiled afresh each time: for a story's few tags, people and organizations
    that was an eighth of the cost of importing it. Link tables send no signals either way,
    and SQLite and PostgreSQL both understand ``ON CONFLICT DO NOTHING``.
    """
    if not rows:
        return
    database = connections[router.db_for_write(model)]
    quote = database.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    with database.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders}) "
            "ON CONFLICT DO NOTHING",
            rows,
        )


_WORD = re.compile(r"\w+")


def _words_of(text):
    """A quote's words without case or punctuation: a kept quote is the same quote
    whether its pieces were stored joined by a comma or by a full stop."""
    return " ".join(_WORD.findall(text.casefold()))


def body_paragraphs(body):
    """A stored body's paragraphs, counted as the renderer counts them (blank-line blocks)."""
    blocks = re.split(r"\n[ \t]*\n", body.replace("\r\n", "\n").strip())
    return [" ".join(block.split()) for block in blocks if block.strip()]


def refresh_quotes(article):
    """Run the finder again on a saved story (from the admin, or after its body changed)."""
    directory = Directory()
    extraction = find_quotes(
        body_paragraphs(article.body), known_organizations=directory.organization_names()
    )
    created = attach_quotes(article, extraction, directory)
    refresh_search_document(article)
    return len(created)
