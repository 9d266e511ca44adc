"""Demo requests for information: one or more in every state of the
workflow, walked through the real actions by the demo users (so the PPID,
the Dinas Kesehatan's PPID Pembantu and the applicant each have work on
their dashboards). Idempotent: a request whose applicant and subject exist
is left alone.
"""
from __future__ import annotations

import datetime as dt
import io
from typing import Any, Callable

from werkzeug.datastructures import FileStorage

import ckan.model as model
import ckan.plugins.toolkit as tk

from ..model import Request
from ..requests import clock

PPID = "ppid"
DINKES = "ppid-pembantu-dinkes"
APPLICANT = "pemohon"

_BUDI = {
    "applicant_type": "individual",
    "applicant_name": "Budi Santoso",
    "applicant_nik": "3210121505880003",
    "applicant_address": "Jl. Kenanga No. 12, Kel. Sukamaju Kota, "
                         "Kec. Sukamaju",
    "applicant_occupation": "Mahasiswa S2 Kesehatan Masyarakat",
    "applicant_phone": "0812-2345-6789",
    "applicant_email": "budi.santoso@example.com",
}
_SRI = {
    "applicant_type": "individual",
    "applicant_name": "Sri Wahyuni",
    "applicant_nik": "3210146208910002",
    "applicant_address": "Dusun Krajan RT 02/RW 05, Desa Cibeureum, "
                         "Kec. Sukamaju Selatan",
    "applicant_occupation": "Wartawan",
    "applicant_phone": "0857-1122-3344",
    "applicant_email": "sri.wahyuni@example.com",
}
_LSM = {
    "applicant_type": "organization",
    "applicant_name": "Yayasan Air Bersih Nusantara",
    "applicant_org_registration": "AHU-0012345.AH.01.04.Tahun 2019",
    "applicant_address": "Jl. Merdeka No. 45, Sukamaju",
    "applicant_occupation": "Lembaga swadaya masyarakat",
    "applicant_phone": "0265-331122",
    "applicant_email": "sekretariat@airbersih.example.org",
}
_DESA = {
    "applicant_type": "government",
    "applicant_name": "Pemerintah Desa Mekarsari",
    "applicant_org_registration": "Surat Kepala Desa No. 140/27/Ds/2026",
    "applicant_address": "Kantor Desa Mekarsari, Kec. Sukamaju Utara",
    "applicant_phone": "0265-441100",
}
_COPY_EMAIL = {"obtain_method": "copy", "copy_format": "softcopy",
               "delivery_method": "email"}

