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


def _memberships(obj: model.User) -> list[tuple[str, str, str]]:
    """``(organization name, organization id, capacity)`` of the user's
    active organization memberships."""
    return (model.Session.query(model.Group.name, model.Group.id,
                                model.Member.capacity)
            .join(model.Member, model.Member.group_id == model.Group.id)
            .filter(model.Member.table_name == "user",
                    model.Member.table_id == obj.id,
                    model.Member.state == "active",
                    model.Group.state == "active",
                    model.Group.is_organization.is_(True))
            .all())


def memberships(user: Any) -> dict[str, str]:
    """``{organization name: capacity}`` of the user's active memberships."""
    obj = _user_obj(user)
    if obj is None:
        return {}
    return {name: capacity for name, _id, capacity in _memberships(obj)}


def is_sysadmin(user: Any) -> bool:
    obj = _user_obj(user)
    return bool(obj and obj.sysadmin and obj.state == "active")


def _in_role_orgs(org_names: Iterable[str], option: str) -> bool:
    return any(org in org_names for org in tk.config.get(option))


def is_ppid(user: Any) -> bool:
    return is_sysadmin(user) or _in_role_orgs(
        memberships(user), "ckanext.ppidrequest.ppid_organizations")


def is_walidata(user: Any) -> bool:
    return _in_role_orgs(memberships(user),
                         "ckanext.ppidrequest.walidata_organizations")


class Viewer:
    """A user's roles, read with one query, for checks over many datasets."""

    def __init__(self, user: Any):
        obj = _user_obj(user)
        self.user = obj
        self.name = obj.name if obj else None
        rows = _memberships(obj) if obj else []
        names = {name for name, _id, _capacity in rows}
        self.org_ids = {org_id for _name, org_id, _capacity in rows}
        #: organizations where the user is an admin or editor: the agency's
        #: PPID Pembantu for requests forwarded to it
        self.officer_org_ids = {org_id for _name, org_id, capacity in rows
                                if capacity in ("admin", "editor")}
        self.ppid = bool(obj) and (
            is_sysadmin(obj) or _in_role_orgs(
                names, "ckanext.ppidrequest.ppid_organizations"))
        self.privileged = self.ppid or bool(obj) and _in_role_orgs(
            names, "ckanext.ppidrequest.walidata_organizations")

    def can_access(self, owner_org: str | None) -> bool:
        """PPID, Walidata, or a member of the owner organization."""
        return self.privileged or (owner_org in self.org_ids)


def may_propose(user: Any, owner_org: str | None) -> bool:
    """The same people who get a dataset's data may propose its class."""
    return Viewer(user).can_access(owner_org)


def current_user_name() -> str | None:
    try:
        user = tk.current_user
        if user and not user.is_anonymous:
            return user.name
    except (RuntimeError, AttributeError):
        pass
    return None
