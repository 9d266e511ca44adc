"""Who is who: PPID, Walidata and the producing agency, mapped onto CKAN.

- PPID: sysadmins, and members of the organizations named in
  ``ckanext.ppidrequest.ppid_organizations``;
- Walidata: members of ``ckanext.ppidrequest.walidata_organizations``;
- producing agency (Produsen Data / PPID Pembantu): members of the dataset's
  owner organization.

Memberships are read from the database on each check; loops over many
datasets (search results, activity streams) build a :class:`Viewer` once.
"""
from __future__ import annotations

from typing import Any, Iterable

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk


def _user_obj(user: Any) -> model.User | None:
    if user is None or user == "":
        return None
    if isinstance(user, model.User):
        return user
    if isinstance(user, dict):
        user = user.get("id") or user.get("name")
    return model.User.get(user)


def memberships(user: Any) -> dict[str, str]:
    """``{organization name: capacity}`` of the user's active memberships."""
    obj = _user_obj(user)
    if obj is None:
        return {}
    rows = (model.Session.query(model.Group.name, model.Member.capacity)
            .join(model.Member, model.Member.group_id == model.Group.id)
            .filter(model.Member.table_name == "user",
                    model.Member.table_id == obj.id,
                    model.Member.state == "active",
                    model.Group.state == "active",
                    model.Group.is_organization.is_(True))
            .all())
    return {name: capacity for name, capacity in rows}


def is_sysadmin(user: Any) -> bool:
    obj = _user_obj(user)
    return bool(obj and obj.sysadmin and obj.state == "active")


def _member_of_any(user: Any, orgs: Iterable[str]) -> bool:
    mine = memberships(user)
    return any(org in mine for org in orgs)


def is_ppid(user: Any) -> bool:
    return is_sysadmin(user) or _member_of_any(
        user, tk.config.get("ckanext.ppidrequest.ppid_organizations"))


class Viewer:
    """A user's roles, read once, for checks over many datasets."""

    def __init__(self, user: Any):
        obj = _user_obj(user)
        self.name = obj.name if obj else None
        orgs = memberships(obj) if obj else {}
        self.privileged = bool(obj) and (
            is_sysadmin(obj)
            or any(o in orgs for o in tk.config.get(
                "ckanext.ppidrequest.ppid_organizations"))
            or any(o in orgs for o in tk.config.get(
                "ckanext.ppidrequest.walidata_organizations")))
        self.org_ids = set()
        if orgs:
            self.org_ids = {g.id for g in model.Session.query(model.Group.id)
                            .filter(model.Group.name.in_(list(orgs)))}

    def can_access(self, owner_org: str | None) -> bool:
        return self.privileged or (owner_org in self.org_ids)


def is_walidata(user: Any) -> bool:
    return _member_of_any(
        user, tk.config.get("ckanext.ppidrequest.walidata_organizations"))


def is_producer(user: Any, owner_org: str | None) -> bool:
    """A member (any capacity) of the dataset's owner organization."""
    if not owner_org:
        return False
    obj = _user_obj(user)
    if obj is None:
        return False
    group = model.Group.get(owner_org)
    if group is None:
        return False
    return group.name in memberships(obj)


def may_propose(user: Any, owner_org: str | None) -> bool:
    return is_walidata(user) or is_producer(user, owner_org) or is_ppid(user)


def current_user_name() -> str | None:
    try:
        user = tk.current_user
        if user and not user.is_anonymous:
            return user.name
    except (RuntimeError, AttributeError):
        pass
    return None


def can_edit_dataset(user: Any, package_id: str) -> bool:
    obj = _user_obj(user)
    if obj is None:
        return False
    return authz.is_authorized_boolean(
        "package_update", {"user": obj.name}, {"id": package_id})
