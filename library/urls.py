from django.urls import path

from library import feeds, views

app_name = "library"

urlpatterns = [
    path("", views.resource_list, name="resource_list"),
    path("suggest/", views.resource_suggest, name="resource_suggest"),
    path("suggestions/", views.suggestion_list, name="suggestion_list"),
    path("collections/", views.collection_list, name="collection_list"),
    path("collections/<slug:slug>/", views.collection_detail, name="collection_detail"),
    path("feeds/latest.rss", feeds.LatestResourcesFeed(), name="feed_rss"),
    path("feeds/latest.atom", feeds.LatestResourcesAtomFeed(), name="feed_atom"),
    path("feeds/developments.rss", feeds.DevelopmentsFeed(), name="developments_rss"),
    path("feeds/developments.atom", feeds.DevelopmentsAtomFeed(), name="developments_atom"),
    path("feeds/topics/<slug:slug>.rss", feeds.TopicFeed(), name="topic_rss"),
    path("feeds/topics/<slug:slug>.atom", feeds.TopicAtomFeed(), name="topic_atom"),
    path("cite.<str:extension>", views.results_cite, name="results_cite"),
    path("<slug:slug>/", views.resource_detail, name="resource_detail"),
    path("<slug:slug>/cite.<str:extension>", views.resource_cite, name="resource_cite"),
    path("<slug:slug>/download/", views.resource_download, name="resource_download"),
]
