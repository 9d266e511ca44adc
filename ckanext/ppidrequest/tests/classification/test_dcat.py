"""The DCAT feed carries the classification and no data URL of a dataset
that is not open, whoever asks for it.

The profile ``ppidrequest_access`` runs after ckanext-dcat's base profile
(``ckanext.dcat.rdf.profiles`` in test.ini); the datasets are real ones,
created through CKAN's actions, and read back through the serializer, the
DCAT actions and the DCAT routes.
"""
from __future__ import annotations

import json

import pytest
import rdflib
from rdflib import URIRef
from rdflib.namespace import RDF

import ckan.plugins.toolkit as tk
from ckan.tests import factories
from ckan.tests.helpers import call_action

from ckanext.dcat.processors import RDFParser, RDFSerializer
from ckanext.dcat.profiles import DCAT, DCT, SPDX

from ckanext.ppidrequest.classification import dcat as dcat_profile


pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")

SECRET = "http://example.com/secret.csv"
AR = "http://publications.europa.eu/resource/authority/access-right/"
EXPECTED_RIGHTS = {
    "terbuka": URIRef(AR + "PUBLIC"),
    "terbatas": URIRef(AR + "RESTRICTED"),
    "rahasia": URIRef(AR + "NON_PUBLIC"),
}
BASIS = {
    "classification_ground": "h",
    "classification_consequence": "Membuka data ini mengungkap rahasia pribadi warga.",
    "classification_exempt_until": "2030-12-31",
    "classification_decision_ref": "000.8.3/0001/PPID/2026",
}


@pytest.fixture
def dataset(org):
    def make(classification="terbuka", resources=None, **kwargs):
        kwargs.setdefault("owner_org", org["id"])
        if classification != "terbuka":
            for key, value in BASIS.items():
                kwargs.setdefault(key, value)
        if resources is None:
            resources = [{"url": SECRET, "format": "CSV", "name": "Data"}]
        return factories.Dataset(classification=classification,
                                 resources=resources, **kwargs)
    return make


def _show(name, user=None):
    context = {"ignore_auth": False, "user": user["name"] if user else ""}
    return tk.get_action("package_show")(context, {"id": name})


def _graph(data, fmt="turtle"):
    g = rdflib.Graph()
    g.parse(data=data, format=fmt)
    return g


def _serialize(dataset_dict):
    return _graph(RDFSerializer().serialize_dataset(dataset_dict,
                                                    _format="turtle"))


def _page(name):
    return URIRef(f"{tk.config['ckan.site_url']}/dataset/{name}")


def _terms_containing(g, text):
    return [t for t in g for term in t if text in str(term)]


def _distributions(g, dataset_ref):
    return list(g.objects(dataset_ref, DCAT.distribution))


def _dataset_ref(g):
    refs = list(g.subjects(RDF.type, DCAT.Dataset))
    assert len(refs) == 1
    return refs[0]


# configuration


def test_profile_runs_after_the_base_profile():
    profiles = tk.config["ckanext.dcat.rdf.profiles"].split()
    assert profiles == ["euro_dcat_ap_3", "ppidrequest_access"]
    loaded = RDFSerializer()._profiles
    assert loaded[-1] is dcat_profile.PpidAccessProfile


def test_dataset_page_url():
    assert dcat_profile.dataset_page_url({"name": "abc", "type": "dataset"}) \
        == f"{tk.config['ckan.site_url']}/dataset/abc"


# the serializer, fed what package_show gives a sysadmin (URLs not redacted)


@pytest.mark.parametrize("cls", ["terbuka", "terbatas", "rahasia"])
def test_access_rights_from_the_classification(dataset, cls):
    sysadmin = factories.Sysadmin()
    pkg = dataset(classification=cls)
    g = _serialize(_show(pkg["name"], sysadmin))
    ref = _dataset_ref(g)
    assert list(g.objects(ref, DCT.accessRights)) == [EXPECTED_RIGHTS[cls]]
    assert (EXPECTED_RIGHTS[cls], RDF.type, DCT.RightsStatement) in g


@pytest.mark.parametrize("cls", ["terbatas", "rahasia"])
def test_non_open_distribution_has_no_data_url(dataset, cls):
    sysadmin = factories.Sysadmin()
    pkg = dataset(classification=cls)
    shown = _show(pkg["name"], sysadmin)
    assert shown["resources"][0]["url"] == SECRET  # the dict still has it

    g = _serialize(shown)
    assert _terms_containing(g, SECRET) == []
    assert "secret.csv" not in g.serialize(format="turtle")

    ref = _dataset_ref(g)
    page = _page(pkg["name"])
    [dist] = _distributions(g, ref)
    assert list(g.objects(dist, DCAT.accessURL)) == [page]
    assert list(g.objects(dist, DCAT.downloadURL)) == []
    assert list(g.objects(ref, DCAT.landingPage)) == [page]
    # the distribution is still described (metadata is public)
    assert (dist, RDF.type, DCAT.Distribution) in g
    assert str(dist).endswith("/resource/" + shown["resources"][0]["id"])
    assert str(next(g.objects(dist, DCT["format"]))) == "CSV"


