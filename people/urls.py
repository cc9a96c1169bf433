from django.urls import path

from newsroom.caching import cached_for_readers
from people import views

app_name = "people"

urlpatterns = [
    path("people/", cached_for_readers(views.PersonIndexView.as_view()), name="person-index"),
    path("people/<slug:slug>/", cached_for_readers(views.PersonView.as_view()), name="person"),
    path(
        "organizations/",
        cached_for_readers(views.OrganizationIndexView.as_view()),
        name="organization-index",
    ),
    path(
        "organizations/<slug:slug>/",
        cached_for_readers(views.OrganizationView.as_view()),
        name="organization",
    ),
]
