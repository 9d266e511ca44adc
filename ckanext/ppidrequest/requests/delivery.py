"""Giving data to one applicant: files kept outside the catalogue, personal
download links that expire, and a log of every download.

A delivery is either a file uploaded for the request (by the agency's PPID
Pembantu or the PPID) or a resource of the catalogue. A resource is served
from storage through the delivery link only: its dataset keeps its
classification, and nothing about it becomes public.
"""
from __future__ import annotations

import contextlib
import copy
import datetime as dt
import logging
import mimetypes
import os
from typing import Any
from urllib.parse import urlsplit

import file_keeper as fk
import flask
import requests
from itsdangerous import BadSignature, URLSafeSerializer

import ckan.lib.uploader as uploader
import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.config.declaration.load import config_tree
from ckan.exceptions import CkanConfigurationException
from ckan.lib import files
from ckan.lib.dictization import model_dictize

from ..model import Delivery

_ = tk._
log = logging.getLogger(__name__)

_SALT = "ppidrequest-delivery"


def sign(salt: str, *parts: str) -> str:
    """A personal link's token: ``parts`` signed with the site's secret
    (deliveries here, letters in :mod:`..letters.links`)."""
    return URLSafeSerializer(tk.config["SECRET_KEY"], salt=salt).dumps(
        list(parts))


def signed(salt: str, value: str | None, *parts: str) -> bool:
    """Whether ``value`` is :func:`sign`'s token of ``parts``."""
    try:
        return URLSafeSerializer(tk.config["SECRET_KEY"], salt=salt).loads(
            value or "") == list(parts)
    except BadSignature:
        return False


def token(delivery: Delivery) -> str:
    return sign(_SALT, delivery.id, delivery.request_id)


def token_matches(delivery: Delivery, value: str) -> bool:
    return signed(_SALT, value, delivery.id, delivery.request_id)


def download_url(delivery: Delivery) -> str:
    return tk.config["ckan.site_url"].rstrip("/") + tk.url_for(
        "ppidrequest_delivery.download", delivery_id=delivery.id,
        token=token(delivery))


def expired(delivery: Delivery) -> bool:
    return bool(delivery.expires_at
                and delivery.expires_at <= dt.datetime.now(dt.timezone.utc))


def release_expiry() -> dt.datetime:
    days = tk.config.get("ckanext.ppidrequest.download_days")
    return dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=days)


# -- storing files -----------------------------------------------------------
#
# Uploaded files live in a named CKAN file storage (ckan.lib.files), by
# default ``ppidrequest``. When the portal does not configure that storage
# (``ckan.files.storage.ppidrequest.*``), it is derived the way CKAN 2.12
# derives its ``resources`` storage from the ``default`` one: a ``ppidrequest``
# folder inside CKAN's default storage, or, on a portal that only sets
# ``ckan.storage_path`` (where CKAN itself still writes by hand), a ``ckan:fs``
# storage at ``<ckan.storage_path>/ppidrequest``: the folder and the
# ``<request_id>/<delivery_id>`` locations the extension always used.

_FOLDER = "ppidrequest"


def storage() -> fk.Storage | None:
    """The storage of uploaded delivery files, or None when the portal has
    nowhere to keep files.

    A derived storage is registered under its name in CKAN's registry, so
    ``files.get_storage(name)`` finds it too; CKAN empties the registry when
    the configuration is reloaded, and the next call derives it again from
    the configuration of that moment."""
    name = tk.config["ckanext.ppidrequest.delivery_storage"]
    try:
        return files.get_storage(name)
    except files.exc.UnknownStorageError:
        pass
    if config_tree(tk.config, f"{files.STORAGE_PREFIX}{name}."):
        # configured, but CKAN could not make it (it logged why)
        log.error("Delivery storage '%s' is configured but not available",
                  name)
        return None
    settings = _derived_settings()
    if settings is None:
        return None
    settings["name"] = name
    try:
        made = fk.make_storage(name, settings)
    except files.exc.InvalidStorageConfigurationError as err:
        raise CkanConfigurationException(str(err)) from err
    _refuse_public_parent(made)
    files.storages.register(name, made)
    return made


