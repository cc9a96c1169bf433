"""``/healthz``: may a load balancer send this app server traffic?"""

import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """200 when the database answers and the cache stores and returns a value, else 503."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            checks["database"] = "ok" if cursor.fetchone() == (1,) else "unexpected answer"
    except DatabaseError as err:
        checks["database"] = f"error: {err.__class__.__name__}"
    probe = uuid.uuid4().hex
    try:
        cache.set("healthz:probe", probe, 10)
        checks["cache"] = "ok" if cache.get("healthz:probe") == probe else "not storing"
    except Exception as err:  # the cache client raises its own error classes
        checks["cache"] = f"error: {err.__class__.__name__}"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "failing", **checks}, status=200 if healthy else 503
    )
