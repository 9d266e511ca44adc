"""The request workflow walked in a browser, as the issue tells it: an
anonymous applicant files a request from a terbatas dataset (a bad NIK
first), keeps the receipt and tracks the request; the PPID reviews and
forwards it; the agency's PPID Pembantu hands over a CSV; the PPID checks
personal data and fulfils; the applicant downloads the CSV. Another
request is rejected on a Pasal 17 ground and the applicant sees why; the
logged-in applicant sees both under "Permohonan saya". In Indonesian and
in English."""
from __future__ import annotations

import re

import pytest

from ckan.tests import factories

from ..requests.test_requests import FORM, act
from .conftest import PASSWORD

CSV = b"desa,kunjungan\nSukamaju,120\nSukamulya,87\n"

# Common English texts of CKAN's UI that on the Indonesian interface would
# mean an untranslated page.
ENGLISH = ["Log in", "Login", "Register", "Search datasets", "Dashboard",
           "Request data", "Submit", "Cancel", "Datasets", "Organizations",
           "Groups", "About", "Search", "Log out", "Home"]


@pytest.fixture
def people():
    """The actors of the workflow, with passwords to log in."""
    ppid = factories.User(name="ppid-utama", email="ppid@kab.go.id",
                          password=PASSWORD, fullname="PPID Utama",
                          image_url="")
    pembantu = factories.User(name="pembantu-dinkes",
                              email="ppid.dinkes@kab.go.id",
                              password=PASSWORD, fullname="PPID Dinkes",
                          image_url="")
    budi = factories.User(name="budi", email="budi@example.com",
                          password=PASSWORD, fullname="Budi Santoso",
                          image_url="")
    factories.Organization(name="ppid-kabupaten", title="PPID Kabupaten",
                           users=[{"name": ppid["name"],
                                   "capacity": "editor"}])
    factories.Organization(name="diskominfo", title="Diskominfo")
    dinkes = factories.Organization(
        name="dinkes", title="Dinas Kesehatan",
        users=[{"name": pembantu["name"], "capacity": "admin"}])
    dataset = factories.Dataset(
        name="kunjungan-puskesmas", title="Kunjungan Puskesmas 2025",
        owner_org=dinkes["id"], classification="terbatas",
        classification_ground="h",
        classification_consequence="Mengungkap data pribadi pasien.",
        classification_exempt_reason="Data pribadi",
        classification_decision_ref="000.8.3/0014/PPID/2026")
    return {"ppid": ppid, "pembantu": pembantu, "budi": budi,
            "dinkes": dinkes, "dataset": dataset}


def _fill_request(page, nik):
    page.locator("#field-applicant_type-individual").check()
    page.locator("#field-applicant_name").fill("Siti Aminah")
    page.locator("#field-applicant_nik").fill(nik)
    page.locator("#field-applicant_address").fill("Jl. Melati 3, Sukamaju")
    page.locator("#field-applicant_occupation").fill("Peneliti")
    page.locator("#field-applicant_phone").fill("0812-1111-2222")
    page.locator("#field-applicant_email").fill("siti@example.com")
    page.locator("#field-information_requested").fill(
        "Jumlah kunjungan puskesmas per desa tahun 2025")
    page.locator("#field-purpose").fill("Penelitian skripsi")
    page.locator("#field-obtain_method-copy").check()
    page.locator("#field-copy_format-softcopy").check()
    page.locator("#field-delivery_method").select_option("download") \
        if page.locator("#field-delivery_method option[value=download]") \
        .count() else page.locator("#field-delivery_method") \
        .select_option(index=1)


def _submit(page, form):
    page.locator(form).locator("button[type=submit]").click()
    page.wait_for_load_state()


def _open_step(page, step):
    form = page.locator(f"form#ppid-step-{step}")
    details = page.locator(f"details:has(form#ppid-step-{step})")
    if details.count() and details.get_attribute("open") is None:
        details.locator("summary").first.click()
    form.wait_for(state="visible")
    return form


