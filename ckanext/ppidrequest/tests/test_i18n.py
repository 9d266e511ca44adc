"""One translation path: gettext. The catalogues are complete and current,
labels follow the page's language, a third language needs only a
catalogue, and no Python holds a text table or a month name."""
from __future__ import annotations

import datetime as dt
import io
import pathlib
import re
import subprocess
import sys

import polib
import pytest
from babel.messages import mofile, pofile

import ckan.plugins.toolkit as tk
from ckan.tests import factories

from ckanext.ppidrequest import helpers, translation
from ckanext.ppidrequest.classification import classes as C
from ckanext.ppidrequest.requests import labels, notify

PACKAGE = pathlib.Path(helpers.__file__).parent
I18N = PACKAGE / "i18n"
POT = I18N / "ckanext-ppidrequest.pot"
PO_ID = I18N / "id" / "LC_MESSAGES" / "ckanext-ppidrequest.po"


def _keys(catalogue):
    return {(e.msgctxt, e.msgid) for e in catalogue if e.msgid}


# -- the catalogues ----------------------------------------------------------

def test_the_core_translations_are_ckan_s_own_messages():
    """i18n/core/id.po translates CKAN's texts, not texts of ours: each
    msgid is one of CKAN's ckan.pot, translated, and none changes what
    the extension's own catalogue says."""
    import ckan

    ckan_pot = polib.pofile(str(pathlib.Path(ckan.__file__).parent / "i18n"
                                / "ckan.pot"))
    core = polib.pofile(str(I18N / "core" / "id.po"))
    assert len(core) > 100
    assert _keys(core) - _keys(ckan_pot) == set()
    assert [e.msgid for e in core.untranslated_entries()] == []
    ours = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(PO_ID))}
    assert {e.msgid for e in core
            if ours.get((e.msgctxt, e.msgid)) not in (None, e.msgstr)} == set()


def test_the_compiled_catalogue_carries_the_core_translations():
    """What CKAN loads (the .mo of make i18n) holds the core entries."""
    mo = I18N / "id" / "LC_MESSAGES" / "ckanext-ppidrequest.mo"
    with open(mo, "rb") as fh:
        compiled = mofile.read_mo(fh)
    assert compiled.get("Just now").string == "Baru saja"

def test_the_indonesian_catalogue_translates_every_message():
    pot, po = polib.pofile(str(POT)), polib.pofile(str(PO_ID))
    assert _keys(pot) - _keys(po) == set()
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert [e.msgid for e in po.obsolete_entries()] == []


def test_the_catalogue_template_holds_every_message_of_the_code(tmp_path):
    """Extracting again (babel.cfg) gives the committed template: a text
    added without its catalogue entry fails here."""
    out = tmp_path / "new.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract",
         "-F", str(PACKAGE.parent.parent / "babel.cfg"), "--no-location",
         "--sort-output", "-c", "Translators:", "-o", str(out),
         str(PACKAGE.relative_to(PACKAGE.parent.parent))],
        # from the repository root: inside the package, its requests/
        # would stand in for the requests library
        cwd=PACKAGE.parent.parent, check=True, capture_output=True)
    assert _keys(polib.pofile(str(out))) == _keys(polib.pofile(str(POT)))


# Messages that CKAN's Indonesian catalogue has too, translated differently,
# from before issue 8: ours wins on every page. Keep the list from growing:
# give a message of ours a context (pgettext, NC_) instead.
_OVERRIDES_OF_CKAN = {"Dataset not found", "Missing value",
                      "Resource not found"}


def test_no_message_of_ours_changes_ckan_s_own_indonesian():
    """Plugin catalogues are merged over CKAN's, so a msgid CKAN also uses
    ("Organization") would change CKAN's pages."""
    import ckan

    core = polib.pofile(str(pathlib.Path(ckan.__file__).parent / "i18n"
                            / "id" / "LC_MESSAGES" / "ckan.po"))
    theirs = {(e.msgctxt, e.msgid): e.msgstr for e in core if e.msgstr}
    clashes = {e.msgid for e in polib.pofile(str(PO_ID))
               if theirs.get((e.msgctxt, e.msgid)) not in (None, e.msgstr)}
    assert clashes == _OVERRIDES_OF_CKAN


def test_no_text_table_or_month_name_in_python():
    """Texts are msgids; month and day names come from Babel."""
    names = ("Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|"
             "Desember|Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu")
    table = re.compile(r"""["']id["']\s*:\s*["'].*["']en["']\s*:""", re.S)
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        # tests assert on Indonesian text (the demo's data files are YAML)
        if relative.startswith("tests/"):
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(rf"\b({names})\b", text), relative
        for block in re.findall(r"\{[^{}]*\}", text):
            assert not table.search(block), relative


