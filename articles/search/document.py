"""``Article.search_names``: tag names and quoted people's names, copied in for search.

A story is found by its tags and by the people it quotes, and those live in taggit's tables
and in ``Quote``. The database's own index (``schema.py``) only sees ``articles_article``,
so the names are copied into the story's ``search_names`` column, one per line, and
whatever changes them calls ``refresh_search_document``:

* saving or deleting a quote, adding or removing tags, renaming or deleting a tag or a
  quoted person: the signal receivers below;
* ``Quote.objects.bulk_create()`` and ``QuerySet.update()`` send no signals, so code that
  uses them calls ``refresh_search_document(article)`` itself afterwards (the importer,
  after attaching quotes; the quote admin's confirm/reject actions).

Rejected quotes do not count: a name an editor struck from a story must not find it.
"""

from django.db import connections
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag

from articles.models import Article, Quote
from articles.search import schema
from people.models import Person


def search_names_for(article_id):
    """The story's tag names and the names of the people it quotes, one per line."""
    tags = Tag.objects.filter(article=article_id).values_list("name").order_by()
    speakers = (
        Quote.objects.filter(article=article_id, speaker__isnull=False)
        .exclude(review_state=Quote.ReviewState.REJECTED)
        .values_list("speaker__name")
        .order_by()
    )
    # One query: a union, which also drops a name found both as a tag and as a speaker.
    return join_search_names(name for (name,) in tags.union(speakers))


def join_search_names(names):
    """The stored form: distinct names, one per line, in case-blind alphabetical order."""
    return "\n".join(sorted(set(names), key=str.casefold))


def refresh_search_document(article):
    """Bring a story's ``search_names`` (and so its full-text index) up to date.

    ``article`` is an ``Article`` or its primary key. Costs two queries: the names, and an
    ``UPDATE`` that writes only if they changed. Call it after changing a story's quotes or
    tags in a way that sends no model signals: ``bulk_create``, ``QuerySet.update``, raw SQL.
    """
    article_id = getattr(article, "pk", article)
    names = search_names_for(article_id)
    Article.objects.filter(pk=article_id).exclude(search_names=names).update(search_names=names)
    if isinstance(article, Article):
        # A later save() of this instance must not write the old names back.
        article.search_names = names


def _missing_name(name):
    """Stories whose ``search_names`` lack ``name`` as a whole line."""
    return ~(
        Q(search_names=name)
        | Q(search_names__startswith=f"{name}\n")
        | Q(search_names__endswith=f"\n{name}")
        | Q(search_names__contains=f"\n{name}\n")
    )


def _refresh_all(article_ids):
    for article_id in sorted(set(article_ids)):
        refresh_search_document(article_id)


def _quoting(person):
    return Quote.objects.filter(speaker=person).exclude(review_state=Quote.ReviewState.REJECTED)


@receiver(post_save, sender=Quote, dispatch_uid="search-names-quote-saved")
def _quote_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # The instance the caller holds, when there is one, so its search_names stays current.
    cached = Quote.article.is_cached(instance)
    refresh_search_document(instance.article if cached else instance.article_id)


@receiver(post_delete, sender=Quote, dispatch_uid="search-names-quote-deleted")
def _quote_deleted(sender, instance, origin=None, **kwargs):
    # Deleting a story deletes its quotes first; there is nothing left to refresh.
    if isinstance(origin, Article) or getattr(origin, "model", None) is Article:
        return
    refresh_search_document(instance.article_id)


@receiver(m2m_changed, sender=Article.tags.through, dispatch_uid="search-names-tags-changed")
def _tags_changed(sender, instance, action, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, Article):
        refresh_search_document(instance)
    elif model is Article and pk_set:
        _refresh_all(pk_set)


@receiver(post_save, sender=Tag, dispatch_uid="search-names-tag-renamed")
def _tag_saved(sender, instance, created=False, raw=False, **kwargs):
    if created or raw:
        return
    stale = Article.objects.filter(tags=instance).filter(_missing_name(instance.name))
    _refresh_all(stale.values_list("pk", flat=True))


@receiver(pre_delete, sender=Tag, dispatch_uid="search-names-tag-deleting")
def _tag_deleting(sender, instance, **kwargs):
    instance._search_article_ids = list(
        Article.objects.filter(tags=instance).values_list("pk", flat=True)
    )


@receiver(post_delete, sender=Tag, dispatch_uid="search-names-tag-deleted")
def _tag_deleted(sender, instance, **kwargs):
    _refresh_all(getattr(instance, "_search_article_ids", ()))


@receiver(post_save, sender=Person, dispatch_uid="search-names-person-renamed")
def _person_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    if created or raw or (update_fields is not None and "name" not in update_fields):
        return
    stale = Article.objects.filter(pk__in=_quoting(instance).values("article_id")).filter(
        _missing_name(instance.name)
    )
    _refresh_all(stale.values_list("pk", flat=True))


@receiver(pre_delete, sender=Person, dispatch_uid="search-names-person-deleting")
def _person_deleting(sender, instance, **kwargs):
    # Deleting a person empties their quotes' speaker with an UPDATE, which sends no signal.
    instance._search_article_ids = list(_quoting(instance).values_list("article_id", flat=True))


@receiver(post_delete, sender=Person, dispatch_uid="search-names-person-deleted")
def _person_deleted(sender, instance, **kwargs):
    _refresh_all(getattr(instance, "_search_article_ids", ()))


@receiver(post_migrate, dispatch_uid="search-index-repair")
def _repair_index(sender, using, **kwargs):
    if sender.label == "articles":
        schema.repair_sqlite(connections[using])