def _english_words(page) -> list[str]:
    text = page.locator("body").inner_text()
    return [w for w in ENGLISH if re.search(rf"\b{re.escape(w)}\b", text)]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_walk(walker, people, lang):
    english_seen: dict[str, list[str]] = {}

    def look(w, step):
        w.check(step)
        if lang == "id":
            found = _english_words(w.page)
            if found:
                english_seen[f"{step} {w.page.url}"] = found

    # -- the anonymous applicant files a request from the dataset page
    anon = walker(lang)
    page = anon.page
    anon.goto("/dataset/kunjungan-puskesmas")
    look(anon, "dataset")
    page.locator("a[href*='/permohonan/baru?dataset=kunjungan-puskesmas']") \
        .first.click()
    page.wait_for_load_state()
    # the form opens in the dataset page's language
    assert f"/{lang}/permohonan/baru?dataset=kunjungan-puskesmas" in page.url
    assert page.get_by_text("Kunjungan Puskesmas 2025").first.is_visible()
    look(anon, "form")

    _fill_request(page, "350912150590000")  # 15 digits
    _submit(page, "#ppid-request-form")
    error = page.locator("#error-applicant_nik")
    assert error.is_visible()
    assert page.locator("#field-applicant_nik").get_attribute(
        "aria-invalid") == "true"
    # what was typed is kept
    assert page.locator("#field-applicant_nik").input_value() == \
        "350912150590000"
    assert page.locator("#field-applicant_name").input_value() == \
        "Siti Aminah"
    assert page.locator("#field-purpose").input_value() == \
        "Penelitian skripsi"
    look(anon, "form-error")

    page.locator("#field-applicant_nik").fill("3509121505900003")
    _submit(page, "#ppid-request-form")
    assert "/tanda-terima" in page.url
    number = page.locator("#ppid-registration-number").inner_text().strip()
    code = page.locator("#ppid-access-code").inner_text().strip()
    assert re.fullmatch(r"\d{4}/PMH/PPID/\d{4}", number)
    assert code
    look(anon, "receipt")

    # tracking in a fresh browser (the session forgets the code)
    tracker = walker(lang)
    tpage = tracker.page
    tracker.goto("/permohonan/lacak")
    look(tracker, "track")
    tpage.locator("#field-registration_number").fill(number)
    tpage.locator("#field-access_code").fill(code)
    _submit(tpage, "#ppid-track-form")
    assert number in tpage.locator("body").inner_text()
    request_url = tpage.url
    assert re.search(r"/permohonan/[0-9a-f-]{36}$", request_url), request_url
    look(tracker, "request-submitted")

    # -- the PPID reviews and forwards it
    ppid = walker(lang)
    ppage = ppid.page
    ppid.login(people["ppid"])
    ppid.goto("/ppid/permohonan")
    look(ppid, "desk-queue")
    ppage.locator("a.ppid-number", has_text=number).first.click()
    ppage.wait_for_load_state()
    look(ppid, "desk-request")
    form = _open_step(ppage, "review")
    form.locator("#field-review-note").fill("Data ada di Dinkes")
    _submit(ppage, "form#ppid-step-review")
    form = _open_step(ppage, "forward")
    form.locator("#field-forward-organization").select_option("dinkes")
    form.locator("#field-forward-note").fill("Mohon data per desa")
    look(ppid, "desk-forward")
    _submit(ppage, "form#ppid-step-forward")
    desk_request_url = ppage.url

    # -- the PPID Pembantu of Dinkes hands over a CSV
    pembantu = walker(lang)
    bpage = pembantu.page
    pembantu.login(people["pembantu"])
    pembantu.goto("/ppid/permohonan")
    look(pembantu, "inbox")
    bpage.locator("a.ppid-number", has_text=number).first.click()
    bpage.wait_for_load_state()
    # no contact details for the agency
    assert "siti@example.com" not in bpage.content()
    form = _open_step(bpage, "submit_data")
    form.locator("#field-submit_data-upload").set_input_files(files=[{
        "name": "kunjungan.csv", "mimeType": "text/csv", "buffer": CSV}])
    look(pembantu, "inbox-submit")
    _submit(bpage, "form#ppid-step-submit_data")
    assert "kunjungan.csv" in bpage.locator("body").inner_text()

    # -- the PPID scans the files for personal data (Jember step 10), sees
    # the report, and fulfils
    ppage.goto(desk_request_url)
    _open_step(ppage, "pdp_scan")
    _submit(ppage, "form#ppid-step-pdp_scan")
    assert ppage.locator(".ppid-pdp-file.ppid-pdp-clean").count() == 1
    look(ppid, "desk-pdp-report")
    form = _open_step(ppage, "fulfil")
    release = form.locator("#field-fulfil-release_submitted")
    if release.count():
        release.check()
    else:
        form.locator("#field-fulfil-pdp_check-clean").check()
        form.locator("#field-fulfil-upload").set_input_files(files=[{
            "name": "kunjungan.csv", "mimeType": "text/csv",
            "buffer": CSV}])
    form.locator("#field-fulfil-outcome_note").fill("Data terlampir")
    look(ppid, "desk-fulfil")
    _submit(ppage, "form#ppid-step-fulfil")
    assert ppage.locator("form#ppid-step-fulfil").count() == 0

    # -- the applicant downloads the data, and the letters
    tpage.goto(request_url)
    look(tracker, "request-fulfilled")
    letters = tpage.locator("a.ppid-letter-download")
    assert letters.count() == 3     # receipt, notice, delivery letter
    letter = tracker.context.request.get(
        letters.nth(2).get_attribute("href"))
    assert letter.status == 200 and letter.body().startswith(b"%PDF")
    link = tpage.locator("a.ppid-download").first
    href = link.get_attribute("href")
    resp = tracker.context.request.get(
        href if href.startswith("http") else tracker.base + href)
    assert resp.status == 200
    assert resp.body() == CSV
    with tpage.expect_download() as info:
        link.click()
    assert pathlib_read(info.value.path()) == CSV

    # -- another request, filed by Budi logged in, rejected on Pasal 17
    budi = walker(lang)
    upage = budi.page
    budi.login(people["budi"])
    budi.goto("/permohonan/baru?dataset=kunjungan-puskesmas")
    assert upage.locator("#field-applicant_name").input_value()
    _fill_request(upage, "3509121505900004")
    upage.locator("#field-applicant_name").fill("Budi Santoso")
    upage.locator("#field-information_requested").fill(
        "Nama pasien per puskesmas")
    _submit(upage, "#ppid-request-form")
    assert "/tanda-terima" in upage.url
    second = upage.locator("#ppid-registration-number").inner_text().strip()

    ppid.goto("/ppid/permohonan")
    ppage.locator("a.ppid-number", has_text=second).first.click()
    ppage.wait_for_load_state()
    _open_step(ppage, "review")
    _submit(ppage, "form#ppid-step-review")
    form = _open_step(ppage, "reject")
    form.locator("#field-reject-ground").select_option("h")
    form.locator("#field-reject-consequence").fill(
        "Mengungkap rahasia pribadi pasien.")
    form.locator("#field-reject-outcome_note").fill(
        "Data berisi nama pasien")
    look(ppid, "desk-reject")
    _submit(ppage, "form#ppid-step-reject")
    assert ppage.locator("form#ppid-step-reject").count() == 0

    # one more of Budi's, filed by the API while logged in: "Permohonan
    # saya" lists both, and he sees why the rejected one was refused
    third = act(people["budi"], "ppidrequest_create",
                **dict(FORM, information_requested="Jumlah bidan per desa"))
    budi.goto("/dashboard/permohonan")
    look(budi, "mine")
    body = upage.locator("body").inner_text()
    assert second in body and third["registration_number"] in body
    assert number not in body  # Siti's, filed anonymously
    upage.locator("a", has_text=second).first.click()
    upage.wait_for_load_state()
    text = upage.locator("body").inner_text()
    assert ("Pasal 17" if lang == "id" else "Article 17") in text, text
    assert "Mengungkap rahasia pribadi pasien." in text \
        or "Data berisi nama pasien" in text
    look(budi, "request-rejected")

    # the Indonesian interface shows none of CKAN's common English texts
    assert not english_seen, english_seen


def pathlib_read(path) -> bytes:
    with open(path, "rb") as f:
        return f.read()


@pytest.mark.parametrize("path", [
    "/dataset/kunjungan-puskesmas", "/permohonan/baru", "/permohonan/lacak",
    "/user/login", "/ppid/permohonan"])
def test_indonesian_pages_show_no_english(walker, people, path):
    """Anonymous pages of the walk, the login page and the desk's 403 page
    in Indonesian: none of CKAN's common English texts."""
    w = walker("id")
    w.goto(path)
    assert w.page.locator("html").get_attribute("lang") == "id"
    found = _english_words(w.page)
    assert not found, f"/id{path}: {found}"
