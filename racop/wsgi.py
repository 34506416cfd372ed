"""WSGI entry point: `gunicorn racop.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "racop.settings")
application = get_wsgi_application()
