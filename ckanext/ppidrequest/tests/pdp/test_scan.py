"""The personal-data scan and masking on real-looking files: what is a
NIK and what only looks like one, per column, and the cleaned copy."""
from __future__ import annotations

import csv
import io

import openpyxl

from ckanext.ppidrequest.pdp import identifiers as I
from ckanext.ppidrequest.pdp import masking, scan

#: a village's stunting list as an agency might hand it over
VILLAGE = """\
nama_lengkap;nik;tanggal_lahir;alamat;nama_ibu;no_hp;email;jumlah_balita;kode_barang;keterangan
Siti Aminah;3509124507910002;05-07-1991;Jl. Melati 3 RT 02/RW 05, Kec. Sumbersari, Kab. Jember;Maryam;0812-3456-7890;siti.aminah@example.com;2;1234567890123456;ibu hamil
Budi Santoso;3509121505900003;15-05-1990;Dusun Krajan, Kecamatan Patrang;Sulastri;+62 813 1111 2222;budi@example.co.id;1;9876543210987654;NIK suami 3509120101850001
Dewi Lestari;3509125208950004;12-08-1995;Jl. Mawar 7, Kec. Kaliwates;Aisyah;081234567891;;3;0000000000000000;
"""


def _report(text: str) -> dict:
    return scan.scan_csv(io.BytesIO(text.encode()))


def _columns(report: dict) -> dict:
    return {c["name"]: c for c in report["columns"]}


def test_a_nik_needs_a_province_a_date_and_a_serial():
    assert I.nik_parts("3509124507910002") == (
        "350912", __import__("datetime").date(1991, 7, 5), "F")
    assert I.nik_parts("3509121505900003")[2] == "M"
    assert I.nik_parts("1234567890123456") is None   # province 12, month 78
    assert I.nik_parts("9876543210987654") is None   # no province 98
    assert I.nik_parts("3509123102900003") is None   # 31 February
    assert I.nik_parts("3509120101900000") is None   # serial 0000
    assert I.nik_parts("350912010190000") is None    # 15 digits


def test_the_scan_reports_each_column_with_masked_examples():
    report = _report(VILLAGE)
    assert report["scanned"] and report["rows"] == 3
    assert report["delimiter"] == ";"
    cols = _columns(report)
    assert cols["nik"]["found"] == {"nik": 3}
    assert cols["no_hp"]["found"] == {"phone": 3}
    assert cols["email"]["found"] == {"email": 2}
    for name, kind in (("nama_lengkap", "name"), ("alamat", "address"),
                       ("tanggal_lahir", "birth_date"),
                       ("nama_ibu", "mother_name")):
        assert cols[name]["header_kind"] == kind and cols[name]["personal"]
    # 16 digits that cannot be a NIK are not flagged; a count is no name
    assert cols["kode_barang"]["found"] == {}
    assert not cols["kode_barang"]["personal"]
    assert not cols["jumlah_balita"]["personal"]
    # a NIK inside free text is found, in its column
    assert cols["keterangan"]["found"] == {"nik": 1}
    assert set(report["personal"]) == {
        "nama_lengkap", "nik", "tanggal_lahir", "alamat", "nama_ibu",
        "no_hp", "email", "keterangan"}
    # the examples are masked themselves
    shown = str(report)
    for secret in ("3509124507910002", "Siti Aminah", "0812-3456-7890",
                   "siti.aminah@", "Melati", "1991-07", "05-07-1991"):
        assert secret not in shown
    assert cols["nik"]["examples"]["nik"][0] == "•" * 16
    assert cols["email"]["examples"]["email"][0] == "s•••@example.com"


def test_a_clean_file_is_clean():
    report = _report("kecamatan,desa,balita_diukur,stunting\n"
                     "Sukamaju,Cibeureum,288,61\n"
                     "Sukamaju Utara,Mekarsari,305,74\n")
    assert report["personal"] == []
    assert _columns(report)["desa"]["personal"] is False


def test_other_formats_are_not_read_and_say_so():
    report = scan.scan_path("/nonexistent", "laporan.pdf")
    assert report == {"format": "pdf", "scanned": False, "rows": 0,
                      "columns": [], "personal": []}


def _masked(plan: dict) -> list[dict]:
    report = _report(VILLAGE)
    out = io.BytesIO()
    masking.mask_csv(io.BytesIO(VILLAGE.encode()), out, report, plan)
    return list(csv.DictReader(io.StringIO(out.getvalue().decode()),
                               delimiter=";"))


