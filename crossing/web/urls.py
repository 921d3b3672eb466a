"""The site's addresses. Each content area is a package with its own urls.py; their
prefixes are the ones crossing.content.addresses gives editors' links."""

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from . import views
from .reportage.views import figure_svg
from .sitemaps import EventPages, ScreeningPages, SitePages

urlpatterns = [
    path("", views.home, name="home"),
    path("journey/", include("crossing.web.journey.urls")),
    path("on-the-border/", include("crossing.web.reportage.urls")),
    path("figures/<slug:key>.svg", figure_svg, name="figure-svg"),
    path("", include("crossing.web.events.urls")),  # /events/ and the films' calendars
    path("", include("crossing.web.works.urls")),
    path("sources/", include("crossing.web.bibliography.urls")),
    path("news/", include("crossing.web.news.urls")),
    path("comments/", include("crossing.web.comments.urls")),
    path("comments/", include("crossing.web.comments.subscription_urls")),
    path("webmention/", include("crossing.web.comments.webmention_urls")),
    path("screenings/", include("crossing.web.screenings.urls")),
    path("screenings/", include("crossing.web.screenings.organiser_urls")),
    path("screenings/", include("crossing.web.screenings.payment_urls")),
    path("site-map/", views.site_map, name="site-map"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": SitePages, "screenings": ScreeningPages, "events": EventPages}},
        name="sitemap",
    ),
    path("__watch__", views.watch, name="watch"),
]

handler404 = "crossing.web.views.not_found"
handler500 = "crossing.web.views.server_error"

# Staff only: the outbox and, later, moderation (docs/cli.md, `crossing staff add`).
urlpatterns += [path("admin/", admin.site.urls)]
