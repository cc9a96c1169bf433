"""Whole-page caching for anonymous readers, shared by every app server through the cache.

Every cached page is stored under the site's current *generation*. Any change to what a
public page can show (a story, quote, correction, person, organization, tag…) starts a new
generation once its transaction commits, so no reader is served a story as it was before an
edit. Scheduled stories need no edit to appear: a page is never cached past the moment the
next scheduled story goes live.

Staff and anyone logged in always get a fresh page, marked never to be cached. Readers' pages
carry ``Cache-Control``, ``ETag`` (ConditionalGetMiddleware) and ``Last-Modified`` so a CDN
can sit in front.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import http_date

GENERATION_KEY = "pages:generation"
# Apps whose rows appear on public pages.
PUBLIC_APPS = frozenset({"articles", "people", "taggit"})


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY) or time.time_ns()
    return generation


class _ProcessState:
    # Set when this process stores a page; lets a change be seen at once by the same
    # process (an editor's next request, a test) without a cache write per signal.
    cached_since_new_generation = False


def _start_new_generation():
    _ProcessState.cached_since_new_generation = False
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def pages_changed():
    """Call when something public changed.

    The new generation that counts starts when the transaction commits, so that no reader
    caches the old content under the new generation. A story import fires dozens of model
    signals in one transaction; they share that one new generation.
    """
    if _ProcessState.cached_since_new_generation:
        _start_new_generation()
    # Django keeps the transaction's on-commit callbacks in run_on_commit as
    # (savepoint ids, callback, robust); registering ours once per transaction is enough.
    pending = (callback for _, callback, _ in connection.run_on_commit)
    if _start_new_generation not in pending:
        transaction.on_commit(_start_new_generation, robust=True)


class PageChangingQuerySet(models.QuerySet):
    """For public models: bulk writes send no model signals, so they say so themselves."""

    def update(self, **kwargs):
        count = super().update(**kwargs)
        if count:
            pages_changed()
        return count

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            pages_changed()
        return created

    def bulk_update(self, objs, *args, **kwargs):
        count = super().bulk_update(objs, *args, **kwargs)
        if count:
            pages_changed()
        return count


def on_public_change(sender, **kwargs):
    """Signal receiver: saves, deletes and many-to-many changes of public models."""
    if sender._meta.app_label in PUBLIC_APPS:
        pages_changed()


def seconds_until_next_scheduled_story():
    from articles.models import Article

    upcoming = (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    if upcoming is None:
        return None
    return max(1, int((upcoming - timezone.now()).total_seconds()))


def cached_for_readers(view):
    """Serve anonymous GET/HEAD requests for ``view`` from the shared page cache."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            # Staff may be looking at drafts and previews; never cache what they see.
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            return response
        generation = current_generation()
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{generation}:{digest}"
        response = cache.get(key)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)
        if response.status_code != 200:
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        lifetime = settings.PAGE_CACHE_SECONDS
        until_scheduled = seconds_until_next_scheduled_story()
        if until_scheduled is not None:
            lifetime = min(lifetime, until_scheduled)
        # Browsers check back every time (a cheap 304 through the ETag), so a reader never
        # sees a story as it was before an edit; a CDN may keep the page up to a minute.
        patch_cache_control(response, public=True, max_age=0, s_maxage=min(lifetime, 60))
        response["Last-Modified"] = http_date(generation / 1e9)
        cache.set(key, response, lifetime)
        _ProcessState.cached_since_new_generation = True
        return response

    return wrapper
