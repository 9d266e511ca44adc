"""Delivery files in a named CKAN file storage, against real storages on
disk: where the storage comes from, upload to download, the size limit and
the empty file, discard, a missing file, and files stored before."""
from __future__ import annotations

import io
import os

import pytest
from werkzeug.datastructures import FileStorage

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.exceptions import CkanConfigurationException
from ckan.lib import files

from ckanext.ppidrequest.model import Delivery
from ckanext.ppidrequest.requests import delivery as deliver

from .test_requests import FORM, act

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_redis")

CSV = b"desa,kasus\nA,3\nB,7\n"
MB = 1024 ** 2


def upload(content=CSV, name="stunting.csv", **kwargs):
    return FileStorage(stream=io.BytesIO(content), filename=name,
                       content_type="text/csv", **kwargs)


def stored(root):
    """Every data file under ``root``, as paths relative to it (the
    request's letters live in the same storage, under ``letters/``)."""
    return sorted(path for path in (
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _dirs, names in os.walk(root) for name in names)
        if "letters" not in path.split(os.sep)[:2])


@pytest.fixture
def configure(ckan_config, reset_storages):
    """Change options for one test and rebuild CKAN's storages, as a
    restart would; everything comes back afterwards."""
    with pytest.MonkeyPatch.context() as patch:
        def apply(**options):
            for key, value in options.items():
                patch.setitem(ckan_config, key, value)
            reset_storages()
        yield apply
    reset_storages()


@pytest.fixture
def portal(configure, tmp_path):
    """A portal that, like most today, only sets ``ckan.storage_path``."""
    configure(**{"ckan.storage_path": str(tmp_path)})
    return tmp_path


@pytest.fixture
def filed(actors):
    """A request filed anonymously (its link needs no login), in review."""
    req = act(None, "ppidrequest_create", **FORM)
    act(actors["ppid"], "ppidrequest_review", id=req["id"])
    return req


def fulfil(actors, req, **fields):
    return act(actors["ppid"], "ppidrequest_fulfil", id=req["id"],
               pdp_check="clean", **fields)


def path_of(url):
    return url.replace(tk.config["ckan.site_url"], "")


# -- which storage -----------------------------------------------------------

def test_storage_path_alone_gives_a_private_fs_storage_in_its_folder(portal):
    store = deliver.storage()
    assert store is files.get_storage("ppidrequest")
    assert store.settings.type == "ckan:fs"
    assert store.settings.path == str(portal / "ppidrequest")
    assert not store.settings.public
    assert store.settings.max_size == \
        tk.config["ckan.max_resource_size"] * MB
    assert (portal / "ppidrequest").is_dir()


def test_without_any_storage_uploads_are_refused(configure, actors, filed):
    configure(**{"ckan.storage_path": ""})
    assert deliver.storage() is None
    with pytest.raises(tk.ValidationError) as error:
        fulfil(actors, filed, upload=upload())
    assert "not configured" in str(error.value.error_dict["upload"])


def test_a_configured_storage_is_used_as_it_is(configure, tmp_path, actors,
                                               filed, app):
    configure(**{
        "ckan.storage_path": str(tmp_path / "legacy"),
        "ckanext.ppidrequest.delivery_storage": "deliveries",
        "ckan.files.storage.deliveries.type": "ckan:fs",
        "ckan.files.storage.deliveries.path": str(tmp_path / "own"),
        "ckan.files.storage.deliveries.initialize": True,
    })
    assert deliver.storage() is files.get_storage("deliveries")
    done = fulfil(actors, filed, upload=upload())
    [released] = done["deliveries"]
    assert stored(tmp_path / "own") == [
        f"{filed['id']}/{released['id']}"]
    assert not (tmp_path / "legacy" / "ppidrequest").exists()
    resp = app.get(path_of(released["download_url"]))
    assert resp.status_code == 200 and resp.data == CSV


def test_with_ckan_default_storage_it_is_a_folder_of_it(configure, tmp_path):
    """As CKAN makes ``resources`` out of ``default``."""
    configure(**{
        "ckan.files.storage.default.type": "ckan:fs",
        "ckan.files.storage.default.path": str(tmp_path / "default"),
        "ckan.files.storage.default.initialize": True,
    })
    store = deliver.storage()
    assert store.settings.path == str(tmp_path / "default" / "ppidrequest")
    assert not store.settings.public
    assert files.get_storage("resources").settings.path == \
        str(tmp_path / "default" / "resources")


def test_a_public_storage_around_it_is_refused(configure, tmp_path):
    configure(**{
        "ckan.storage_path": str(tmp_path),
        "ckan.files.storage.open.type": "ckan:fs",
        "ckan.files.storage.open.path": str(tmp_path),
        "ckan.files.storage.open.public": True,
    })
    with pytest.raises(CkanConfigurationException, match="public storage"):
        deliver.storage()


# -- upload, release, download -----------------------------------------------

def test_upload_released_and_downloaded_through_the_link(portal, actors,
                                                          filed, app):
    done = fulfil(actors, filed, upload=upload(name="kasus stunting.csv"))
    [released] = done["deliveries"]
    row = model.Session.get(Delivery, released["id"])
    assert row.storage_path == f"{filed['id']}/{row.id}"
    assert row.size == len(CSV)
    assert (portal / "ppidrequest" / filed["id"] / row.id).read_bytes() \
        == CSV
    resp = app.get(path_of(released["download_url"]))
    assert resp.status_code == 200
    assert resp.data == CSV
    assert resp.headers["Content-Length"] == str(len(CSV))
    assert resp.headers["Content-Type"].startswith("text/csv")
    assert resp.headers["Content-Disposition"] == \
        'attachment; filename="kasus stunting.csv"'


