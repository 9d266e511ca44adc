"""A ckanext-dcat profile that carries the classification into DCAT.

Listed after the base profile (``euro_dcat_ap_3``, ckanext-dcat's default)
in ``ckanext.dcat.rdf.profiles``; it only replaces and removes triples the
base profile wrote:

- ``dct:accessRights`` of every dataset is a term of the EU access-right
  vocabulary: terbuka → ``PUBLIC``, terbatas → ``RESTRICTED``, rahasia →
  ``NON_PUBLIC`` (the class the dataset is *handled as*, so a pending
  stricter proposal counts);
- the distributions of a dataset that is not open carry no data URL: their
  ``dcat:downloadURL``, ``dcat:accessURL``, ``dcat:accessService``, checksum
  and byte size are removed, and ``dcat:accessURL`` points to the dataset
  page, where the data is requested from the PPID; a ``dct:rights``
  statement on the dataset and its distributions says so, with the
  exemption ground once the PPID has decided it;
- the ``dcat:landingPage`` of such a dataset is the dataset page too (the
  base profile writes the dataset's ``url``, the source URL, there), and no
  term linked from the dataset may contain one of its data URLs.

The DCAT endpoints are a public catalogue feed, so this is done whoever
asks: the dataset dicts a sysadmin gets from ``package_show`` and
``package_search`` still hold the URLs, and the profile strips them all
the same.
"""
from __future__ import annotations

import logging
from typing import Any, Iterable, Mapping

from rdflib import BNode, Literal, Namespace, URIRef

import ckan.plugins.toolkit as tk

from ckanext.dcat.profiles import (DCAT, DCT, FOAF, RDF, RDFS, SPDX,
                                   CleanedURIRef, RDFProfile)
from ckanext.dcat.utils import catalog_uri, resource_uri

from ..translation import in_language
from . import classes as C

log = logging.getLogger(__name__)

ACCESS_RIGHT = Namespace(
    "http://publications.europa.eu/resource/authority/access-right/")
ACCESS_RIGHTS: dict[str, URIRef] = {
    C.TERBUKA: ACCESS_RIGHT.PUBLIC,
    C.TERBATAS: ACCESS_RIGHT.RESTRICTED,
    C.RAHASIA: ACCESS_RIGHT.NON_PUBLIC,
}
CLASS_OF_ACCESS_RIGHT: dict[str, str] = {
    str(uri): cls for cls, uri in ACCESS_RIGHTS.items()}

# flag access.redact_package sets on a dict whose data was withheld
_REDACTED_FLAG = "ppidrequest_data_withheld"
# resource fields (and access service fields) that lead to the data
_RESOURCE_URL_KEYS = ("url", "download_url", "access_url")
# distribution predicates that lead to, or describe, the data itself
_DISTRIBUTION_DATA_PREDICATES = (DCAT.downloadURL, DCAT.accessURL,
                                 DCAT.accessService, SPDX.checksum,
                                 DCAT.byteSize)