def test_rights_statement_names_the_exemption_ground(dataset):
    sysadmin = factories.Sysadmin()
    pkg = dataset(classification="rahasia")
    g = _serialize(_show(pkg["name"], sysadmin))
    ref = _dataset_ref(g)
    [dist] = _distributions(g, ref)
    [statement] = g.objects(dist, DCT.rights)
    assert list(g.objects(ref, DCT.rights)) == [statement]
    labels = {lit.language: str(lit)
              for lit in g.objects(statement, rdflib.RDFS.label)}
    assert "Pasal 17 huruf h" in labels["id"]
    assert "Mengungkap rahasia pribadi" in labels["id"]
    assert "Article 17(h)" in labels["en"]


def test_rights_statement_in_each_offered_language_the_catalogues_say(
        dataset, monkeypatch):
    """One label per offered locale (the default first) that has a
    catalogue; a locale without one gets no English labelled as its own."""
    import ckan.lib.i18n as i18n

    monkeypatch.setattr(i18n, "locales", ["en", "id", "fr", "pt_BR"])
    pkg = dataset(classification="terbatas")
    g = _serialize(_show(pkg["name"], factories.Sysadmin()))
    [statement] = g.objects(_dataset_ref(g), DCT.rights)
    labels = {lit.language: str(lit)
              for lit in g.objects(statement, rdflib.RDFS.label)}
    assert set(labels) == {"en", "id"}
    assert labels["id"] == (
        "Terbatas: metadata terbuka; data hanya dapat diperoleh melalui "
        "permohonan informasi kepada PPID di halaman dataset. Dasar "
        "pengecualian: Pasal 17 huruf h UU 14/2008 (Mengungkap rahasia "
        "pribadi).")
    assert labels["en"] == (
        "Restricted: the metadata is public; the data is available only by "
        "an information request to the PPID on the dataset page. Exemption "
        "ground: Article 17(h) of Law 14/2008 (Revealing private secrets).")


def test_open_distribution_keeps_its_url(dataset):
    sysadmin = factories.Sysadmin()
    pkg = dataset(classification="terbuka")
    g = _serialize(_show(pkg["name"], sysadmin))
    [dist] = _distributions(g, _dataset_ref(g))
    assert list(g.objects(dist, DCAT.accessURL)) == [URIRef(SECRET)]
    assert list(g.objects(dist, DCT.rights)) == []


def test_open_distribution_keeps_its_download_url(dataset):
    sysadmin = factories.Sysadmin()
    pkg = dataset(classification="terbuka", resources=[
        {"url": SECRET, "download_url": SECRET, "format": "CSV"}])
    g = _serialize(_show(pkg["name"], sysadmin))
    [dist] = _distributions(g, _dataset_ref(g))
    assert list(g.objects(dist, DCAT.downloadURL)) == [URIRef(SECRET)]


def test_every_url_field_of_a_resource_is_stripped(dataset):
    """download_url, access_url, uri, access services, checksum, size and a
    source URL that is the data URL: none of them leaves."""
    sysadmin = factories.Sysadmin()
    service = "http://example.com/api/secret"
    pkg = dataset(
        classification="terbatas", url=SECRET + "?source",
        resources=[{
            "url": SECRET, "format": "CSV",
            "download_url": "http://example.com/dl/secret.csv",
            "access_url": "http://example.com/access/secret",
            "uri": SECRET + "#distribution",
            "access_services": json.dumps([{"endpoint_url": [service],
                                            "title": "API"}]),
            "hash": "0123456789abcdef", "size": 1234,
        }])
    shown = _show(pkg["name"], sysadmin)
    g = _serialize(shown)
    text = g.serialize(format="turtle")
    for secret in (SECRET, "example.com/dl/", "example.com/access/",
                   service):
        assert _terms_containing(g, secret) == [], secret
        assert secret not in text
    ref = _dataset_ref(g)
    [dist] = _distributions(g, ref)
    assert str(dist).endswith("/resource/" + shown["resources"][0]["id"])
    assert list(g.objects(dist, DCAT.accessURL)) == [_page(pkg["name"])]
    for predicate in (DCAT.downloadURL, DCAT.accessService, SPDX.checksum,
                      DCAT.byteSize):
        assert list(g.objects(dist, predicate)) == [], predicate


