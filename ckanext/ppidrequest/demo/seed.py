"""Seeds the demo portal of Kabupaten Sukamaju (fictional).

``ckan ppidrequest-demo seed`` calls :func:`seed`. It creates, through CKAN
actions only, the agencies (OPD) as organizations, a few topic groups, one
user per role of the PPID procedure and some fifty datasets, each with small
CSV files uploaded to CKAN's file storage; then the pending classification
proposals and the demo requests for information (:mod:`.requests`).

Every dataset carries the Satu Data metadata (producer contact, update
frequency, temporal and spatial coverage, unit, source and method) and a
classification. Most are terbuka; a few are terbatas or rahasia, each with
the PPID's decision: the Pasal 17 ground, the consequence test, the
exemption period and the decision's reference. Their files are uploaded too
(invented people, fictitious identifiers), so that the portal can be shown
never to release them.

Seeding is idempotent: every object is looked up by name with ``*_show`` and
created when missing, patched when it differs from the data, and left alone
(its ``metadata_modified`` untouched) when it already matches. Objects the
seed does not know about (datasets, resources or members added by hand) are
never deleted.

The content is in the YAML files of ``data/`` (read by :mod:`.catalogue`),
the CSV contents are generated in :mod:`.tables`; :func:`ensure_organization`,
:func:`ensure_group`, :func:`ensure_user`, :func:`ensure_dataset` and
:func:`ensure_proposal` apply one entry each.
"""
from __future__ import annotations

import io
import re
import time
from collections import Counter
from typing import Any, Callable, Iterable

from werkzeug.datastructures import FileStorage

import ckan.plugins.toolkit as tk

from ..classification import classes as C
from . import catalogue as K
from . import monitoring as demo_monitoring
from . import requests as demo_requests
from . import tables as T

SITE_URL = "http://127.0.0.1:5000"
PASSWORD_OPTION = "ckanext.ppidrequest.demo.password"
DEFAULT_PASSWORD = "Sukamaju2026!"
REGENCY = "Kabupaten Sukamaju"

DATASET_FIELDS = ("title", "notes", "license_id", "author", "author_email",
                  "maintainer", "maintainer_email", "url", "version")


class _Seeder:
    """Holds the acting user and the tallies of one :func:`seed` run."""

    def __init__(self, echo: Callable[[str], Any]):
        self.echo = echo
        site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
        self.user = site_user["name"]
        self.stats: Counter[tuple[str, str]] = Counter()
        self.classes: Counter[str] = Counter()  # decided, per demo dataset
        self.org_ids: dict[str, str] = {}

    def context(self) -> dict[str, Any]:
        # A fresh dict per call: actions write into their context.
        return {"user": self.user, "ignore_auth": True}

    def action(self, name: str, data: dict[str, Any]) -> Any:
        return tk.get_action(name)(self.context(), data)

    def show(self, name: str, data: dict[str, Any]) -> dict[str, Any] | None:
        try:
            return self.action(name, data)
        except tk.ObjectNotFound:
            return None

    def tally(self, kind: str, outcome: str, label: str) -> None:
        self.stats[(kind, outcome)] += 1
        if outcome != "unchanged":
            mark = {"created": "+", "updated": "~"}[outcome]
            self.echo(f"  {mark} {kind}: {label}")


def _changed(current: dict[str, Any], wanted: dict[str, Any]
             ) -> dict[str, Any]:
    """The items of ``wanted`` that differ from ``current``."""
    return {k: v for k, v in wanted.items() if (current.get(k) or "") != v}


def _org_contact(org: dict[str, str]) -> dict[str, str]:
    short = org["short"]
    if org["name"] == "ppid-kabupaten":
        return {"author": org["title"],
                "author_email": "ppid@sukamaju.go.id",
                "maintainer": org["title"],
                "maintainer_email": "ppid@sukamaju.go.id",
                "url": "https://ppid.sukamaju.go.id"}
    return {"author": f"{org['title']} {REGENCY}",
            "author_email": f"{short}@sukamaju.go.id",
            "maintainer": f"PPID Pembantu {org['title']}",
            "maintainer_email": f"ppid.{short}@sukamaju.go.id",
            "url": f"https://{short}.sukamaju.go.id"}