class PpidAccessProfile(RDFProfile):
    """``dct:accessRights`` from the classification; no data URL of a
    dataset that is not open."""

    def graph_from_dataset(self, dataset_dict, dataset_ref):
        cls = _handled_as(dataset_dict)
        self.g.bind("dct", DCT)
        self.g.bind("dcat", DCAT)
        self._set_access_rights(dataset_ref, cls)
        if cls == C.TERBUKA:
            return

        page = URIRef(dataset_page_url(dataset_dict))
        secrets = _data_urls(dataset_dict)
        statement = self._rights_statement(dataset_dict, cls)

        self._rename_leaking_distributions(dataset_dict, secrets)

        self._replace(dataset_ref, DCAT.landingPage, page)
        self.g.add((page, RDF.type, FOAF.Document))
        self.g.add((dataset_ref, DCT.rights, statement))

        for distribution in list(self.g.objects(dataset_ref,
                                                DCAT.distribution)):
            for predicate in _DISTRIBUTION_DATA_PREDICATES:
                for obj in list(self.g.objects(distribution, predicate)):
                    self.g.remove((distribution, predicate, obj))
                    self._drop_if_orphan(obj)
            self.g.add((distribution, DCAT.accessURL, page))
            self.g.add((page, RDF.type, RDFS.Resource))
            self.g.add((distribution, DCT.rights, statement))

        self._scrub(dataset_ref, secrets)

    def graph_from_catalog(self, catalog_dict, catalog_ref):
        pass

    def parse_dataset(self, dataset_dict, dataset_ref):
        """An EU access-right term read back as the classification.

        Only a proposal for CKAN: the classification validator decides
        whether the harvesting user may set it, and a class other than
        terbuka needs its basis fields."""
        for obj in self.g.objects(dataset_ref, DCT.accessRights):
            cls = CLASS_OF_ACCESS_RIGHT.get(str(obj))
            if cls:
                dataset_dict.setdefault("classification", cls)
                break
        return dataset_dict

    # helpers

    def _set_access_rights(self, dataset_ref, cls: str) -> None:
        uri = ACCESS_RIGHTS[cls]
        self._replace(dataset_ref, DCT.accessRights, uri)
        self.g.add((uri, RDF.type, DCT.RightsStatement))

    def _replace(self, subject, predicate, obj) -> None:
        for old in list(self.g.objects(subject, predicate)):
            self.g.remove((subject, predicate, old))
            self._drop_if_orphan(old)
        self.g.add((subject, predicate, obj))

    def _drop_if_orphan(self, node) -> None:
        """Remove what the graph says about a node nothing links to any
        more: a rights statement, checksum or access service, or a removed
        URL the base profile typed (``<url> a rdfs:Resource``)."""
        if isinstance(node, Literal):
            return
        if next(iter(self.g.subjects(None, node)), None) is not None:
            return
        if ((node, RDF.type, DCAT.Dataset) in self.g
                or (node, RDF.type, DCAT.Catalog) in self.g):
            return
        children = list(self.g.objects(node, None))
        self.g.remove((node, None, None))
        for child in children:
            self._drop_if_orphan(child)

    def _rights_statement(self, dataset_dict, cls: str) -> BNode:
        statement = BNode()
        self.g.add((statement, RDF.type, DCT.RightsStatement))
        ground = dataset_dict.get("classification_ground")
        # the decided basis describes the handled class only when no
        # stricter proposal is pending; a proposal itself is not public
        decided = dataset_dict.get("classification") == cls
        for lang, text in rights_texts(cls, ground, decided).items():
            self.g.add((statement, RDFS.label,
                        Literal(text, lang=lang.replace("_", "-"))))
        return statement

    def _rename_leaking_distributions(self, dataset_dict, secrets) -> None:
        """A resource with its own ``uri`` names its distribution after it:
        when that name contains a data URL, use CKAN's resource URI."""
        if not secrets:
            return
        base = catalog_uri().rstrip("/")
        for resource in dataset_dict.get("resources") or []:
            if not resource.get("id"):
                continue
            try:
                old = CleanedURIRef(resource_uri(resource))
            except Exception:  # noqa: BLE001 - no URI, nothing to rename
                continue
            if not _contains(old, secrets):
                continue
            new = CleanedURIRef("{0}/dataset/{1}/resource/{2}".format(
                base, dataset_dict.get("id"), resource["id"]))
            if _contains(new, secrets):
                new = BNode()
            for p, o in list(self.g.predicate_objects(old)):
                self.g.remove((old, p, o))
                self.g.add((new, p, o))
            for s, p in list(self.g.subject_predicates(old)):
                self.g.remove((s, p, old))
                self.g.add((s, p, new))

    def _scrub(self, dataset_ref, secrets) -> None:
        """Remove every triple, among those reachable from the dataset,
        whose subject or object contains one of its data URLs."""
        if not secrets:
            return
        seen = {dataset_ref}
        todo = [dataset_ref]
        while todo:
            node = todo.pop()
            for p, o in list(self.g.predicate_objects(node)):
                if _contains(node, secrets) or _contains(o, secrets):
                    self.g.remove((node, p, o))
                    self._drop_if_orphan(o)
                    continue
                if isinstance(o, Literal) or o in seen:
                    continue
                if o != dataset_ref and (
                        (o, RDF.type, DCAT.Dataset) in self.g
                        or (o, RDF.type, DCAT.Catalog) in self.g):
                    continue
                seen.add(o)
                todo.append(o)


def rights_texts(cls: str, ground: str | None,
                 decided: bool) -> dict[str, str]:
    """The ``dct:rights`` statement of a dataset handled as ``cls``, in
    each language the portal offers (``ckan.locales_offered``, the default
    first) that the catalogues can say it in: English, the msgids'
    language, and every language whose catalogue translates it."""
    from ckan.lib.i18n import get_locales

    english = _rights_text(cls, ground, decided, "en")
    texts = {}
    for lang in get_locales():
        text = english if lang == "en" else \
            _rights_text(cls, ground, decided, lang)
        if text != english or lang.split("_")[0] == "en":
            texts[lang] = text
    return texts


def _rights_text(cls: str, ground: str | None, decided: bool,
                 lang: str) -> str:
    with in_language(lang):
        if cls == C.RAHASIA:
            text = tk._("Secret: exempted information; the data is not "
                        "released.")
        else:
            text = tk._("Restricted: the metadata is public; the data is "
                        "available only by an information request to the "
                        "PPID on the dataset page.")
        if decided and ground in C.GROUNDS:
            text += " " + tk._(
                "Exemption ground: Article 17({letter}) of Law 14/2008 "
                "({label}).").format(letter=ground,
                                     label=C.ground_label(ground))
        elif not decided:
            text += " " + tk._(
                "The classification is under review by the PPID.")
    return text


# the profile's name under ``ckan.rdf.profiles`` (pyproject.toml)
PROFILE_NAME = "ppidrequest_access"


