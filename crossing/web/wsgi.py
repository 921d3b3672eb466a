"""The WSGI application gunicorn serves (`crossing serve --production`, docs/deployment.md)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crossing.web.settings")
application = get_wsgi_application()
