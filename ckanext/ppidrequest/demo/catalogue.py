"""The demo portal's content, read from the YAML files in ``data/``.

- ``organizations.yaml``  the Walidata, the PPID and the agencies (OPD)
- ``groups.yaml``         topic groups
- ``users.yaml``          one user per role of the PPID procedure
- ``datasets.yaml``       datasets, their resources and PPID decisions
- ``proposals.yaml``      classification proposals waiting for the PPID
- ``requests.yaml``       requests for information and the steps they take
- ``monitoring.yaml``     late datasets and downloads for the Walidata's dashboard

Each file starts with a comment on its fields. This module turns them into
the shapes the seed applies (:data:`ORGANIZATIONS`, :data:`GROUPS`,
:data:`USERS`, :data:`DATASETS`, :data:`PROPOSALS`, :data:`REQUESTS`) and
refuses, when imported, a dataset naming an unknown organization, group or
table generator. The CSV contents are generated in :mod:`.tables`.
"""
from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from ..classification import classes as C
from . import tables

DATA = resources.files(__package__) / "data"


class _Loader(yaml.SafeLoader):
    """YAML without implicit dates: a date in the data stays the text the
    actions take."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(name: str) -> Any:
    """The content of ``data/<name>.yaml``."""
    with (DATA / f"{name}.yaml").open(encoding="utf-8") as f:
        return yaml.load(f, Loader=_Loader)


def _user(spec: dict[str, Any]) -> dict[str, Any]:
    """``memberships`` as (organization, capacity) pairs."""
    return {**spec, "memberships": list(spec.get("memberships", {}).items())}


_BASIS = {"ground": "classification_ground",
          "consequence": "classification_consequence",
          "until": "classification_exempt_until",
          "reason": "classification_exempt_reason",
          "decision_ref": "classification_decision_ref"}


def _decision(spec: dict[str, str]) -> dict[str, str]:
    """A PPID decision as the dataset schema stores it: the class and every
    basis field (empty when not given)."""
    unknown = set(spec) - set(_BASIS) - {"class"}
    if unknown:
        raise ValueError(f"unknown classification fields {sorted(unknown)}")
    return {"classification": spec["class"],
            **{field: spec.get(key, "") for key, field in _BASIS.items()}}


def _resource(spec: dict[str, Any]) -> dict[str, Any]:
    if "table" in spec:
        if spec["table"] not in tables.TABLES:
            raise ValueError(f"unknown table generator {spec['table']!r}")
        return {"format": "CSV", **spec}
    return spec


def _dataset(spec: dict[str, Any], orgs: set[str], groups: set[str]
             ) -> dict[str, Any]:
    label = f"datasets.yaml, {spec.get('name')}"
    if spec["org"] not in orgs:
        raise ValueError(f"{label}: unknown organization {spec['org']!r}")
    if set(spec.get("groups", [])) - groups:
        raise ValueError(f"{label}: unknown groups in {spec['groups']}")
    dataset = {**spec, "resources": []}
    try:
        dataset["resources"] = [_resource(r) for r in spec["resources"]]
        if "classification" in spec:
            dataset["classification"] = _decision(spec["classification"])
    except ValueError as e:
        raise ValueError(f"{label}: {e}") from None
    return dataset


def _request(spec: dict[str, Any], applicants: dict[str, Any],
             delivery: dict[str, Any]) -> dict[str, Any]:
    """The form of ``ppidrequest_create``: the applicant's fields, then the
    delivery's, then the request's own."""
    form = {**applicants[spec["applicant"]],
            **(delivery[spec["delivery"]] if "delivery" in spec else {}),
            **spec["form"]}
    return {**spec, "form": form, "steps": spec.get("steps", [])}


ORGANIZATIONS: list[dict[str, str]] = load("organizations")
GROUPS: list[dict[str, str]] = load("groups")
USERS: list[dict[str, Any]] = [_user(u) for u in load("users")]
DATASETS: list[dict[str, Any]] = [
    _dataset(d, {o["name"] for o in ORGANIZATIONS},
             {g["name"] for g in GROUPS})
    for d in load("datasets")]
PROPOSALS: list[dict[str, str]] = load("proposals")
_requests = load("requests")
REQUESTS: list[dict[str, Any]] = [
    _request(r, _requests["applicants"], _requests["delivery"])
    for r in _requests["requests"]]
del _requests
#: the dashboard's late datasets and download log (demo/monitoring.py)
MONITORING: dict[str, Any] = load("monitoring")


def organization(name: str) -> dict[str, str]:
    return next(o for o in ORGANIZATIONS if o["name"] == name)


def classification_fields(spec: dict[str, Any]) -> dict[str, str]:
    """The decided classification of a dataset spec and its basis, as the
    validator stores them (an open dataset keeps empty basis fields)."""
    fields = {"classification": C.TERBUKA,
              **{f: "" for f in C.BASIS_FIELDS}}
    fields.update(spec.get("classification") or {})
    if fields["classification"] == C.TERBUKA:
        fields.update({f: "" for f in C.BASIS_FIELDS})
    return fields
