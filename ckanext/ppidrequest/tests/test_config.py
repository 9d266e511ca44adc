"""Bad values of the extension's options stop CKAN at start-up with a
message that names the option, instead of failing on the first request."""
from __future__ import annotations

import pytest

from ckan.exceptions import CkanConfigurationException
from ckan.tests.helpers import _get_test_app

pytestmark = pytest.mark.usefixtures("with_plugins")


@pytest.mark.parametrize("key, value, says", [
    ("ckanext.ppidrequest.timezone", "Asia/Bandung", "Asia/Bandung"),
    ("ckanext.ppidrequest.step_targets", "submitted:1 in_reveiw:3",
     "in_reveiw:3"),
    ("ckanext.ppidrequest.step_targets", "submitted:satu", "submitted:satu"),
    ("ckanext.ppidrequest.registration_pattern", "{seq}/PMH/{tahun}",
     "{seq}"),
    ("ckanext.ppidrequest.registration_pattern", "{seq:04d}/PMH",
     "{year}"),
    ("ckanext.ppidrequest.download_days", "0", "download_days"),
    ("ckanext.ppidrequest.download_form", "wajib", "download_form"),
    # the throttles: a negative limit or no window would turn them off
    ("ckanext.ppidrequest.create_limit_per_email", "-1", "per_email"),
    ("ckanext.ppidrequest.create_limit_per_address", "banyak",
     "per_address"),
    ("ckanext.ppidrequest.create_limit_window", "0", "window"),
    ("ckanext.ppidrequest.track_max_failures", "0", "track_max_failures"),
])
def test_a_bad_option_fails_at_start_up(ckan_config, monkeypatch, key,
                                        value, says):
    monkeypatch.setitem(ckan_config, key, value)
    with pytest.raises(CkanConfigurationException) as error:
        _get_test_app()
    assert key in str(error.value)
    assert says in str(error.value)


def test_good_options_start(ckan_config, monkeypatch):
    monkeypatch.setitem(ckan_config, "ckanext.ppidrequest.timezone",
                        "Asia/Jayapura")
    monkeypatch.setitem(ckan_config, "ckanext.ppidrequest.step_targets",
                        "submitted:2 forwarded:5")
    monkeypatch.setitem(ckan_config, "ckanext.ppidrequest.download_form",
                        "optional")
    app = _get_test_app()
    assert app.get("/api/3/action/status_show").status_code == 200