def _group_like(s: _Seeder, kind: str, spec: dict[str, Any]) -> dict[str, Any]:
    wanted = {"title": spec["title"], "description": spec["description"]}
    current = s.show(f"{kind}_show", {"id": spec["name"],
                                      "include_datasets": False,
                                      "include_users": False})
    if current is None:
        result = s.action(f"{kind}_create", {"name": spec["name"], **wanted})
        s.tally(kind, "created", spec["name"])
        return result
    changes = _changed(current, wanted)
    if current.get("state") != "active":
        changes["state"] = "active"
    if changes:
        current = s.action(f"{kind}_patch", {"id": current["id"], **changes})
        s.tally(kind, "updated", spec["name"])
    else:
        s.tally(kind, "unchanged", spec["name"])
    return current


def ensure_organization(s: _Seeder, spec: dict[str, Any]) -> dict[str, Any]:
    org = _group_like(s, "organization", spec)
    s.org_ids[spec["name"]] = org["id"]
    return org


def ensure_group(s: _Seeder, spec: dict[str, Any]) -> dict[str, Any]:
    return _group_like(s, "group", spec)


def _password_matches(name: str, password: str) -> bool:
    import ckan.model as model

    user = model.User.by_name(name)
    return bool(user and user.validate_password(password))


def ensure_user(s: _Seeder, spec: dict[str, Any], password: str
                ) -> dict[str, Any]:
    wanted = {"fullname": spec["fullname"], "email": spec["email"],
              "about": spec["about"]}
    current = s.show("user_show", {"id": spec["name"]})
    if current is None:
        data = {"name": spec["name"], "password": password, **wanted}
        if spec.get("sysadmin"):
            # user_create accepts ``sysadmin`` from a sysadmin/ignore_auth
            # context (the ignore_not_sysadmin validator).
            data["sysadmin"] = True
        user = s.action("user_create", data)
        s.tally("user", "created", spec["name"])
    else:
        changes = _changed(current, wanted)
        if bool(current.get("sysadmin")) != bool(spec.get("sysadmin")):
            changes["sysadmin"] = bool(spec.get("sysadmin"))
        if current.get("state") != "active":
            changes["state"] = "active"
        if not _password_matches(spec["name"], password):
            changes["password"] = password
        if changes:
            user = s.action("user_patch", {"id": current["id"], **changes})
            s.tally("user", "updated", spec["name"])
        else:
            user = current
            s.tally("user", "unchanged", spec["name"])
    for kind, memberships in (
            ("organization", spec.get("memberships", [])),
            ("group", [(g, "admin") for g in spec.get("groups", [])])):
        for parent, capacity in memberships:
            _ensure_member(s, kind, parent, spec["name"], capacity)
    return user


def _ensure_member(s: _Seeder, kind: str, parent: str, username: str,
                   capacity: str) -> None:
    shown = s.action(f"{kind}_show", {"id": parent, "include_users": True,
                                      "include_datasets": False})
    for member in shown.get("users", []):
        if member["name"] == username and member["capacity"] == capacity:
            s.tally("membership", "unchanged", f"{username} @ {parent}")
            return
    s.action(f"{kind}_member_create", {"id": parent, "username": username,
                                       "role": capacity})
    s.tally("membership", "created",
            f"{username} is {capacity} of {kind} {parent}")


def _stored_bytes(resource: dict[str, Any]) -> bytes | None:
    """Content of an uploaded resource as stored, or None if unreadable."""
    import ckan.lib.uploader as uploader

    if resource.get("url_type") != "upload":
        return None
    try:
        upload = uploader.get_resource_uploader(dict(resource))
        path = upload.get_path(resource["id"])
        storage = getattr(upload, "storage", None)
        if storage is not None:  # CKAN 2.12 file storages (file-keeper)
            from ckan.lib import files

            return b"".join(storage.stream(files.FileData(path)))
        with open(path, "rb") as f:
            return f.read()
    except Exception:  # missing file, storage not configured, ...
        return None