def test_pending_stricter_proposal_counts_for_everyone(dataset, org):
    """Decided terbuka, the producer proposes rahasia: the dataset is
    handled as rahasia. The dict an anonymous user gets has lost the
    proposal (redacted), the feed says NON_PUBLIC all the same."""
    editor = factories.User()
    call_action("organization_member_create", id=org["id"],
                username=editor["name"], role="editor")
    pkg = dataset(classification="terbuka")
    call_action("package_patch", context={"user": editor["name"]},
                id=pkg["id"], classification="rahasia", **BASIS)
    sysadmin = factories.Sysadmin()
    assert _show(pkg["name"], sysadmin)["classification"] == "terbuka"
    for user in (None, sysadmin):
        g = _serialize(_show(pkg["name"], user))
        ref = _dataset_ref(g)
        assert list(g.objects(ref, DCT.accessRights)) == \
            [EXPECTED_RIGHTS["rahasia"]]
        assert _terms_containing(g, SECRET) == []
        [dist] = _distributions(g, ref)
        [statement] = g.objects(dist, DCT.rights)
        labels = " ".join(g.objects(statement, rdflib.RDFS.label))
        assert "PPID" in labels
        # the proposal's basis is internal to the PPID procedure
        assert "huruf h" not in labels


def test_undecided_dict_is_handled_as_restricted():
    g = _serialize({"id": "not-in-db", "name": "x", "title": "X",
                    "resources": [{"id": "r1", "url": SECRET}]})
    ref = _dataset_ref(g)
    assert list(g.objects(ref, DCT.accessRights)) == \
        [EXPECTED_RIGHTS["terbatas"]]
    assert _terms_containing(g, SECRET) == []


def test_parse_maps_access_rights_to_classification():
    ttl = f"""
    @prefix dcat: <http://www.w3.org/ns/dcat#> .
    @prefix dct: <http://purl.org/dc/terms/> .
    <http://example.com/d1> a dcat:Dataset ; dct:title "D1" ;
        dct:accessRights <{AR}RESTRICTED> .
    """
    parser = RDFParser()
    parser.parse(ttl, _format="turtle")
    [parsed] = list(parser.datasets())
    assert parsed["classification"] == "terbatas"


# the DCAT actions, which run package_show / package_search for the caller


@pytest.mark.usefixtures("with_request_context")
def test_dcat_actions(dataset):
    sysadmin = factories.Sysadmin()
    closed = dataset(classification="terbatas", name="tertutup")
    dataset(classification="terbuka", name="terbuka",
            resources=[{"url": "http://example.com/open.csv"}])
    context = {"user": sysadmin["name"], "ignore_auth": False}
    out = tk.get_action("dcat_dataset_show")(
        dict(context), {"id": closed["id"], "format": "turtle"})
    assert SECRET not in out
    for action in ("dcat_catalog_show", "dcat_catalog_search"):
        out = tk.get_action(action)(dict(context), {"format": "turtle"})
        assert SECRET not in out, action
        assert "http://example.com/open.csv" in out, action
        g = _graph(out)
        assert (URIRef(tk.config["ckan.site_url"] + "/dataset/" + closed["id"]),
                DCT.accessRights, EXPECTED_RIGHTS["terbatas"]) in g


# callers choose the profiles: ?profiles= on the routes, profiles in the
# actions. The chained actions keep this profile last in every choice.


@pytest.mark.parametrize("asked, expected", [
    (None, None),
    ("", None),
    ("euro_dcat_ap_3", ["euro_dcat_ap_3", "ppidrequest_access"]),
    ("schemaorg,euro_dcat_ap_2", ["schemaorg", "euro_dcat_ap_2",
                                  "ppidrequest_access"]),
    (["ppidrequest_access", "euro_dcat_ap_3"], ["euro_dcat_ap_3",
                                                "ppidrequest_access"]),
])
def test_with_access_profile(asked, expected):
    assert dcat_profile.with_access_profile(asked) == expected


# every profile ckanext-dcat 2.4 registers that writes a whole dataset
# (euro_dcat_ap_scheming only adds to another one)
BASE_PROFILES = ["euro_dcat_ap", "euro_dcat_ap_2", "euro_dcat_ap_3",
                 "euro_health_dcat_ap", "dcat_us_3", "schemaorg", "croissant"]