def _derived_settings() -> dict[str, Any] | None:
    config = tk.config
    limit = config["ckan.max_resource_size"] * 1024 ** 2
    default = config["ckan.files.default_storages.default"]
    base = config_tree(config, f"{files.STORAGE_PREFIX}{default}.", depth=-1)
    if default in files.storages and base.get("type"):
        # as collect_storages() makes ``resources`` out of ``default``
        settings = copy.deepcopy(base)
        settings["path"] = os.path.join(settings.get("path") or "", _FOLDER)
    elif config.get("ckan.storage_path"):
        # resolved: ckan:fs refuses paths that go through a symlink
        settings = {"type": "ckan:fs", "path": os.path.realpath(
            os.path.join(config["ckan.storage_path"], _FOLDER))}
    else:
        return None
    settings.update(initialize=True, public=False, max_size=limit)
    return settings


def _refuse_public_parent(made: fk.Storage) -> None:
    """The check CKAN runs on the storages it makes: no public storage of
    the same kind may contain this private one."""
    path = os.path.join(str(made.settings.path or ""), "")
    for other in files.storages.members.values():
        if isinstance(other, files.Storage) and other.settings.public and \
                other.settings.type == made.settings.type and \
                path.startswith(os.path.join(str(other.settings.path or ""),
                                             "")):
            raise CkanConfigurationException(
                f"Delivery storage {made.settings.name} ({path}) is inside "
                f"public storage {other.settings.name}: give it a path of "
                "its own")


def _storage_or_refuse() -> fk.Storage:
    made = storage()
    if made is None:
        raise tk.ValidationError({"upload": [
            _("File uploads are not configured on this portal "
              "(ckan.storage_path)")]})
    return made


def _limit(store: fk.Storage) -> int:
    """Bytes allowed in one upload: the storage's ``max_size``, else
    ``ckan.max_resource_size``."""
    limit = getattr(store.settings, "max_size", -1)
    if limit is None or limit < 0:
        limit = tk.config["ckan.max_resource_size"] * 1024 ** 2
    return limit


def _refusal(size: int, limit: int) -> tk.ValidationError:
    return tk.ValidationError({"upload": [
        _("The file is empty") if size == 0 else
        _("The file is larger than {max} MB").format(
            max=f"{limit / 1024 ** 2:g}")]})


def _remove(store: fk.Storage, location: str) -> None:
    with contextlib.suppress(files.exc.MissingFileError):
        store.remove(files.FileData(files.Location(location)))


def is_upload(value: Any) -> bool:
    return hasattr(value, "stream") and hasattr(value, "filename")


def from_upload(upload: Any, stage: str, actor_id: str | None,
                request_id: str) -> Delivery:
    """A delivery for an uploaded file (werkzeug FileStorage), written to
    the delivery storage, outside the resource tree. An empty file or one
    over the limit is refused, and nothing of it stays in the storage."""
    store = _storage_or_refuse()
    filename = os.path.basename(upload.filename or "data")
    delivery = Delivery(stage=stage, filename=filename,
                        mimetype=upload.mimetype
                        or mimetypes.guess_type(filename)[0],
                        created_by=actor_id, request_id=request_id)
    delivery.id = model.types.make_uuid()
    limit = _limit(store)
    source = files.make_upload(upload)
    # the bytes received, not the Content-Length the client gave the part
    upload.stream.seek(0, os.SEEK_END)
    source.size = upload.stream.tell()
    upload.stream.seek(0)
    if source.size == 0 or source.size > limit:
        raise _refusal(source.size, limit)
    location = store.prepare_location(f"{request_id}/{delivery.id}")
    try:
        data = store.upload(location, source)
    except files.exc.LargeUploadError:
        _remove(store, location)
        raise _refusal(source.size, limit) from None
    except files.exc.UploadError as err:
        _remove(store, location)
        raise tk.ValidationError({"upload": [str(err)]}) from None
    except Exception:
        _remove(store, location)
        raise
    if data.size == 0 or data.size > limit:
        _remove(store, data.location)
        raise _refusal(data.size, limit)
    delivery.storage_path = data.location
    delivery.size = data.size
    return delivery


def from_resource(resource: model.Resource, stage: str,
                  actor_id: str | None, request_id: str) -> Delivery:
    name = os.path.basename(urlsplit(resource.url or "").path) \
        or resource.name or "data"
    return Delivery(stage=stage, resource_id=resource.id, filename=name,
                    mimetype=resource.mimetype, size=resource.size,
                    created_by=actor_id, request_id=request_id)


def handed_over(request_ids: list[str]) -> set[str]:
    """The requests among ``request_ids`` whose agency handed over a file
    (one query for a page of requests or for one)."""
    if not request_ids:
        return set()
    return {i for (i,) in model.Session.query(Delivery.request_id).filter(
        Delivery.request_id.in_(request_ids),
        Delivery.stage == "submitted").distinct()}


