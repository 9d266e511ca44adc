"""The officers' pages: the PPID desk (queue, request page, steps, days
off) and the PPID Pembantu inbox."""
from __future__ import annotations

from flask import Blueprint

from . import errors

bp = errors.register(Blueprint("ppidrequest_desk", __name__))


def get_blueprints():
    return [bp]
