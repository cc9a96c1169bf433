"""The site's own URLs, plus uploads served from wherever the test put ``MEDIA_ROOT``.

The project serves media only when DEBUG is on, and tests run with DEBUG off; without this,
lead images and portraits would be broken pictures in every screenshot.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from newsroom.urls import urlpatterns as site_urlpatterns


def serve_upload(request, path):
    # MEDIA_ROOT is a fresh temporary folder per test, so it is read at request time.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", serve_upload),
    *site_urlpatterns,
]