def release(source: Delivery, actor_id: str | None) -> Delivery:
    """The applicant's copy of a delivery the agency submitted."""
    return Delivery(stage="released", resource_id=source.resource_id,
                    storage_path=source.storage_path,
                    filename=source.filename, mimetype=source.mimetype,
                    size=source.size, created_by=actor_id,
                    request_id=source.request_id)


def discard(uploads: list[Delivery]) -> None:
    """Remove the files of uploads whose transition did not happen. Called
    while another error is on its way: a file that cannot be removed is
    logged, not raised."""
    paths = [d.storage_path for d in uploads if d.storage_path]
    store = storage() if paths else None
    if store is None:
        return
    for path in paths:
        try:
            _remove(store, path)
        except Exception:
            log.exception("Could not remove delivery file %s", path)


# -- serving -----------------------------------------------------------------

def response(delivery: Delivery):
    """The Flask response that sends the delivery's data."""
    if delivery.storage_path:
        store = storage()
        sent = None if store is None else _send(
            store, files.Location(delivery.storage_path),
            delivery.filename or "data", delivery.mimetype)
        if sent is None:
            return tk.abort(404, _("The file of this delivery is missing"))
        return sent
    resource = model.Resource.get(delivery.resource_id or "")
    if resource is None or resource.state != "active":
        return tk.abort(404, _("The resource of this delivery is gone"))
    res_dict = model_dictize.resource_dictize(resource, {"model": model})
    if res_dict.get("url_type") != "upload":
        # never the resource's own address: it does not expire, downloads
        # from it are not logged, and it may be all a withheld dataset hides
        return _stream_remote(res_dict.get("url") or "",
                              delivery.filename or "data",
                              resource.mimetype)
    upload = uploader.get_resource_uploader(res_dict)
    path = upload.get_path(res_dict["id"])
    store = getattr(upload, "storage", None)
    if store is not None and store.supports(files.Capability.STREAM):
        sent = _send(store, path, delivery.filename or "data",
                     resource.mimetype)
        if sent is None:
            return tk.abort(404, _("The file of this delivery is missing"))
        return sent
    return flask.send_file(path, download_name=delivery.filename,
                           mimetype=resource.mimetype, as_attachment=True)


_CHUNK = 64 * 1024


def _stream_remote(url: str, filename: str, mimetype: str | None):
    """Stream an external resource through the delivery link, fetched by
    the portal (through ``ckan.download_proxy`` when set), as the
    applicant's attachment."""
    if urlsplit(url).scheme not in ("http", "https"):
        return tk.abort(404, _("The resource of this delivery is gone"))
    proxy = tk.config.get("ckan.download_proxy")
    try:
        remote = requests.get(
            url, stream=True, timeout=tk.config.get("ckan.requests.timeout"),
            proxies={"http": proxy, "https": proxy} if proxy else None)
        remote.raise_for_status()
    except requests.RequestException as err:
        log.warning("Delivery of %s failed: %s", url, err)
        return tk.abort(502, _("The data could not be fetched from where "
                               "the agency keeps it. Try again later or "
                               "ask the PPID."))

    def chunks():
        try:
            yield from remote.iter_content(_CHUNK)
        finally:
            remote.close()

    mimetype = mimetype or (remote.headers.get("content-type") or "")\
        .split(";")[0].strip() or mimetypes.guess_type(filename)[0] \
        or "application/octet-stream"
    resp = flask.Response(flask.stream_with_context(chunks()),
                          mimetype=mimetype, direct_passthrough=True)
    resp.headers.set("content-disposition", "attachment", filename=filename)
    return resp


def _send(store: fk.Storage, location: files.Location, filename: str,
          mimetype: str | None):
    """Stream a file of ``store`` as an attachment; None when it is not
    there."""
    try:
        size = store.size(location) \
            if store.supports(files.Capability.ANALYZE) else 0
        data = files.FileData(location, size=size)
        if not size and store.supports(files.Capability.EXISTS) and \
                not store.exists(data):
            return None
        stream = store.stream(data)
    except files.exc.LocationError:     # MissingFileError included
        return None
    mimetype = mimetype or mimetypes.guess_type(filename)[0] \
        or "application/octet-stream"
    if hasattr(stream, "read"):
        resp = flask.send_file(stream, mimetype=mimetype,
                               as_attachment=True, download_name=filename,
                               conditional=False, etag=False)
    else:
        resp = flask.Response(stream, mimetype=mimetype,
                              direct_passthrough=True)
        resp.headers.set("content-disposition", "attachment",
                         filename=filename)
    if data.size:
        resp.content_length = data.size
    return resp