PLAN = {"nama_lengkap": "drop", "nik": "token", "tanggal_lahir": "year",
        "alamat": "kecamatan", "nama_ibu": "drop", "no_hp": "drop",
        "email": "token", "keterangan": "token"}


def test_masking_drops_tokenises_and_generalises():
    rows = _masked(PLAN)
    assert list(rows[0]) == ["nik", "tanggal_lahir", "alamat", "email",
                             "jumlah_balita", "kode_barang", "keterangan"]
    assert [r["tanggal_lahir"] for r in rows] == ["1991", "1990", "1995"]
    assert [r["alamat"] for r in rows] == [
        "Kecamatan Sumbersari", "Kecamatan Patrang", "Kecamatan Kaliwates"]
    tokens = [r["nik"] for r in rows]
    assert all(t.startswith("ID-") for t in tokens) and len(set(tokens)) == 3
    assert rows[0]["kode_barang"] == "1234567890123456"    # not personal
    # the NIK in the free text is replaced, the rest of the text kept
    assert rows[1]["keterangan"].startswith("NIK suami ID-")
    assert rows[0]["keterangan"] == "ibu hamil"
    text = str(rows)
    for secret in ("3509124507910002", "3509120101850001", "Siti",
                   "0812", "siti.aminah", "Melati"):
        assert secret not in text


def test_the_same_nik_gets_the_same_token_within_a_file_only():
    twice = VILLAGE + ("Siti A.;3509124507910002;05-07-1991;"
                       "Kec. Sumbersari;Maryam;;;1;;\n")
    report = _report(twice)
    out = io.BytesIO()
    masking.mask_csv(io.BytesIO(twice.encode()), out, report, PLAN)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode()),
                               delimiter=";"))
    assert rows[0]["nik"] == rows[3]["nik"]
    assert rows[0]["nik"] != rows[1]["nik"]
    # another delivery: another key, so tokens cannot be linked
    assert _masked(PLAN)[0]["nik"] != rows[0]["nik"]


def test_a_nik_is_never_partly_masked_or_kept():
    report = _report(VILLAGE)
    refused = masking.refusals(report, dict(PLAN, nik="year",
                                            nama_ibu="keep"))
    assert refused == {"nik": "identity", "nama_ibu": "kept"}
    assert masking.refusals(report, dict(PLAN, keterangan="keep")) == {
        "keterangan": "kept"}
    assert masking.refusals(report, dict(PLAN, nope="drop")) == {
        "nope": "unknown"}
    assert masking.refusals(report, PLAN) == {}


def test_xlsx_is_scanned_and_masked(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Balita"
    sheet.append(["Nama", "NIK", "Desa", "Berat"])
    sheet.append(["Siti Aminah", "3509124507910002", "Cibeureum", 9.5])
    sheet.append(["Budi", "3509121505900003", "Mekarsari", 11])
    path = tmp_path / "balita.xlsx"
    book.save(path)
    report = scan.scan_path(str(path), "balita.xlsx")
    cols = _columns(report)
    assert cols["Balita!NIK"]["found"] == {"nik": 2}
    assert cols["Balita!Nama"]["personal"]
    assert not cols["Balita!Desa"]["personal"]
    out = tmp_path / "masked.xlsx"
    with open(out, "wb") as target:
        masking.mask_xlsx(str(path), target, report,
                          {"Balita!Nama": "drop", "Balita!NIK": "token"})
    rows = list(openpyxl.load_workbook(out).active.iter_rows(
        values_only=True))
    assert rows[0] == ("NIK", "Desa", "Berat")
    assert rows[1][0].startswith("ID-") and rows[1][1:] == ("Cibeureum", 9.5)


def test_a_column_of_codes_is_not_a_nik_column_by_chance():
    """Random 16-digit product codes: a few look like NIKs by chance, but
    most do not, so the column holds codes."""
    import random

    rng = random.Random(7)
    codes = [str(rng.randint(10 ** 15, 10 ** 16 - 1)) for _n in range(300)]
    plausible = [c for c in codes if I.nik_plausible(c)]
    assert 0 < len(plausible) < 150
    report = _report("kode_produk,jumlah\n" + "".join(
        f"{code},{n}\n" for n, code in enumerate(codes)))
    column = _columns(report)["kode_produk"]
    assert column["found"] == {} and column["codes"] == 300
    assert report["personal"] == []