def test_submitted_then_released_share_one_file(portal, actors, app):
    req = act(None, "ppidrequest_create", **FORM)
    act(actors["ppid"], "ppidrequest_review", id=req["id"])
    act(actors["ppid"], "ppidrequest_forward", id=req["id"],
        organization="dinkes")
    act(actors["pembantu"], "ppidrequest_submit_data", id=req["id"],
        upload=upload())
    act(actors["ppid"], "ppidrequest_pdp_scan", id=req["id"])
    done = fulfil(actors, req)
    [released] = [d for d in done["deliveries"] if d["stage"] == "released"]
    assert len(stored(portal / "ppidrequest")) == 1
    resp = app.get(path_of(released["download_url"]))
    assert resp.status_code == 200 and resp.data == CSV


def test_a_file_stored_before_the_storage_api_is_still_served(portal, actors,
                                                             app):
    """Files written by hand to <storage_path>/ppidrequest/<request>/<id>."""
    req = act(None, "ppidrequest_create", **FORM)
    old = Delivery(id="0d6c2a47-old-delivery", request_id=req["id"],
                   stage="released", filename="lama.csv",
                   mimetype="text/csv", size=len(CSV),
                   storage_path=f"{req['id']}/0d6c2a47-old-delivery")
    folder = portal / "ppidrequest" / req["id"]
    folder.mkdir(parents=True)
    (folder / old.id).write_bytes(CSV)
    model.Session.add(old)
    model.Session.commit()
    resp = app.get(path_of(deliver.download_url(old)))
    assert resp.status_code == 200 and resp.data == CSV


def test_a_missing_file_answers_404(portal, actors, filed, app):
    done = fulfil(actors, filed, upload=upload())
    [released] = done["deliveries"]
    row = model.Session.get(Delivery, released["id"])
    os.remove(portal / "ppidrequest" / row.storage_path)
    resp = app.get(path_of(released["download_url"]))
    assert resp.status_code == 404
    assert "missing" in resp.get_data(as_text=True)


def test_a_location_outside_the_storage_answers_404(portal, actors, app):
    req = act(None, "ppidrequest_create", **FORM)
    (portal / "secret.txt").write_bytes(b"not yours")
    bad = Delivery(request_id=req["id"], stage="released",
                   filename="x.txt", storage_path="../secret.txt")
    model.Session.add(bad)
    model.Session.commit()
    resp = app.get(path_of(deliver.download_url(bad)))
    assert resp.status_code == 404
    assert b"not yours" not in resp.data


# -- refusals leave nothing behind -------------------------------------------

@pytest.mark.ckan_config("ckan.max_resource_size", 1)
def test_a_file_over_the_limit_is_refused_and_not_kept(portal, actors,
                                                       filed):
    # a table of one column (the file is scanned for personal data too)
    rows = b"a\n" * (MB // 2)
    with pytest.raises(tk.ValidationError) as error:
        fulfil(actors, filed, upload=upload(rows + b"a"))
    assert "larger than 1 MB" in str(error.value.error_dict["upload"])
    assert stored(portal) == []
    # exactly the limit is fine
    done = fulfil(actors, filed, upload=upload(rows))
    assert done["state"] == "fulfilled"
    assert len(stored(portal / "ppidrequest")) == 1


@pytest.mark.ckan_config("ckan.max_resource_size", 1)
def test_a_part_that_understates_its_size_is_measured(portal, actors,
                                                      filed):
    """The Content-Length of a multipart part is the client's word."""
    with pytest.raises(tk.ValidationError) as error:
        fulfil(actors, filed, upload=upload(b"x" * (2 * MB),
                                            content_length=10))
    assert "larger than" in str(error.value.error_dict["upload"])
    assert stored(portal) == []


def test_a_configured_max_size_is_the_limit(configure, tmp_path, actors,
                                            filed):
    configure(**{
        "ckan.files.storage.ppidrequest.type": "ckan:fs",
        "ckan.files.storage.ppidrequest.path": str(tmp_path),
        "ckan.files.storage.ppidrequest.max_size": MB // 2,
    })
    with pytest.raises(tk.ValidationError) as error:
        fulfil(actors, filed, upload=upload(b"x" * (MB // 2 + 1)))
    assert "larger than 0.5 MB" in str(error.value.error_dict["upload"])
    assert stored(tmp_path) == []


def test_an_empty_file_is_refused_and_not_kept(portal, actors, filed):
    with pytest.raises(tk.ValidationError) as error:
        fulfil(actors, filed, upload=upload(b""))
    assert "empty" in str(error.value.error_dict["upload"])
    assert stored(portal) == []


def test_discard_removes_the_file(portal, actors, filed):
    delivery = deliver.from_upload(upload(), "submitted",
                                   actors["pembantu"]["id"], filed["id"])
    path = portal / "ppidrequest" / delivery.storage_path
    assert path.read_bytes() == CSV
    deliver.discard([delivery])
    assert not path.exists()
    deliver.discard([delivery])     # already gone: nothing to say