#: (applicant, form, channel and days ago received, steps)
#: a step is (user, action, fields)
REQUESTS: list[dict[str, Any]] = [
    {
        "user": APPLICANT, "channel": "web", "days_ago": 0,
        "form": {**_BUDI, **_COPY_EMAIL,
                 "information_requested":
                     "Jumlah penduduk per kelompok umur lima tahunan per "
                     "desa tahun 2024.",
                 "purpose": "Bahan tesis tentang bonus demografi di "
                            "Kabupaten Sukamaju."},
        "steps": [],
    },
    {
        "user": PPID, "channel": "whatsapp", "days_ago": 2,
        "form": {**_LSM, **_COPY_EMAIL,
                 "information_requested":
                     "Daftar desa yang belum memiliki akses air minum "
                     "layak, dengan jumlah rumah tangganya.",
                 "purpose": "Perencanaan program sumur bor bagi desa "
                            "rawan air.",
                 "dataset_id": "akses-air-minum-dan-sanitasi-layak-2024"},
        "steps": [(PPID, "review", {"note": "Cek Daftar Informasi Publik: "
                                            "tersedia per kecamatan saja."})],
    },
    {
        "user": PPID, "channel": "letter", "days_ago": 5,
        "form": {**_SRI, **_COPY_EMAIL,
                 "information_requested":
                     "Sepuluh besar penyakit per puskesmas tahun 2024.",
                 "purpose": "Liputan tentang layanan kesehatan dasar.",
                 "dataset_id":
                     "kunjungan-dan-sepuluh-besar-penyakit-per-puskesmas-2024"},
        "steps": [(PPID, "review", {}),
                  (PPID, "forward", {"organization": "dinas-kesehatan",
                                     "note": "Mohon data per puskesmas, "
                                             "sel < 5 kasus disamarkan."})],
    },
    {
        "user": PPID, "channel": "in_person", "days_ago": 8,
        "form": {**_DESA, "obtain_method": "copy",
                 "copy_format": "hardcopy", "delivery_method": "in_person",
                 "information_requested":
                     "Data balita stunting Desa Mekarsari (nama dan "
                     "alamat) untuk intervensi gizi.",
                 "purpose": "Pendampingan keluarga balita stunting oleh "
                            "kader desa.",
                 "owner_org": "dinas-kesehatan"},
        "steps": [(PPID, "review", {}),
                  (PPID, "forward", {"organization": "dinas-kesehatan"}),
                  (DINKES, "submit_data", {
                      "file": ("balita-stunting-mekarsari.csv",
                               "nama_inisial,rt,rw,umur_bulan,status\n"
                               "A.S.,02,05,26,pendek\n"
                               "M.R.,04,01,31,sangat pendek\n"
                               "N.F.,01,03,19,pendek\n"),
                      "note": "Data untuk desa pemohon saja; nama "
                              "disingkat, alamat sampai RT/RW."})],
    },
    {
        "user": APPLICANT, "channel": "web", "days_ago": 12,
        "form": {**_BUDI, **_COPY_EMAIL,
                 "information_requested":
                     "Prevalensi stunting per desa tahun 2024.",
                 "purpose": "Analisis spasial stunting untuk tesis."},
        "steps": [(PPID, "review", {}),
                  (PPID, "fulfil", {
                      "pdp_check": "clean",
                      "file": ("prevalensi-stunting-per-desa-2024.csv",
                               "kecamatan,desa,balita_diukur,stunting\n"
                               "Sukamaju,Sukamaju Kota,412,58\n"
                               "Sukamaju,Cibeureum,288,61\n"
                               "Sukamaju Utara,Mekarsari,305,74\n"),
                      "outcome_note": "Disampaikan dalam format CSV tanpa "
                                      "biaya."})],
    },
    {
        "user": PPID, "channel": "email", "days_ago": 9,
        "form": {**_SRI, **_COPY_EMAIL,
                 "information_requested":
                     "Daftar nama pasien TBC dan HIV per desa tahun 2024.",
                 "purpose": "Liputan investigasi penanganan penyakit "
                            "menular.",
                 "dataset_id":
                     "data-pasien-penyakit-menular-per-individu-2024"},
        "steps": [(PPID, "review", {}),
                  (PPID, "reject", {"outcome_note":
                                    "Data agregat per kecamatan tersedia "
                                    "terbuka di portal."})],
    },
    {
        "user": APPLICANT, "channel": "web", "days_ago": 7,
        "form": {**_BUDI, **_COPY_EMAIL,
                 "information_requested":
                     "Jumlah kendaraan bermotor per jenis di Kabupaten "
                     "Sukamaju 2025.",
                 "purpose": "Kajian kemacetan untuk tugas kuliah."},
        "steps": [(PPID, "review", {}),
                  (PPID, "not_held", {
                      "held_by": "Badan Pendapatan Daerah Provinsi "
                                 "(UPT Samsat Sukamaju)"})],
    },
    {
        "user": PPID, "channel": "letter", "days_ago": 1,
        "form": {**_LSM, **_COPY_EMAIL,
                 "applicant_org_registration": "",
                 "applicant_type": "government",
                 "information_requested":
                     "Rekap pengaduan layanan air minum PDAM per "
                     "kecamatan 2025.",
                 "purpose": "Advokasi layanan air minum."},
        "steps": [(PPID, "request_completion", {
            "note": "Lampirkan akta pendirian atau SK Kemenkumham yayasan, "
                    "dan ubah jenis pemohon menjadi badan hukum."})],
    },
    {
        "user": APPLICANT, "channel": "web", "days_ago": 3,
        "form": {**_BUDI, **_COPY_EMAIL,
                 "information_requested":
                     "Jumlah guru honorer per sekolah dasar 2025.",
                 "purpose": "Bahan diskusi komunitas pendidikan."},
        "steps": [(APPLICANT, "withdraw", {
            "note": "Data sudah saya temukan di portal."})],
    },
    {
        # overdue: forwarded long ago, the agency has not answered
        "user": PPID, "channel": "letter", "days_ago": 18,
        "form": {**_DESA, "obtain_method": "view",
                 "delivery_method": "in_person",
                 "information_requested":
                     "Jumlah kasus demam berdarah per dusun di Desa "
                     "Mekarsari 2025.",
                 "purpose": "Penjadwalan fogging dan PSN oleh desa.",
                 "owner_org": "dinas-kesehatan"},
        "steps": [(PPID, "review", {}),
                  (PPID, "forward", {"organization": "dinas-kesehatan"})],
    },
]


def _received(days_ago: int) -> dt.date:
    day = clock.today() - dt.timedelta(days=days_ago)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _act(user: str, name: str, data: dict[str, Any]) -> dict[str, Any]:
    return tk.get_action(name)({"user": user, "ignore_auth": False}, data)


def ensure_request(spec: dict[str, Any], tally: Callable[[str], None]):
    form = dict(spec["form"])
    exists = model.Session.query(Request.id).filter(
        Request.applicant_name == form["applicant_name"],
        Request.information_requested == form["information_requested"],
    ).first()
    if exists:
        tally("unchanged")
        return
    if spec["channel"] != "web":
        form.update(channel=spec["channel"],
                    received_at=_received(spec["days_ago"]).isoformat())
    form = {k: v for k, v in form.items() if v != ""}
    req = _act(spec["user"], "ppidrequest_create", form)
    for user, action, fields in spec["steps"]:
        fields = dict(fields)
        if "file" in fields:
            filename, content = fields.pop("file")
            fields["upload"] = FileStorage(
                stream=io.BytesIO(content.encode()), filename=filename,
                content_type="text/csv")
        _act(user, "ppidrequest_transition",
             dict(fields, id=req["id"], action=action))
    tally("created")