def with_access_profile(profiles: Any) -> list[str] | None:
    """The profiles a DCAT request asks for, with this one last.

    ckanext-dcat lets every caller choose the profiles (``?profiles=`` on
    the DCAT routes, ``profiles`` in the DCAT actions), which would drop
    this profile and put the data URLs back. ``None`` (the configured
    profiles) stays ``None``."""
    if not profiles:
        return None
    if isinstance(profiles, str):
        profiles = profiles.replace(",", " ").split()
    names = [str(p) for p in profiles if p and str(p) != PROFILE_NAME]
    return names + [PROFILE_NAME]


def _chain_profiles(up_func, context, data_dict):
    data_dict = dict(data_dict or {})
    data_dict["profiles"] = with_access_profile(data_dict.get("profiles"))
    return up_func(context, data_dict)


@tk.chained_action
@tk.side_effect_free
def dcat_dataset_show(up_func, context, data_dict):
    return _chain_profiles(up_func, context, data_dict)


@tk.chained_action
@tk.side_effect_free
def dcat_catalog_show(up_func, context, data_dict):
    return _chain_profiles(up_func, context, data_dict)


@tk.chained_action
@tk.side_effect_free
def dcat_catalog_search(up_func, context, data_dict):
    return _chain_profiles(up_func, context, data_dict)


def get_actions() -> dict[str, Any]:
    """Chained DCAT actions that keep this profile in every serialization,
    for the plugin's ``IActions.get_actions``."""
    return {
        "dcat_dataset_show": dcat_dataset_show,
        "dcat_catalog_show": dcat_catalog_show,
        "dcat_catalog_search": dcat_catalog_search,
    }


def dataset_page_url(dataset_dict: Mapping[str, Any]) -> str:
    """The dataset's page on the portal, where its data is requested."""
    name = dataset_dict.get("name") or dataset_dict.get("id")
    pkg_type = dataset_dict.get("type") or "dataset"
    for endpoint in (f"{pkg_type}.read", "dataset.read"):
        try:
            return tk.url_for(endpoint, id=name, _external=True,
                              locale="default")
        except Exception:  # noqa: BLE001 - no such route, or no app
            continue
    site = (tk.config.get("ckan.site_url") or catalog_uri()).rstrip("/")
    return f"{site}/dataset/{name}"


def _handled_as(dataset_dict: Mapping[str, Any]) -> str:
    """The class the dataset is handled as, whoever asked for the dict.

    A dict redacted for the requesting user has lost its pending proposal,
    so the classification stored in the database counts as well, and the
    stricter one wins."""
    cls = C.handled_as(dataset_dict)
    stored = _stored_fields(dataset_dict.get("id"))
    if stored is not None:
        cls = C.stricter(cls, C.handled_as(stored)) or cls
    if dataset_dict.get(_REDACTED_FLAG):
        cls = C.stricter(cls, C.TERBATAS) or cls
    return cls


def _stored_fields(package_id: Any) -> dict[str, Any] | None:
    if not package_id:
        return None
    try:
        from . import access
        return access.package_fields(package_id)
    except Exception:  # noqa: BLE001 - no database (a bare serializer)
        log.debug("no stored classification for %s", package_id,
                  exc_info=True)
        return None


def _data_urls(dataset_dict: Mapping[str, Any]) -> set[str]:
    """The URLs that lead to a dataset's data: from the dict (not redacted
    for a privileged user) and from the database (redacted dicts)."""
    urls: set[str] = set()
    for resource in dataset_dict.get("resources") or []:
        urls.update(_resource_urls(resource))
    package_id = dataset_dict.get("id")
    if package_id:
        try:
            urls.update(_stored_data_urls(package_id))
        except Exception:  # noqa: BLE001 - no database (a bare serializer)
            log.debug("no stored resources for %s", package_id,
                      exc_info=True)
    # only absolute URLs: a bare file name would match titles and such
    return {u for u in urls if isinstance(u, str) and "://" in u}


def _resource_urls(resource: Mapping[str, Any]) -> Iterable[str]:
    for key in _RESOURCE_URL_KEYS:
        value = resource.get(key)
        if value:
            yield value
    services = resource.get("access_services")
    if isinstance(services, str):
        import json
        try:
            services = json.loads(services)
        except ValueError:
            services = []
    for service in services if isinstance(services, list) else []:
        if not isinstance(service, dict):
            continue
        endpoints = service.get("endpoint_url") or []
        if isinstance(endpoints, str):
            endpoints = [endpoints]
        yield from (e for e in endpoints if isinstance(e, str))


def _stored_data_urls(package_id: str) -> Iterable[str]:
    import ckan.model as model

    pkg = model.Package.get(package_id)
    if pkg is None:
        return
    for resource in pkg.resources:
        fields = dict(resource.extras or {})
        fields["url"] = resource.url
        if resource.url_type == "upload" and resource.url:
            fields["upload_url"] = tk.url_for(
                "resource.download", id=pkg.id, resource_id=resource.id,
                filename=resource.url.rsplit("/", 1)[-1], _external=True,
                locale="default")
            yield fields["upload_url"]
        yield from _resource_urls(fields)


def _contains(term, secrets: Iterable[str]) -> bool:
    if isinstance(term, BNode):
        return False
    text = str(term)
    return any(secret in text for secret in secrets)
