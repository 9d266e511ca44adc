"""Giving data to one applicant: files kept outside the catalogue, personal
download links that expire, and a log of every download.

A delivery is either a file uploaded for the request (by the agency's PPID
Pembantu or the PPID) or a resource of the catalogue. A resource is served
from storage through the delivery link only: its dataset keeps its
classification, and nothing about it becomes public.
"""
from __future__ import annotations

import datetime as dt
import mimetypes
import os
import shutil
from typing import Any

import flask
from itsdangerous import BadSignature, URLSafeSerializer

import ckan.lib.uploader as uploader
import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib.dictization import model_dictize

from ..model import Delivery

_ = tk._

_SALT = "ppidrequest-delivery"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(tk.config["SECRET_KEY"], salt=_SALT)


def token(delivery: Delivery) -> str:
    return _serializer().dumps([delivery.id, delivery.request_id])


def token_matches(delivery: Delivery, value: str) -> bool:
    try:
        return _serializer().loads(value) == [delivery.id,
                                              delivery.request_id]
    except BadSignature:
        return False


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

def _root() -> str:
    path = uploader.get_storage_path()
    if not path:
        raise tk.ValidationError({"upload": [
            _("File uploads are not configured on this portal "
              "(ckan.storage_path)")]})
    return os.path.join(path, "ppidrequest")


def is_upload(value: Any) -> bool:
    return hasattr(value, "stream") and hasattr(value, "filename")


def from_upload(upload: Any, stage: str, actor_id: str | None,
                request_id: str) -> Delivery:
    """A delivery for an uploaded file (werkzeug FileStorage), written to
    the portal's storage outside the resource tree."""
    filename = os.path.basename(upload.filename or "data")
    delivery = Delivery(stage=stage, filename=filename,
                        mimetype=upload.mimetype
                        or mimetypes.guess_type(filename)[0],
                        created_by=actor_id, request_id=request_id)
    delivery.id = model.types.make_uuid()
    folder = os.path.join(_root(), request_id)
    os.makedirs(folder, exist_ok=True)
    delivery.storage_path = os.path.join(request_id, delivery.id)
    target = os.path.join(_root(), delivery.storage_path)
    limit = uploader.get_max_resource_size() * 1024 * 1024
    upload.stream.seek(0)
    with open(target, "wb") as out:
        shutil.copyfileobj(upload.stream, out)
    size = os.path.getsize(target)
    if size > limit or size == 0:
        os.remove(target)
        raise tk.ValidationError({"upload": [
            _("The file is empty") if size == 0 else
            _("The file is larger than {max} MB").format(
                max=uploader.get_max_resource_size())]})
    delivery.size = size
    return delivery


def from_resource(resource: model.Resource, stage: str,
                  actor_id: str | None, request_id: str) -> Delivery:
    name = os.path.basename(resource.url or "") or resource.name or "data"
    return Delivery(stage=stage, resource_id=resource.id, filename=name,
                    mimetype=resource.mimetype, size=resource.size,
                    created_by=actor_id, request_id=request_id)


def release(source: Delivery, actor_id: str | None) -> Delivery:
    """The applicant's copy of a delivery the agency submitted."""
    return Delivery(stage="released", resource_id=source.resource_id,
                    storage_path=source.storage_path,
                    filename=source.filename, mimetype=source.mimetype,
                    size=source.size, created_by=actor_id,
                    request_id=source.request_id)


def discard(uploads: list[Delivery]) -> None:
    """Remove the files of uploads whose transition did not happen."""
    for delivery in uploads:
        if delivery.storage_path:
            path = os.path.join(_root(), delivery.storage_path)
            if os.path.exists(path):
                os.remove(path)


# -- serving -----------------------------------------------------------------

def response(delivery: Delivery):
    """The Flask response that sends the delivery's data."""
    if delivery.storage_path:
        path = os.path.join(_root(), delivery.storage_path)
        if not os.path.exists(path):
            return tk.abort(404, _("The file of this delivery is missing"))
        return flask.send_file(path, download_name=delivery.filename,
                               mimetype=delivery.mimetype,
                               as_attachment=True)
    resource = model.Resource.get(delivery.resource_id or "")
    if resource is None or resource.state != "active":
        return tk.abort(404, _("The resource of this delivery is gone"))
    res_dict = model_dictize.resource_dictize(resource, {"model": model})
    if res_dict.get("url_type") != "upload":
        return tk.redirect_to(res_dict["url"])
    upload = uploader.get_resource_uploader(res_dict)
    path = upload.get_path(res_dict["id"])
    storage = getattr(upload, "storage", None)
    if storage is not None and hasattr(storage, "stream"):
        from ckan.lib import files

        location = files.Location(path)
        data = files.FileData(location, size=storage.size(location))
        resp = flask.Response(storage.stream(data),
                              mimetype=resource.mimetype
                              or data.content_type)
        resp.headers.set("content-disposition", "attachment",
                         filename=delivery.filename)
        return resp
    return flask.send_file(path, download_name=delivery.filename,
                           mimetype=resource.mimetype, as_attachment=True)
