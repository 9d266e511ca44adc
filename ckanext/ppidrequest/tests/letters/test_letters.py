"""Official letters: each step that owes the applicant a letter issues
it, numbered once and without gaps, rendered to a PDF that says what the
law asks of it (read back from the PDF), stored with its SHA-256, mailed,
downloadable and verifiable by its QR code's page."""
from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import pathlib
import re
import signal
import threading

import pytest
from pypdf import PdfReader

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.ppidrequest.letters import archive, issue, render
from ckanext.ppidrequest.model import Letter
from ckanext.ppidrequest.translation import format_date

from ..requests.test_request_concurrency import _in_threads
from ..requests.test_requests import FORM, act, move, upload

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db",
                                     "clean_redis")

#: where the rendered letters are left to look at (not committed)
ARTIFACTS = pathlib.Path(__file__).resolve().parents[4] / \
    "test-artifacts" / "letters"

#: English words that must not appear on an Indonesian letter
ENGLISH = re.compile(r"\b(Number|Subject|Attachment|Dear|request|within|"
                     r"working days|Granted|Rejected|Copies|Receipt|"
                     r"Decision|Law)\b")


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def pages(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def letters_of(req: dict) -> dict[str, Letter]:
    return {letter.kind: letter for letter in issue.of_request(req["id"])}


def stored(letter: Letter, name: str | None = None) -> str:
    content = archive.content(letter)
    assert hashlib.sha256(content).hexdigest() == letter.sha256
    assert content.startswith(b"%PDF")
    if name:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / f"{name}.pdf").write_bytes(content)
    assert pages(content) == 1
    text = flat(pdf_text(content))
    assert not ENGLISH.search(text), ENGLISH.search(text)
    return text


def _issued(letter: Letter) -> str:
    return format_date(letter.issued_on, "id", weekday=False)


def _forwarded_with(actors, req, content, name="stunting.csv"):
    move(actors["ppid"], req, "review")
    move(actors["ppid"], req, "forward", organization="dinkes")
    move(actors["pembantu"], req, "submit_data",
         upload=upload(name=name, content=content))
    move(actors["ppid"], req, "pdp_scan")


