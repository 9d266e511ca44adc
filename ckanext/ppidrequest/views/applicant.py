"""The applicant's pages: the request form, the receipt, tracking and
"Permohonan saya"."""
from __future__ import annotations

from flask import Blueprint

from . import errors

bp = errors.register(Blueprint("ppidrequest_applicant", __name__))


def get_blueprints():
    return [bp]
