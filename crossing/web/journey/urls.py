from django.urls import path

from . import api, views

app_name = "journey"
urlpatterns = [
    path("", views.play, name="play"),
    # The rest first: the story's pattern would take "<hash>.rest" for a hash.
    path("story.<str:version_hash>.rest.json", views.story_rest_json, name="story-rest"),
    path("story.<str:version_hash>.json", views.story_json, name="story"),
    path("map.svg", views.map_svg, name="map"),
    path("endings/", api.report_ending, name="endings"),
    path("endings/<slug:scene_id>/", views.ending_page, name="ending"),
    path(
        "ending.<slug:language>.<str:version_hash>.json",
        views.ending_data_json,
        name="ending-data",
    ),
    path("gamebook/", views.gamebook_all, name="gamebook-all"),
    path("gamebook/<slug:page_id>/", views.gamebook_page, name="gamebook-page"),
]