def _ensure_resource(s: _Seeder, dataset: dict[str, Any],
                     spec: dict[str, Any], current: dict[str, Any] | None
                     ) -> None:
    label = f"{dataset['name']} / {spec['name']}"
    wanted = {"name": spec["name"], "description": spec["description"],
              "format": spec["format"]}
    if "table" in spec:
        content = T.resource_bytes(spec)
        need_upload = (current is None
                       or current.get("url_type") != "upload"
                       or _stored_bytes(current) != content)
        changes = _changed(current or {}, wanted)
        if need_upload:
            changes["upload"] = FileStorage(stream=io.BytesIO(content),
                                            filename=spec["filename"],
                                            content_type="text/csv")
            changes["url"] = spec["filename"]
    else:
        wanted["url"] = spec["url"]
        changes = _changed(current or {}, wanted)
        if current and current.get("url_type"):
            changes["url_type"] = ""
            changes["clear_upload"] = True
    if current is None:
        s.action("resource_create", {"package_id": dataset["id"], **wanted,
                                     **changes})
        s.tally("resource", "created", label)
    elif changes:
        s.action("resource_patch", {"id": current["id"], **changes})
        s.tally("resource", "updated", label)
    else:
        s.tally("resource", "unchanged", label)


def _producer_contact(org: dict[str, str]) -> str:
    """Section, phone and email of the producing agency, e.g. "Seksi Data
    dan Informasi Dinas Kesehatan, (0261) 555-0123, dinkes@sukamaju.go.id"."""
    email = _org_contact(org)["author_email"]
    return f"{org['contact']}, {org['phone']}, {email}"


def _temporal(spec: dict[str, Any]) -> tuple[str, str]:
    """Temporal coverage in years: ``temporal`` of the spec, else the year
    or range of years that ends the dataset's name."""
    if "temporal" in spec:
        start, end = spec["temporal"]
        return str(start), str(end)
    match = re.search(r"(\d{4})(?:-(\d{4}))?$", spec["name"])
    if not match:
        return "", ""
    return match.group(1), match.group(2) or match.group(1)


def satu_data_fields(spec: dict[str, Any]) -> dict[str, str]:
    """The Satu Data metadata of a dataset spec, as the schema stores it."""
    org = K.organization(spec["org"])
    start, end = _temporal(spec)
    return {
        "producer_contact": _producer_contact(org),
        "update_frequency": spec["frequency"],
        "temporal_start": start,
        "temporal_end": end,
        "spatial_coverage": spec["spatial"],
        "unit_of_measure": spec["unit"],
        "source_method": spec["method"],
    }


def ensure_dataset(s: _Seeder, spec: dict[str, Any]) -> dict[str, Any]:
    org = K.organization(spec["org"])
    decided = K.classification_fields(spec)
    default_license = ("cc-by" if decided["classification"] == C.TERBUKA
                       else "other-closed")
    wanted: dict[str, Any] = {
        "title": spec["title"],
        "notes": spec["notes"],
        "license_id": spec.get("license_id", default_license),
        "version": spec.get("version", _version(spec["name"])),
        **_org_contact(org),
        **satu_data_fields(spec),
        **decided,
    }
    wanted.update({k: spec[k] for k in DATASET_FIELDS if k in spec})
    tags = sorted(set(spec["tags"]))
    groups = sorted(set(spec.get("groups", [])))
    owner = s.org_ids[spec["org"]]

    current = s.show("package_show", {"id": spec["name"]})
    if current is None:
        dataset = s.action("package_create", {
            "name": spec["name"], "owner_org": owner, "private": False,
            "tags": [{"name": t} for t in tags],
            "groups": [{"name": g} for g in groups],
            **wanted})
        s.tally("dataset", "created", spec["name"])
    else:
        changes = _changed(current, wanted)
        if current.get("owner_org") != owner:
            changes["owner_org"] = owner
        if current.get("private"):
            changes["private"] = False
        if current.get("state") != "active":
            changes["state"] = "active"
        if sorted(t["name"] for t in current.get("tags", [])) != tags:
            changes["tags"] = [{"name": t} for t in tags]
        if sorted(g["name"] for g in current.get("groups", [])) != groups:
            changes["groups"] = [{"name": g} for g in groups]
        if changes:
            dataset = s.action("package_patch", {"id": current["id"],
                                                 **changes})
            s.tally("dataset", "updated", spec["name"])
        else:
            dataset = current
            s.tally("dataset", "unchanged", spec["name"])

    s.classes[dataset.get("classification") or "-"] += 1
    by_name = {r.get("name"): r for r in dataset.get("resources", [])}
    for res in spec["resources"]:
        _ensure_resource(s, dataset, res, by_name.get(res["name"]))
    return dataset


_PROPOSAL_KEYS = ("classification",) + tuple(
    f for f in C.BASIS_FIELDS if f != "classification_decision_ref")


