"""The news's addresses (crossing.content.addresses gives the same ones to editors' links
and to the static export, which writes each as a file: the feeds end in .xml for that)."""

from django.urls import path, re_path

from . import feeds, views

app_name = "news"
urlpatterns = [
    path("", views.index, name="index"),
    path("page/<int:number>/", views.page, name="page"),
    path("tags/", views.tags, name="tags"),
    path("tag/<slug:slug>/", views.tag, name="tag"),
    path("tag/<slug:slug>/atom.xml", feeds.atom, name="tag-atom"),
    path("tag/<slug:slug>/rss.xml", feeds.rss, name="tag-rss"),
    path("author/<slug:key>/", views.author, name="author"),
    path("feed/atom.xml", feeds.atom, name="atom"),
    path("feed/rss.xml", feeds.rss, name="rss"),
    re_path(r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", views.month, name="month"),
    path("<slug:slug>/", views.post, name="post"),
]
