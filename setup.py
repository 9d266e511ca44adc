# Metadata lives in pyproject.toml; this shim keeps `python setup.py develop`
# and older pip workflows used by CKAN deployments working.
from setuptools import setup

setup()