def ensure_proposal(s: _Seeder, spec: dict[str, str]) -> None:
    """Make a pending classification proposal as ``spec["user"]`` through
    ``ppidrequest_classification_propose``, unless the dataset already
    carries that proposal from that user.

    Run after the datasets: any save of a dataset by the PPID (the seed's
    site user included) settles its pending proposal.
    """
    label = (f"{spec['dataset']}: {spec['classification']} proposed by "
             f"{spec['user']}")
    current = s.action("package_show", {"id": spec["dataset"]})
    wanted = {k: spec.get(k, "") for k in _PROPOSAL_KEYS}
    if wanted["classification"] == C.TERBUKA:
        wanted.update({k: "" for k in _PROPOSAL_KEYS[1:]})
    pending = C.proposal_of(current) or {}
    if pending.get("proposed_by") == spec["user"] and all(
            (pending.get(k) or "") == v for k, v in wanted.items()):
        s.tally("proposal", "unchanged", label)
        return
    tk.get_action("ppidrequest_classification_propose")(
        {"user": spec["user"]},
        {"id": current["id"], **wanted, "note": spec.get("note", "")})
    s.tally("proposal", "updated" if pending else "created", label)


def _version(name: str) -> str:
    """The data year at the end of the dataset name, else "1.0"."""
    match = re.search(r"(\d{4})$", name)
    return match.group(1) if match else "1.0"


def _password() -> str:
    return tk.config.get(PASSWORD_OPTION) or DEFAULT_PASSWORD


def _summary(s: _Seeder, password: str, seconds: float) -> Iterable[str]:
    yield ""
    yield f"Demo data for {REGENCY} ready in {seconds:.1f} s."
    kinds = ["organization", "group", "user", "membership", "dataset",
             "resource", "proposal", "request"]
    width = max(len(k) for k in kinds) + 1
    yield f"  {'':<{width}} created  updated  unchanged"
    for kind in kinds:
        c, u, n = (s.stats[(kind, o)] for o in
                   ("created", "updated", "unchanged"))
        yield f"  {kind + 's':<{width}} {c:>7}  {u:>7}  {n:>9}"
    counts = ", ".join(f"{cls} {s.classes[cls]}" for cls in C.CLASSES)
    pending = sum(s.stats[("proposal", o)]
                  for o in ("created", "updated", "unchanged"))
    yield (f"Datasets per classification (decided by the PPID): {counts}; "
           f"pending proposals: {pending}.")
    yield ""
    yield "Logins (all share one password, option " + PASSWORD_OPTION + "):"
    rows = [("username", "peran / role", "password")]
    for u in K.USERS:
        rows.append((u["name"], f"{u['role_id']} / {u['role_en']}", password))
    w1, w2, w3 = (max(len(r[i]) for r in rows) for i in range(3))
    for i, (a, b, c) in enumerate(rows):
        yield f"  {a:<{w1}}  {b:<{w2}}  {c}"
        if i == 0:
            yield f"  {'-' * w1}  {'-' * w2}  {'-' * w3}"
    url = (tk.config.get("ckan.site_url") or SITE_URL).rstrip("/")
    yield ""
    yield f"Open {url} and log in at {url}/user/login"


def seed(echo: Callable[[str], Any] = print) -> dict[str, int]:
    """Create or update the demo portal. Safe to run any number of times.

    Returns the tallies as ``{"dataset_created": 3, ...}``.
    """
    started = time.monotonic()
    s = _Seeder(echo)
    password = _password()
    echo(f"Seeding demo data for {REGENCY} as {s.user}...")
    for org in K.ORGANIZATIONS:
        ensure_organization(s, org)
    for group in K.GROUPS:
        ensure_group(s, group)
    for user in K.USERS:
        ensure_user(s, user, password)
    for dataset in K.DATASETS:
        ensure_dataset(s, dataset)
    for proposal in K.PROPOSALS:
        ensure_proposal(s, proposal)
    for spec in K.REQUESTS:
        demo_requests.ensure_request(spec, lambda outcome, spec=spec: s.tally(
            "request", outcome, spec["form"]["information_requested"][:40]))
    demo_monitoring.seed(K.MONITORING, s.tally)
    for line in _summary(s, password, time.monotonic() - started):
        echo(line)
    return {f"{kind}_{outcome}": n for (kind, outcome), n in s.stats.items()}
