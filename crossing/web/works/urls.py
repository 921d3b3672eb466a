from django.urls import path

from . import views

app_name = "works"
urlpatterns = [
    path("films/", views.index, {"kind": "film"}, name="films"),
    path("films/<slug:slug>/", views.work, {"kind": "film"}, name="film"),
    path("books/", views.index, {"kind": "book"}, name="books"),
    path("books/<slug:slug>/", views.work, {"kind": "book"}, name="book"),
]
