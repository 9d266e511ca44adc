"""Blueprints of the ppidrequest plugin, one module per area."""
from __future__ import annotations

from . import (applicant, classification, delivery, desk, guard,
               letters, monitoring)


def get_blueprints():
    return (guard.get_blueprints() + classification.get_blueprints()
            + delivery.get_blueprints() + applicant.get_blueprints()
            + desk.get_blueprints() + letters.get_blueprints()
            + monitoring.get_blueprints())
