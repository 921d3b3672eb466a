from django.urls import path

from . import views

app_name = "bibliography"
urlpatterns = [path("", views.sources, name="sources")]
