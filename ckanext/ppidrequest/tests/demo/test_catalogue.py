"""The demo content as read from ``demo/data/*.yaml`` (no database)."""
from __future__ import annotations

import pytest

from ckanext.ppidrequest.demo import catalogue, tables


def test_dates_stay_text():
    dates = [d["classification"]["classification_exempt_until"]
             for d in catalogue.DATASETS if "classification" in d]
    dates += [p.get("classification_exempt_until", "")
              for p in catalogue.PROPOSALS]
    assert all(isinstance(d, str) for d in dates)
    assert "2028-12-31" in dates


def test_every_table_and_request_resolves():
    names = {r["table"] for d in catalogue.DATASETS for r in d["resources"]
             if "table" in r}
    assert names <= set(tables.TABLES)
    for spec in catalogue.REQUESTS:
        assert spec["form"]["applicant_name"]
        assert spec["form"]["information_requested"]


@pytest.mark.parametrize("change, message", [
    ({"org": "dinas-lain"}, "unknown organization 'dinas-lain'"),
    ({"resources": [{"filename": "x.csv", "name": "x", "description": "",
                     "table": "tidak_ada"}]},
     "unknown table generator 'tidak_ada'"),
    ({"classification": {"class": "terbatas", "groun": "h"}},
     "unknown classification fields ['groun']"),
])
def test_a_wrong_entry_is_refused_by_name(change, message):
    spec = {**catalogue.load("datasets")[0], **change}
    orgs = {o["name"] for o in catalogue.ORGANIZATIONS}
    groups = {g["name"] for g in catalogue.GROUPS}
    with pytest.raises(ValueError) as refused:
        catalogue._dataset(spec, orgs, groups)
    assert message in str(refused.value)
    assert spec["name"] in str(refused.value)