# -- labels and the language -------------------------------------------------

@pytest.mark.usefixtures("with_plugins")
def test_labels_in_each_language():
    assert C.label("terbatas", "id") == "Terbatas"
    assert C.label("terbatas", "en") == "Restricted"
    assert C.label("nonsense", "id") == ""
    assert C.ground_label("h", "id") == "Mengungkap rahasia pribadi"
    assert C.ground_label("h", "en") == "Revealing private secrets"
    assert labels.label(labels.STATES, "in_review", "id") == \
        "Sedang diperiksa"
    assert labels.label(labels.ACTIONS, "lapse", "en") == "Lapsed"
    assert labels.label(labels.STATES, "unknown", "id") == "unknown"
    # the applicant type has its own context: CKAN's "Organization" stays
    assert labels.label(labels.APPLICANT_TYPES, "organization", "id") == \
        "Badan hukum / organisasi"
    assert translation.translate("Organization", "id") == "Organisasi"


@pytest.mark.usefixtures("with_plugins")
@pytest.mark.ckan_config("ckan.locale_default", "id")
def test_language_is_the_page_s_else_the_portal_s(app):
    assert translation.language() == "id"              # a job, a command
    with app.flask_app.test_request_context(
            "/en/dataset", environ_base={"CKAN_LANG": "en"}):
        assert translation.language() == "en"
        assert helpers.ppidrequest_classification_label("rahasia") == \
            "Secret"
        with translation.in_language("id"):
            assert translation.language() == "id"
            assert tk._("Request data") == "Ajukan permohonan data"
            assert helpers.ppidrequest_format_date(dt.date(2026, 8, 17)) \
                == "Senin, 17 Agustus 2026"
        assert translation.language() == "en"
        assert tk._("Request data") == "Request data"


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
@pytest.mark.ckan_config("ckan.locale_default", "id")
def test_dataset_page_in_indonesian_and_in_english(app, org):
    factories.Dataset(
        name="rekam-medis", owner_org=org["id"], classification="rahasia",
        classification_ground="h",
        classification_consequence="Mengungkap rekam medis pasien.",
        classification_exempt_reason="Rahasia medis",
        classification_decision_ref="000.8.3/0012/PPID/2026")
    page = app.get("/dataset/rekam-medis").body
    assert "Rahasia" in page and "Mengungkap rahasia pribadi" in page
    assert "Revealing private secrets" not in page
    page = app.get("/en/dataset/rekam-medis").body
    assert "Secret" in page and "Revealing private secrets" in page
    assert "Mengungkap rahasia pribadi" not in page


# -- a third language --------------------------------------------------------

_GERMAN = """\
msgid ""
msgstr ""
"Language: de\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Dear %(name)s,"
msgstr "Guten Tag %(name)s,"

msgid "EEEE d MMMM y"
msgstr "EEEE, d. MMMM y"

msgctxt "request state"
msgid "In review"
msgstr "In Prüfung"
"""


@pytest.fixture
def german():
    """A German catalogue where make i18n would put it (removed after)."""
    import flask_babel

    folder = I18N / "de" / "LC_MESSAGES"
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "ckanext-ppidrequest.mo"
    with open(target, "wb") as fh:
        mofile.write_mo(fh, pofile.read_po(io.StringIO(_GERMAN)))

    def forget():
        with translation.in_language("de"):
            cache = flask_babel.get_domain().cache
            for key in [k for k in cache if k[0] == "de"]:
                del cache[key]

    forget()
    yield
    target.unlink()
    if created:
        folder.rmdir()
        folder.parent.rmdir()
    forget()


@pytest.mark.usefixtures("with_plugins", "german")
def test_a_third_language_needs_only_its_catalogue():
    req = type("Req", (), {"registration_number": "0001/PMH/PPID/2026",
                           "state": "in_review",
                           "received_at": dt.date(2026, 12, 3),
                           "information_requested": "Daten"})()
    subject, body = notify.render_email(
        "applicant/review", "de", name="Budi", req=req,
        event=None, track_url="T")
    assert body.startswith("Guten Tag Budi,\n\n")
    assert "In Prüfung" in subject
    # month and day names from CLDR, the order from the catalogue
    assert "Donnerstag, 3. Dezember 2026" in body
    # what the catalogue lacks stays in English
    assert "The PPID is reviewing your request." in body
