"""The site's addresses. Each content area is a package with its own urls.py; their
prefixes are the ones crossing.content.addresses gives editors' links."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from . import views
from .reportage.views import figure_svg
from .sitemaps import EventPages, ScreeningPages, SitePages

# Every page in each language: English at its own address, Korean under /ko/ (languages.py).
urlpatterns = i18n_patterns(
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
    path("screenings/", include("crossing.web.screenings.urls")),
    path("screenings/", include("crossing.web.screenings.organiser_urls")),
    path("screenings/", include("crossing.web.screenings.payment_urls")),
    path("site-map/", views.site_map, name="site-map"),
    prefix_default_language=False,
)
# The same in every language (languages.UNPREFIXED).
urlpatterns += [
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": SitePages, "screenings": ScreeningPages, "events": EventPages}},
        name="sitemap",
    ),
    path("__watch__", views.watch, name="watch"),
    path("webmention/", include("crossing.web.comments.webmention_urls")),
]

handler404 = "crossing.web.views.not_found"
handler500 = "crossing.web.views.server_error"

# Staff only: the outbox and, later, moderation (docs/cli.md, `crossing staff add`).
urlpatterns += [path("admin/", admin.site.urls)]
