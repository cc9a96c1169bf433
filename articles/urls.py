from django.urls import path

from articles import views
from articles.feeds import LatestStoriesFeed, SectionFeed, TagFeed, feed_paths
from newsroom.caching import cached_for_readers

app_name = "articles"

urlpatterns = [
    path("", cached_for_readers(views.HomeView.as_view()), name="home"),
    path("stories/<slug:slug>/", cached_for_readers(views.StoryView.as_view()), name="story"),
    path("preview/stories/<int:pk>/", views.StoryPreviewView.as_view(), name="preview"),
    path("sections/<slug:slug>/", cached_for_readers(views.SectionView.as_view()), name="section"),
    path("tags/<slug:slug>/", cached_for_readers(views.TagView.as_view()), name="tag"),
    # Not cached_for_readers: query strings vary without bound (see SearchView).
    path("search/", views.SearchView.as_view(), name="search"),
    *feed_paths("feeds/", LatestStoriesFeed, "latest"),
    *feed_paths("sections/<slug:slug>/", SectionFeed, "section"),
    *feed_paths("tags/<slug:slug>/", TagFeed, "tag"),
]