def test_the_receipt_gives_number_request_and_due_date(actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    receipt = letters_of(req)["receipt"]
    assert re.fullmatch(r"000\.8\.3/0001/PPID/\d{4}", receipt.number)
    text = stored(receipt, "receipt")
    assert receipt.number in text
    assert "Tanda bukti penerimaan permohonan informasi publik" in text
    assert FORM["applicant_name"] in text
    assert req["registration_number"] in text
    assert FORM["information_requested"] in text
    due = format_date(tk.h.date_str_to_datetime(req["due_date"]).date(),
                      "id", weekday=False)
    assert due in text and _issued(receipt) in text
    assert re.search(r"\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|"
                     r"Agustus|September|Oktober|November|Desember) \d{4}",
                     text)
    assert "30 hari kerja" in text          # the right to object
    assert "Komisi Informasi" in text


def test_extension_notice_gives_reasons_and_new_due_date(actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    move(actors["ppid"], req, "review")
    done = move(actors["ppid"], req, "extend", reason="Data tersebar di "
                "tiga puskesmas", days=5)
    extension = letters_of(req)["extension"]
    text = stored(extension, "extension")
    assert extension.number in text
    assert "Data tersebar di tiga puskesmas" in text
    assert "5 hari kerja" in text
    new_due = format_date(tk.h.date_str_to_datetime(
        done["due_date"]).date(), "id", weekday=False)
    assert new_due in text
    assert "Pasal 22 ayat (8)" in text


def test_fulfil_issues_the_notice_and_the_delivery_letter(actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    _forwarded_with(actors, req, b"desa,kasus\nKenanga,3\nMelati,5\n")
    move(actors["ppid"], req, "fulfil", partial=True,
         withheld_note="Nama balita, Pasal 17 huruf h")
    found = letters_of(req)
    assert set(found) == {"receipt", "notice", "delivery"}
    notice = stored(found["notice"], "notice-granted-in-part")
    assert found["notice"].number in notice
    assert "Dikabulkan sebagian" in notice
    assert "Nama balita, Pasal 17 huruf h" in notice
    assert "Dinas Kesehatan" in notice         # who holds it, and tembusan
    assert "stunting.csv" in notice
    assert "Gratis" in notice or "gratis" in notice
    delivery = stored(found["delivery"], "delivery")
    assert found["delivery"].number in delivery
    assert "Penyampaian data" in delivery
    assert "stunting.csv" in delivery and "1 berkas" in delivery
    # nothing was masked in this file, and the letter does not say it was
    assert "telah disamarkan" not in delivery
    assert "lindungi data pribadi" in delivery
    # one sequence for every kind: receipt 1, notice 2, delivery 3
    assert [found[k].sequence for k in ("receipt", "notice", "delivery")] \
        == [1, 2, 3]


def test_not_held_notice_says_who_may_hold_it(actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    move(actors["ppid"], req, "review")
    move(actors["ppid"], req, "not_held", held_by="BPS Kabupaten Sukamaju")
    text = stored(letters_of(req)["notice"], "notice-not-held")
    assert "Informasi tidak dikuasai" in text
    assert "BPS Kabupaten Sukamaju" in text


def test_rejection_gives_ground_consequence_period_and_objection(actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    move(actors["ppid"], req, "review")
    move(actors["ppid"], req, "reject", ground="h",
         consequence="Membuka rekam medis pasien balita",
         exempt_until="2031-12-31")
    letter = letters_of(req)["rejection"]
    text = stored(letter, "rejection")
    assert letter.number in text
    assert "Pasal 17 huruf h" in text
    assert "rahasia pribadi" in text.lower()
    assert "Membuka rekam medis pasien balita" in text
    assert "31 Desember 2031" in text
    assert "30 hari kerja" in text and "Atasan PPID" in text
    assert "Komisi Informasi" in text and "14 hari kerja" in text


@pytest.mark.ckan_config("ckanext.ppidrequest.letters.number_pattern",
                         "470/{seq:03d}/PPID-SKM/{month_roman}/{year}")
@pytest.mark.ckan_config("ckanext.ppidrequest.letters.signer_name",
                         "Drs. Ahmad Fauzi, M.Si.")
@pytest.mark.ckan_config("ckanext.ppidrequest.letters.signer_nip",
                         "19700101 199503 1 001")
@pytest.mark.ckan_config("ckanext.ppidrequest.letters.copies",
                         "Bupati Sukamaju|Arsip")
def test_letterhead_signer_and_number_are_configuration(actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    letter = letters_of(req)["receipt"]
    assert re.fullmatch(r"470/001/PPID-SKM/[IVX]+/\d{4}", letter.number)
    text = stored(letter)
    assert "Drs. Ahmad Fauzi, M.Si." in text
    assert "NIP. 19700101 199503 1 001" in text
    assert "Bupati Sukamaju" in text and "Arsip" in text
    assert "PEMERINTAH KABUPATEN SUKAMAJU" in text


def test_a_step_that_fails_takes_no_number(actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    move(actors["ppid"], req, "review")
    with pytest.raises(tk.ValidationError):
        move(actors["ppid"], req, "reject", ground="h")   # no consequence
    move(actors["ppid"], req, "reject", ground="h", consequence="Rekam medis")
    assert letters_of(req)["rejection"].sequence == 2


# -- numbering under pressure -------------------------------------------------

def test_concurrent_steps_number_letters_gap_free(app, actors):
    reqs = [act(None, "ppidrequest_create", **FORM) for _n in range(6)]
    for req in reqs:
        move(actors["ppid"], req, "review")

    def work(n):
        # half extend, half reject: different steps, one sequence
        if n % 2:
            return move(actors["ppid"], reqs[n], "extend", reason="Banyak")
        return move(actors["ppid"], reqs[n], "reject", ground="h",
                    consequence="Rekam medis")

    results = _in_threads(app, 6, work)
    assert all(isinstance(r, dict) for r in results), results
    letters = model.Session.query(Letter).all()
    assert sorted(letter.sequence for letter in letters) == list(range(1, 13))
    assert len({letter.number for letter in letters}) == 12
    assert all(letter.sha256 for letter in letters)


def _lock_and_wait(url, letter_id, ready):
    """A renderer's transaction holding the letter, then killed."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.connect() as conn:
        conn.execute(sa.text("SELECT id FROM ppidrequest_letter WHERE id = "
                             ":id FOR UPDATE"), {"id": letter_id})
        conn.execute(sa.text("UPDATE ppidrequest_letter SET sha256 = 'half' "
                             "WHERE id = :id"), {"id": letter_id})
        ready.set()
        signal.pause()


def test_a_renderer_killed_mid_render_keeps_the_number(actors):
    """The letter is numbered with the step; a worker killed while it
    renders leaves it unrendered, and the next render keeps the number."""
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    letter = letters_of(req)["receipt"]
    model.Session.query(Letter).filter(Letter.id == letter.id).update(
        {"sha256": None, "storage_path": None})
    model.Session.commit()
    ready = multiprocessing.get_context("spawn").Event()
    worker = multiprocessing.get_context("spawn").Process(
        target=_lock_and_wait,
        args=(str(model.meta.engine.url.render_as_string(
            hide_password=False)), letter.id, ready))
    worker.start()
    assert ready.wait(60)
    killer = threading.Timer(1.0, os.kill, (worker.pid, signal.SIGKILL))
    killer.start()
    done = archive.ensure_rendered(letter.id)     # waits for the lock
    worker.join(10)
    assert worker.exitcode == -signal.SIGKILL
    assert done.sha256 and done.sha256 != "half"
    assert done.number == letter.number and done.sequence == 1
    assert model.Session.query(Letter).count() == 1
    assert letter.number in stored(done)
    # and a second render changes nothing
    again = archive.ensure_rendered(letter.id)
    assert again.sha256 == done.sha256


@pytest.mark.ckan_config("ckanext.ppidrequest.letters.render_via_jobs", True)
def test_a_failed_render_keeps_the_number_and_a_retry_renders(
        actors, tmp_path, ckan_config, monkeypatch):
    logo = tmp_path / "logo.svg"
    logo.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    monkeypatch.setitem(ckan_config, "ckanext.ppidrequest.letters.logo",
                        str(logo) + ".missing")
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    letter = letters_of(req)["receipt"]
    from ckanext.ppidrequest import jobs

    assert jobs.render_letters(letter.event_id) == 0     # the logo is gone
    model.Session.refresh(letter)
    assert letter.sha256 is None and letter.sequence == 1
    monkeypatch.setitem(ckan_config, "ckanext.ppidrequest.letters.logo",
                        str(logo))
    assert jobs.render_letters(letter.event_id) == 1     # the retry
    assert jobs.render_letters(letter.event_id) == 0     # nothing left
    model.Session.refresh(letter)
    assert letter.sha256 and letter.number in stored(letter)


# -- mail, API, pages -----------------------------------------------------------

def test_the_applicant_s_email_carries_the_letter(actors, smtp):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    mail = smtp.to(FORM["applicant_email"])[-1]
    pdfs = [part for part in mail.iter_attachments()
            if part.get_content_type() == "application/pdf"]
    assert len(pdfs) == 1
    receipt = letters_of(req)["receipt"]
    assert pdfs[0].get_filename() == render.filename(receipt)
    assert hashlib.sha256(pdfs[0].get_content()).hexdigest() == \
        receipt.sha256
    assert receipt.number in pdf_text(pdfs[0].get_content())


def test_show_and_track_list_the_letters(actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    move(actors["ppid"], req, "review")
    move(actors["ppid"], req, "not_held", held_by="BPS")
    shown = act(actors["ppid"], "ppidrequest_show", id=req["id"])
    tracked = act(None, "ppidrequest_track",
                  registration_number=req["registration_number"],
                  access_code=req["access_code"])
    for listed in (shown["letters"], tracked["letters"]):
        assert [(x["kind"], x["number"][:13]) for x in listed] == [
            ("receipt", "000.8.3/0001/"), ("notice", "000.8.3/0002/")]
        assert all(x["download_url"].startswith(
            "http://test.ckan.net/permohonan/surat/") for x in listed)
        assert all(x["issued_on"] for x in listed)


def test_download_needs_the_link_and_the_account(app, actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    listed = act(actors["ppid"], "ppidrequest_show", id=req["id"])["letters"]
    url = listed[0]["download_url"].replace("http://test.ckan.net", "")
    from ..requests.test_requests import token

    got = app.get(url, headers=token(actors["applicant"]))
    assert got.status_code == 200
    assert got.headers["Content-Type"] == "application/pdf"
    assert hashlib.sha256(got.data).hexdigest() == listed[0]["sha256"]
    assert app.get(url, headers=token(actors["ppid"])).status_code == 200
    assert app.get(url, headers=token(actors["outsider"])).status_code == 403
    forged = url.split("?")[0] + "?token=x"
    assert app.get(forged, headers=token(actors["applicant"])).status_code \
        == 403


# -- the verification page ---------------------------------------------------

def test_the_verification_page_confirms_the_letter_and_nothing_personal(
        app, actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    letter = letters_of(req)["receipt"]
    url = f"/surat/verifikasi/{letter.token}"
    page = app.get(url)
    assert page.status_code == 200
    body = page.body
    assert letter.number in body and letter.sha256 in body
    assert "PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI" in body
    for personal in (FORM["applicant_name"], FORM["applicant_nik"],
                     FORM["applicant_address"], FORM["applicant_email"],
                     FORM["applicant_phone"], req["registration_number"],
                     FORM["information_requested"]):
        assert personal not in body
    content = archive.content(letter)
    same = app.post(url, data={"letter": (io.BytesIO(content), "a.pdf")})
    assert 'id="ppid-verify-result"' in same.body
    assert "alert-success" in same.body
    altered = content.replace(letter.number.encode(), b"000.8.3/9999/PPID/2",
                              1) if letter.number.encode() in content \
        else content[:-10] + b"0000000000"
    changed = app.post(url, data={"letter": (io.BytesIO(altered), "a.pdf")})
    assert "alert-danger" in changed.body
    empty = app.post(url, data={})
    assert empty.status_code == 400 and 'id="error-letter"' in empty.body


def test_the_verification_page_cannot_be_enumerated(app, actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    letter = letters_of(req)["receipt"]
    assert len(letter.token) >= 32
    for guess in ("1", "0001", letter.number.replace("/", "-"), letter.id,
                  letter.token[:-1] + ("A" if letter.token[-1] != "A"
                                       else "B")):
        assert app.get(f"/surat/verifikasi/{guess}").status_code == 404
