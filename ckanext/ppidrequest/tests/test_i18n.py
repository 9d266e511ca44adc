"""One translation path: gettext. Labels follow the page's language, or
the one asked for."""
from __future__ import annotations

import datetime as dt

import pytest

import ckan.plugins.toolkit as tk
from ckan.tests import factories

from ckanext.ppidrequest import helpers
from ckanext.ppidrequest.classification import classes as C
from ckanext.ppidrequest.requests import labels


# -- labels and the language -------------------------------------------------

@pytest.mark.usefixtures("with_plugins")
def test_labels_in_each_language():
    assert C.label("terbatas", "id") == "Terbatas"
    assert C.label("terbatas", "en") == "Restricted"
    assert C.label("nonsense", "id") == ""
    assert C.ground_label("h", "id") == "Mengungkap rahasia pribadi"
    assert C.ground_label("h", "en") == "Revealing private secrets"
    assert labels.label(labels.STATES, "in_review", "id") == \
        "Sedang diperiksa"
    assert labels.label(labels.ACTIONS, "lapse", "en") == "Lapsed"
    assert labels.label(labels.STATES, "unknown", "id") == "unknown"
    # the applicant type has its own context: CKAN's "Organization" stays
    assert labels.label(labels.APPLICANT_TYPES, "organization", "id") == \
        "Badan hukum / organisasi"
    assert helpers.translate("Organization", "id") == "Organisasi"


@pytest.mark.usefixtures("with_plugins")
@pytest.mark.ckan_config("ckan.locale_default", "id")
def test_language_is_the_page_s_else_the_portal_s(app):
    assert helpers.language() == "id"              # a job, a command
    with app.flask_app.test_request_context(
            "/en/dataset", environ_base={"CKAN_LANG": "en"}):
        assert helpers.language() == "en"
        assert helpers.ppidrequest_classification_label("rahasia") == \
            "Secret"
        with helpers.in_language("id"):
            assert helpers.language() == "id"
            assert tk._("Request data") == "Ajukan permohonan data"
            assert helpers.ppidrequest_format_date(dt.date(2026, 8, 17)) \
                == "Senin, 17 Agustus 2026"
        assert helpers.language() == "en"
        assert tk._("Request data") == "Request data"


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
@pytest.mark.ckan_config("ckan.locale_default", "id")
def test_dataset_page_in_indonesian_and_in_english(app, org):
    factories.Dataset(
        name="rekam-medis", owner_org=org["id"], classification="rahasia",
        classification_ground="h",
        classification_consequence="Mengungkap rekam medis pasien.",
        classification_exempt_reason="Rahasia medis",
        classification_decision_ref="000.8.3/0012/PPID/2026")
    page = app.get("/dataset/rekam-medis").body
    assert "Rahasia" in page and "Mengungkap rahasia pribadi" in page
    assert "Revealing private secrets" not in page
    page = app.get("/en/dataset/rekam-medis").body
    assert "Secret" in page and "Revealing private secrets" in page
    assert "Mengungkap rahasia pribadi" not in page
