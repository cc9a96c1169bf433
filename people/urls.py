from django.urls import path

from articles.feeds import OrganizationFeed, PersonFeed, feed_paths
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
    *feed_paths("people/<slug:slug>/", PersonFeed, "person"),
    *feed_paths("organizations/<slug:slug>/", OrganizationFeed, "organization"),
]
