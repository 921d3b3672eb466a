from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "crossing.web.events"
    label = "events"
    verbose_name = "Events"