@pytest.mark.usefixtures("with_request_context")
@pytest.mark.parametrize("base", BASE_PROFILES)
def test_chained_dataset_show_strips_urls_under_any_profile(dataset, base):
    from ckanext.dcat import logic as dcat_logic

    sysadmin = factories.Sysadmin()
    pkg = dataset(classification="terbatas", resources=[
        {"url": SECRET, "download_url": SECRET, "format": "CSV"}])
    context = {"user": sysadmin["name"], "ignore_auth": False}
    data_dict = {"id": pkg["id"], "format": "turtle", "profiles": [base]}
    # the bare ckanext-dcat action with the caller's choice leaks ...
    assert SECRET in dcat_logic.dcat_dataset_show(dict(context),
                                                  dict(data_dict))
    # ... the chained one does not
    out = dcat_profile.dcat_dataset_show(dcat_logic.dcat_dataset_show,
                                         dict(context), dict(data_dict))
    assert SECRET not in out
    assert "secret.csv" not in out
    g = _graph(out)
    assert (None, DCT.accessRights, EXPECTED_RIGHTS["terbatas"]) in g


@pytest.mark.usefixtures("with_request_context")
def test_chained_catalog_actions_keep_the_profile(dataset):
    from ckanext.dcat import logic as dcat_logic

    sysadmin = factories.Sysadmin()
    dataset(classification="rahasia")
    context = {"user": sysadmin["name"], "ignore_auth": False}
    for name in ("dcat_catalog_show", "dcat_catalog_search"):
        up_func = getattr(dcat_logic, name)
        out = getattr(dcat_profile, name)(
            up_func, dict(context),
            {"format": "turtle", "profiles": ["euro_dcat_ap_2"]})
        assert SECRET not in out, name


# the DCAT routes, anonymous and as a sysadmin


@pytest.fixture
def sysadmin_headers():
    user = factories.Sysadmin()
    token = factories.APIToken(user=user["id"])
    return {"Authorization": token["token"]}


@pytest.mark.parametrize("cls", ["terbatas", "rahasia"])
@pytest.mark.parametrize("as_sysadmin", [False, True])
def test_routes_expose_no_data_url(app, dataset, sysadmin_headers, cls,
                                   as_sysadmin):
    headers = sysadmin_headers if as_sysadmin else {}
    pkg = dataset(classification=cls)
    # the sysadmin really is one: the HTML page shows the resource URL
    page = app.get(f"/dataset/{pkg['name']}/resource/{pkg['resources'][0]['id']}",
                   headers=headers)
    assert (SECRET in page.body) is as_sysadmin
    for fmt, parse_fmt in (("ttl", "turtle"), ("rdf", "xml"),
                           ("jsonld", "json-ld")):
        res = app.get(f"/dataset/{pkg['name']}.{fmt}", headers=headers)
        assert res.status_code == 200
        assert SECRET not in res.body, fmt
        g = _graph(res.body, parse_fmt)
        assert (None, DCT.accessRights, EXPECTED_RIGHTS[cls]) in g
    res = app.get("/catalog.ttl", headers=headers)
    assert res.status_code == 200
    assert pkg["name"] in res.body or pkg["id"] in res.body
    assert SECRET not in res.body


@pytest.mark.parametrize("as_sysadmin", [False, True])
def test_routes_expose_open_data_url(app, dataset, sysadmin_headers,
                                     as_sysadmin):
    headers = sysadmin_headers if as_sysadmin else {}
    pkg = dataset(classification="terbuka")
    res = app.get(f"/dataset/{pkg['name']}.ttl", headers=headers)
    assert SECRET in res.body
    g = _graph(res.body)
    assert (None, DCT.accessRights, EXPECTED_RIGHTS["terbuka"]) in g
    res = app.get("/catalog.ttl", headers=headers)
    assert SECRET in res.body


@pytest.mark.parametrize("query", ["profiles=euro_dcat_ap_3",
                                   "profiles=schemaorg"])
def test_routes_ignore_a_profile_choice_without_this_one(
        app, dataset, sysadmin_headers, query):
    pkg = dataset(classification="terbatas")
    res = app.get(f"/dataset/{pkg['name']}.ttl?{query}",
                  headers=sysadmin_headers)
    assert res.status_code == 200
    assert SECRET not in res.body
    res = app.get(f"/catalog.ttl?{query}", headers=sysadmin_headers)
    assert SECRET not in res.body


@pytest.mark.parametrize("action", ["dcat_dataset_show", "dcat_catalog_show",
                                    "dcat_catalog_search"])
def test_dcat_actions_answer_get(app, dataset, action):
    """The chained actions keep DCAT's side_effect_free: a GET to the API
    answered 400 for dcat_dataset_show."""
    pkg = dataset(classification="terbuka")
    res = app.get(f"/api/3/action/{action}",
                  query_string={"id": pkg["name"], "format": "ttl"})
    assert res.status_code == 200, res.body
    assert pkg["name"] in res.json["result"] or \
        pkg["id"] in res.json["result"]
