"""The personal-data check in the workflow: no data leaves without a
recorded check of every file; the masked copy is what the applicant gets
and what the letter describes; the original stays for the record."""
from __future__ import annotations

import csv
import io

import pytest
from werkzeug.datastructures import FileStorage

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.ppidrequest.letters import issue
from ckanext.ppidrequest.model import Delivery, PdpCheck

from ..letters.test_letters import flat, pdf_text, stored
from ..requests.test_requests import FORM, act, move, token
from .test_scan import VILLAGE

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db",
                                     "clean_redis")


def _file(name="balita.csv", content=VILLAGE.encode(), mime="text/csv"):
    return FileStorage(stream=io.BytesIO(content), filename=name,
                       content_type=mime)


@pytest.fixture
def handed_over(actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    move(actors["ppid"], req, "review")
    move(actors["ppid"], req, "forward", organization="dinkes")
    move(actors["pembantu"], req, "submit_data", upload=_file())
    return req


def _download(app, actors, url) -> bytes:
    got = app.get(url.replace(tk.config["ckan.site_url"], ""),
                  headers=token(actors["applicant"]))
    assert got.status_code == 200
    return got.data


def test_fulfil_is_refused_until_every_file_is_checked(actors, handed_over):
    with pytest.raises(tk.ValidationError) as error:
        move(actors["ppid"], handed_over, "fulfil", pdp_check="clean")
    assert "scan it for personal data" in str(error.value.error_dict[
        "pdp_check"])
    done = move(actors["ppid"], handed_over, "pdp_scan")
    assert done["state"] == "data_submitted"
    shown = act(actors["ppid"], "ppidrequest_show", id=handed_over["id"])
    [check] = shown["pdp_checks"]
    assert check["result"] == "flagged" and "nik" in check["report"][
        "personal"]
    # found personal data: still refused, saying where
    with pytest.raises(tk.ValidationError) as error:
        move(actors["ppid"], handed_over, "fulfil", pdp_check="clean")
    assert "nik" in str(error.value.error_dict["pdp_check"])
    assert act(actors["ppid"], "ppidrequest_show",
               id=handed_over["id"])["state"] == "data_submitted"
    # nobody else sees the report
    assert "pdp_checks" not in act(actors["pembantu"], "ppidrequest_show",
                                   id=handed_over["id"])
    assert "pdp_checks" not in act(actors["applicant"], "ppidrequest_show",
                                   id=handed_over["id"])


PLAN = ["drop:nama_lengkap", "token:nik", "year:tanggal_lahir",
        "kecamatan:alamat", "drop:nama_ibu", "drop:no_hp", "token:email",
        "token:keterangan"]


def test_the_masked_copy_is_delivered_and_the_letter_says_what(
        app, actors, handed_over):
    move(actors["ppid"], handed_over, "pdp_scan")
    [original] = model.Session.query(Delivery).filter(
        Delivery.request_id == handed_over["id"]).all()
    with pytest.raises(tk.ValidationError) as error:
        move(actors["ppid"], handed_over, "pdp_mask",
             delivery_id=original.id,
             masking=[p for p in PLAN if p != "token:nik"] + ["year:nik"])
    assert "NIK" in str(error.value.error_dict["masking"])
    move(actors["ppid"], handed_over, "pdp_mask", delivery_id=original.id,
         masking=PLAN)
    done = move(actors["ppid"], handed_over, "fulfil")
    assert done["state"] == "fulfilled" and done["pdp_check"] == "masked"
    [released] = [d for d in done["deliveries"] if d["stage"] == "released"]
    assert released["filename"] == "balita-disamarkan.csv"
    data = _download(app, actors, released["download_url"])
    rows = list(csv.DictReader(io.StringIO(data.decode()), delimiter=";"))
    assert "nama_lengkap" not in rows[0] and rows[0]["alamat"] == \
        "Kecamatan Sumbersari"
    for secret in (b"3509124507910002", b"Siti Aminah", b"0812-3456"):
        assert secret not in data
    # the original is kept for the record, never released
    assert model.Session.query(Delivery).filter(
        Delivery.request_id == handed_over["id"],
        Delivery.stage == "released",
        Delivery.storage_path == original.storage_path).count() == 0
    assert model.Session.get(PdpCheck, original.id).result == "masked"
    # the applicant sees only the copy
    own = act(actors["applicant"], "ppidrequest_show", id=handed_over["id"])
    assert [d["filename"] for d in own["deliveries"]] == [
        "balita-disamarkan.csv"]
    # the notice and the delivery letter list what was blacked out
    letters = {x.kind: x for x in issue.of_request(handed_over["id"])}
    notice = stored(letters["notice"], "notice-masked")
    assert "balita-disamarkan.csv" in notice
    assert "nama_lengkap" in notice and "UU 27/2022" in notice
    delivery = stored(letters["delivery"], "delivery-masked")
    assert "nik: diganti dengan token" in delivery
    assert "alamat: alamat diringkas menjadi kecamatan" in delivery
    assert "Data pribadi di dalamnya telah disamarkan" in delivery


def test_a_justification_lets_the_file_go_as_it_is(actors, handed_over):
    move(actors["ppid"], handed_over, "pdp_scan")
    [original] = model.Session.query(Delivery).filter(
        Delivery.request_id == handed_over["id"]).all()
    with pytest.raises(tk.ValidationError) as error:
        move(actors["ppid"], handed_over, "pdp_justify",
             delivery_id=original.id)
    assert "justification" in error.value.error_dict
    move(actors["ppid"], handed_over, "pdp_justify", delivery_id=original.id,
         justification="Pemohon adalah pemerintah desa yang berwenang, "
                       "Pasal 20 UU 27/2022")
    done = move(actors["ppid"], handed_over, "fulfil")
    assert done["pdp_check"] == "justified"
    [released] = [d for d in done["deliveries"] if d["stage"] == "released"]
    assert released["filename"] == "balita.csv"


def test_a_format_the_scan_cannot_read_needs_a_justification(actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    move(actors["ppid"], req, "review")
    move(actors["ppid"], req, "forward", organization="dinkes")
    move(actors["pembantu"], req, "submit_data", upload=_file(
        "laporan.pdf", b"%PDF-1.4 laporan", "application/pdf"))
    move(actors["ppid"], req, "pdp_scan")
    [check] = act(actors["ppid"], "ppidrequest_show",
                  id=req["id"])["pdp_checks"]
    assert check["result"] == "unscannable"
    with pytest.raises(tk.ValidationError) as error:
        move(actors["ppid"], req, "fulfil")
    assert "cannot be scanned" in str(error.value.error_dict["pdp_check"])
    with pytest.raises(tk.ValidationError) as error:
        move(actors["ppid"], req, "pdp_mask",
             delivery_id=check["delivery_id"], masking=["drop:x"])
    assert "delivery_id" in error.value.error_dict


def test_a_file_the_ppid_gives_at_fulfil_is_scanned_too(actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    move(actors["ppid"], req, "review")
    with pytest.raises(tk.ValidationError) as error:
        move(actors["ppid"], req, "fulfil", pdp_check="clean",
             upload=_file())
    assert "upload" in error.value.error_dict
    clean = move(actors["ppid"], req, "fulfil", pdp_check="clean",
                 upload=_file("rekap.csv", b"desa,kasus\nA,3\n"))
    assert clean["state"] == "fulfilled"
    assert model.Session.query(PdpCheck).filter(
        PdpCheck.request_id == req["id"]).one().result == "clean"


def test_only_the_ppid_checks_personal_data(actors, handed_over):
    # who may see the request is refused the step; who may not is told
    # there is no such request (as for every step)
    for who, refused in (("pembantu", tk.NotAuthorized),
                         ("applicant", tk.NotAuthorized),
                         ("outsider", tk.ObjectNotFound)):
        with pytest.raises(refused):
            move(actors[who], handed_over, "pdp_scan")
