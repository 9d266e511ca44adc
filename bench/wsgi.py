"""WSGI entry point of the benchmark's gunicorn server: CKAN's application
for the ini named by ``CKAN_INI`` (as CKAN's own commands read it)."""
import logging
import os

from ckan.cli import load_config
from ckan.config.middleware import make_app

application = make_app(load_config(os.environ["CKAN_INI"]))

# CKAN's logging configuration disables the loggers that exist before it,
# gunicorn's among them: keep its error and access logs
for _name in ("gunicorn.error", "gunicorn.access"):
    logging.getLogger(_name).disabled = False
