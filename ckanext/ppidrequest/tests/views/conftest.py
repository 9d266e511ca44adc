"""Fixtures of the page tests."""
from __future__ import annotations

import pytest

from ckan.tests import factories


@pytest.fixture
def terbatas(actors):
    """A restricted dataset of the Dinas Kesehatan with its legal basis."""
    return factories.Dataset(
        name="kunjungan-puskesmas", title="Kunjungan Puskesmas 2025",
        owner_org=actors["dinkes"]["id"], classification="terbatas",
        classification_ground="h",
        classification_consequence="Mengungkap data pribadi pasien.",
        classification_exempt_reason="Data pribadi",
        classification_decision_ref="000.8.3/0014/PPID/2026")
