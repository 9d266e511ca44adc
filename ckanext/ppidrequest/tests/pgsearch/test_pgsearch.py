"""The PostgreSQL search backend answers package_search as CKAN+Solr would.

Every test goes through CKAN's own actions (package_create indexes through
CKAN's indexer, package_search queries through CKAN's query code) against
the real database; nothing is mocked.
"""
from __future__ import annotations

import datetime as dt
import sys
from collections import Counter

import pytest
import sqlalchemy as sa

import ckan.lib.search as search
import ckan.lib.search.common as search_common
import ckan.model as model
from ckan.tests import factories
from ckan.tests.helpers import call_action
import ckan.plugins.toolkit as tk

from ckanext.ppidrequest import pgsearch


pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")


def _search(user=None, **params):
    context = {"ignore_auth": False}
    context["user"] = user["name"] if user else ""
    return tk.get_action("package_search")(context, params)


@pytest.fixture
def dataset(org):
    """Create a dataset, owned by the default OPD unless told otherwise."""
    def make(**kwargs):
        kwargs.setdefault("owner_org", org["id"])
        kwargs.setdefault("classification", "terbuka")
        return factories.Dataset(**kwargs)
    return make


def _names(result):
    return [d["name"] for d in result["results"]]


def test_backend_is_installed():
    assert pgsearch.installed()


def test_every_name_through_which_ckan_reaches_solr_is_patched():
    """CKAN imports make_connection and is_available by name into several
    modules (``ckan.lib.search`` re-exports them); none may still hold
    CKAN's Solr version, or whoever calls it talks to a Solr that is not
    there."""
    from ckanext.ppidrequest.pgsearch import backend

    names = {patch.name for patch in pgsearch.PATCHES}
    stale = [
        f"{module_name}.{name}"
        for module_name, module in list(sys.modules.items())
        if module_name.split(".")[0] in ("ckan", "ckanext")
        for name in names
        if getattr(vars(module).get(name), "__module__", "").startswith(
            "ckan.lib.search")
    ]
    assert stale == []
    assert isinstance(search.make_connection(), backend.PgSearchConnection)


def test_indexes_the_document_ckan_builds(dataset):
    org = factories.Organization(name="dinkes")
    dataset(name="angka-stunting", title="Angka Stunting Balita",
                      owner_org=org["id"], tags=[{"name": "kesehatan"}])
    doc = search.show("angka-stunting")
    # fields CKAN's indexer adds: the index key, flattened tags, labels
    assert doc["name"] == "angka-stunting"
    assert doc["tags"] == ["kesehatan"]
    assert doc["organization"] == "dinkes"
    assert doc["entity_type"] == "package"
    assert doc["index_id"]


def test_free_text_and_indonesian_stemming(dataset):
    dataset(name="data-kependudukan",
                      title="Data Kependudukan Kabupaten",
                      notes="Rekap administrasi per desa")
    dataset(name="produksi-padi", title="Produksi Padi",
                      notes="Hasil panen per kecamatan")
    assert _names(_search(q="penduduk")) == ["data-kependudukan"]
    assert _names(_search(q="kependudukan")) == ["data-kependudukan"]
    assert _names(_search(q="panen")) == ["produksi-padi"]
    assert _names(_search(q="padi kecamatan")) == ["produksi-padi"]
    assert _search(q="padi kependudukan")["count"] == 0
    # a prefix and a phrase
    assert _names(_search(q="kependu*")) == ["data-kependudukan"]
    assert _names(_search(q='"hasil panen"')) == ["produksi-padi"]
    assert _search(q='"panen hasil"')["count"] == 0


def test_title_matches_rank_above_notes_matches(dataset):
    dataset(name="notes-only", title="Rekap tahunan",
                      notes="berisi data sekolah dasar")
    dataset(name="in-title", title="Jumlah Sekolah Dasar",
                      notes="rekap tahunan")
    assert _names(_search(q="sekolah", sort="score desc"))[0] == "in-title"


def test_fielded_queries_negation_and_or_lists(dataset):
    org_a = factories.Organization(name="dinkes")
    org_b = factories.Organization(name="disdik")
    org_c = factories.Organization(name="bappeda")
    dataset(name="a1", owner_org=org_a["id"],
                      tags=[{"name": "kesehatan"}, {"name": "stunting"}])
    dataset(name="b1", owner_org=org_b["id"],
                      tags=[{"name": "pendidikan"}])
    dataset(name="c1", owner_org=org_c["id"],
                      tags=[{"name": "anggaran"}])

    assert _names(_search(fq='+organization:"dinkes"')) == ["a1"]
    assert sorted(_names(_search(fq="organization:(dinkes OR disdik)"))) \
        == ["a1", "b1"]
    assert sorted(_names(_search(fq="-organization:dinkes"))) == ["b1", "c1"]
    assert _names(_search(fq='tags:"stunting"')) == ["a1"]
    assert sorted(_names(_search(q="tags:kesehatan OR tags:anggaran"))) \
        == ["a1", "c1"]
    assert _search(q="*:*")["count"] == 3
    assert _names(_search(fq_list=["organization:dinkes", "tags:stunting"])) \
        == ["a1"]
    assert _search(fq_list=["organization:dinkes", "tags:anggaran"])["count"] \
        == 0
    # the web UI's facet links: space separated, each must hold
    assert _search(fq='organization:"dinkes" tags:"pendidikan"')["count"] == 0
    # exact string fields are case-sensitive, as in Solr
    assert _search(fq="organization:DINKES")["count"] == 0


def test_ranges_on_dates(dataset):
    dataset(name="recent")
    assert _search(fq="metadata_modified:[NOW-1DAY TO NOW+1DAY]")["count"] \
        == 1
    assert _search(fq="metadata_modified:[* TO 2000-01-01T00:00:00Z]")[
        "count"] == 0


def _modified_at(dataset, **when):
    """Datasets named after the keywords, whose ``metadata_modified`` is the
    given UTC time, indexed by CKAN's indexer."""
    for name, at in when.items():
        pkg = dataset(name=name)
        model.Session.query(model.Package).filter_by(id=pkg["id"]).update(
            {"metadata_modified": dt.datetime.fromisoformat(at)})
        model.repo.commit()
        search.rebuild(pkg["id"])


def _names_at(now, fq):
    """Solr's NOW parameter fixes the instant date math starts from."""
    at = dt.datetime.fromisoformat(now).replace(tzinfo=dt.timezone.utc)
    result = search_common.make_connection().search(
        q="*:*", fq=fq, fl="name", NOW=int(at.timestamp() * 1000))
    return sorted(doc["name"] for doc in result.docs)


def test_date_math_starts_from_the_requests_now(dataset):
    _modified_at(dataset, older="2026-03-12T23:59:59",
                 recent="2026-03-13T00:00:00")
    assert _names_at("2026-03-15T10:30:00",
                     "metadata_modified:[NOW-2DAYS/DAY TO NOW]") == ["recent"]
    assert _names_at("2026-03-15T10:30:00",
                     "metadata_modified:[NOW-3DAYS TO NOW]") == [
        "older", "recent"]
    # without NOW, NOW is the current time
    assert _search(fq="metadata_modified:[NOW-1DAY TO *]")["count"] == 0
    with pytest.raises(search.SearchQueryError):
        search_common.make_connection().search(q="*:*", NOW="yesterday")


@pytest.mark.parametrize("now, fq, inside, outside", [
    # one month before 31 March is the end of February
    ("2026-03-31T12:00:00", "metadata_modified:[NOW-1MONTH TO NOW]",
     "2026-02-28T12:00:00", "2026-02-28T11:59:59"),
    # one year before 29 February is 28 February
    ("2028-02-29T12:00:00", "metadata_modified:[NOW-1YEAR TO NOW]",
     "2027-02-28T12:00:00", "2027-02-28T11:59:59"),
    # one month after 31 January, to the day
    ("2026-01-31T12:00:00", "metadata_modified:[NOW TO NOW+1MONTH/DAY]",
     "2026-02-28T00:00:00", "2026-02-28T00:00:01"),
])
def test_date_math_on_month_ends(dataset, now, fq, inside, outside):
    _modified_at(dataset, inside=inside, outside=outside)
    assert _names_at(now, fq) == ["inside"]


def test_invalid_queries_are_validation_errors_not_server_errors(app, dataset):
    dataset(name="x1", title="Data penduduk")
    with pytest.raises(search.SearchError):
        _search(q="title:(penduduk")
    with pytest.raises(search.SearchQueryError):
        _search(sort="metadata_modified sideways")
    # dismax free text is lenient: a stray bracket is just a character
    assert _names(_search(q="penduduk (")) == ["x1"]
    res = app.get("/api/3/action/package_search",
                  query_string={"q": "title:(penduduk"}, status=409)
    assert res.json["success"] is False
    res = app.get("/api/3/action/package_search",
                  query_string={"sort": "name sideways"}, status=400)
    assert res.json["error"]["__type"] == "Search Query Error"
    # the search page keeps working and says what happened
    res = app.get("/dataset/", query_string={"q": "title:(penduduk"})
    assert res.status_code == 200
    assert "There was an error while searching" in res.body


def test_facet_counts_equal_direct_counts(dataset):
    orgs = [factories.Organization(name=f"opd-{i}") for i in range(3)]
    tag_sets = [["kesehatan"], ["kesehatan", "stunting"], ["pendidikan"],
                ["kesehatan", "pendidikan"], [], ["anggaran"]]
    for i in range(12):
        dataset(
            name=f"ds-{i}", owner_org=orgs[i % 3]["id"],
            tags=[{"name": t} for t in tag_sets[i % len(tag_sets)]],
            resources=[{"url": "http://example.com/a.csv", "format": "CSV"},
                       {"url": "http://example.com/b.csv", "format": "CSV"}]
            if i % 2 else [{"url": "http://example.com/c.pdf",
                            "format": "PDF"}])
    result = _search(q="*:*", rows=0,
                     **{"facet.field": '["organization", "tags", "res_format"]'})

    active = model.Session.query(model.Package).filter_by(state="active")
    by_org = Counter(p.owner_org for p in active)
    expected_orgs = {o["name"]: by_org[o["id"]] for o in orgs}
    got_orgs = {i["name"]: i["count"]
                for i in result["search_facets"]["organization"]["items"]}
    assert got_orgs == expected_orgs

    by_tag = Counter(t.name for p in active for t in p.get_tags())
    got_tags = {i["name"]: i["count"]
                for i in result["search_facets"]["tags"]["items"]}
    assert got_tags == dict(by_tag)

    # a dataset with two CSV resources counts once for CSV
    by_format = Counter(f for p in active
                        for f in {r.format for r in p.resources})
    got_formats = {i["name"]: i["count"]
                   for i in result["search_facets"]["res_format"]["items"]}
    assert got_formats == dict(by_format)

    # facet counts follow the filters
    filtered = _search(fq="tags:pendidikan", rows=0,
                       **{"facet.field": '["tags"]'})
    items = {i["name"]: i["count"]
             for i in filtered["search_facets"]["tags"]["items"]}
    assert items["pendidikan"] == filtered["count"] == by_tag["pendidikan"]


def test_facet_limit_and_mincount(dataset):
    for i, tags in enumerate([["aa", "bb"], ["aa", "cc"], ["aa"], ["bb"]]):
        dataset(name=f"f{i}", tags=[{"name": t} for t in tags])
    result = _search(rows=0, **{"facet.field": '["tags"]',
                                "facet.limit": 2})
    assert result["facets"]["tags"] == {"aa": 3, "bb": 2}
    result = _search(rows=0, **{"facet.field": '["tags"]',
                                "facet.mincount": 2})
    assert result["facets"]["tags"] == {"aa": 3, "bb": 2}


def test_private_and_draft_datasets_hidden_from_those_who_may_not_see_them(dataset):
    owner = factories.User()
    member = factories.User()
    outsider = factories.User()
    sysadmin = factories.Sysadmin()
    org = factories.Organization(users=[
        {"name": owner["name"], "capacity": "admin"},
        {"name": member["name"], "capacity": "member"}])
    dataset(name="public-one", owner_org=org["id"])
    dataset(name="private-one", owner_org=org["id"], private=True)
    dataset(name="draft-one", owner_org=org["id"], state="draft",
                      user=owner)

    def visible(user, **kw):
        return sorted(_names(_search(user, include_private=True, **kw)))

    assert visible(None) == ["public-one"]
    assert visible(outsider) == ["public-one"]
    assert visible(member) == ["private-one", "public-one"]
    assert visible(sysadmin) == ["private-one", "public-one"]
    # drafts only for who may see them, and only when asked
    assert visible(outsider, include_drafts=True) == ["public-one"]
    assert "draft-one" in visible(owner, include_drafts=True)
    assert "draft-one" in visible(sysadmin, include_drafts=True)
    assert "draft-one" not in visible(owner)
    # include_private=False hides private datasets even from members
    assert _names(_search(member, include_private=False)) == ["public-one"]
    # the facet counts of an anonymous visitor do not reveal them
    result = _search(None, include_private=True,
                     **{"facet.field": '["organization"]'})
    assert result["facets"]["organization"] == {org["name"]: 1}


@pytest.mark.ckan_config("ckan.auth.allow_dataset_collaborators", True)
def test_collaborators_see_private_datasets_they_work_on(dataset):
    collaborator = factories.User()
    stranger = factories.User()
    org = factories.Organization()
    shared = dataset(name="shared-private", owner_org=org["id"],
                     private=True)
    dataset(name="other-private", owner_org=org["id"], private=True)
    call_action("package_collaborator_create", id=shared["id"],
                user_id=collaborator["id"], capacity="editor")
    seen = _names(_search(collaborator, include_private=True))
    assert seen == ["shared-private"]
    assert _search(stranger, include_private=True)["count"] == 0


def test_every_sort_order(dataset):
    names = ["beta", "Alpha", "gamma", "delta"]
    for i, name in enumerate(names):
        dataset(name=f"sort-{name.lower()}", title=f"{name} data",
                          notes="pangan " * (i + 1))
    rows = model.Session.query(model.Package.name,
                               model.Package.metadata_modified,
                               model.Package.metadata_created,
                               model.Package.title).all()

    def by(key, reverse=False):
        return [r.name for r in sorted(rows, key=key, reverse=reverse)]

    assert _names(_search(sort="metadata_modified desc")) == by(
        lambda r: r.metadata_modified, True)
    assert _names(_search(sort="metadata_modified asc")) == by(
        lambda r: r.metadata_modified)
    assert _names(_search(sort="metadata_created desc")) == by(
        lambda r: r.metadata_created, True)
    assert _names(_search(sort="name asc")) == by(lambda r: r.name)
    assert _names(_search(sort="name desc")) == by(lambda r: r.name, True)
    # title_string is a Solr string: byte order, upper case first
    assert _names(_search(sort="title_string asc")) == by(lambda r: r.title)
    assert _names(_search(sort="title_string desc")) == by(
        lambda r: r.title, True)
    # score desc, then the next key decides ties
    assert _names(_search(q="*:*", sort="score desc, name asc")) == by(
        lambda r: r.name)
    # relevance: more occurrences rank higher
    ranked = _names(_search(q="pangan", sort="score desc, name asc"))
    assert ranked[0] == "sort-delta"


def test_paging_is_stable_and_complete(dataset):
    for i in range(23):
        dataset(name=f"page-{i:02d}", title="Sama")
    seen = []
    for start in range(0, 23, 5):
        page = _search(sort="title_string asc", rows=5, start=start)
        assert page["count"] == 23
        seen.extend(_names(page))
    assert len(seen) == 23
    assert len(set(seen)) == 23
    again = [n for s in range(0, 23, 5) for n in _names(
        _search(sort="title_string asc", rows=5, start=s))]
    assert again == seen
    # past the end: empty page, but the count is still known
    tail = _search(rows=5, start=40)
    assert tail["results"] == [] and tail["count"] == 23


def test_dataset_type_and_fl(dataset):
    dataset(name="typed", title="Data Typed")
    res = _search(fq="+dataset_type:dataset", fl="name,title")
    assert res["results"] == [{"name": "typed", "title": "Data Typed"}]
    assert _search(fq="+dataset_type:harvest")["count"] == 0


def test_extension_fields_are_searchable(dataset):
    """Whatever a plugin indexes is searchable: scheming's dataset fields,
    and what before_dataset_index adds (the classification)."""
    dataset(name="yearly", update_frequency="tahunan",
            unit_of_measure="jiwa per km2")
    dataset(name="monthly", update_frequency="bulanan")
    assert _names(_search(fq="update_frequency:tahunan")) == ["yearly"]
    # a custom field is an exact string, as Solr's "*" dynamic field...
    assert _names(_search(fq='unit_of_measure:"jiwa per km2"')) == ["yearly"]
    assert _search(fq="unit_of_measure:jiwa")["count"] == 0
    # ...and its words reach the free text through extras_*
    assert _names(_search(q="km2")) == ["yearly"]
    assert sorted(_names(_search(fq="-update_frequency:tahunan"))) \
        == ["monthly"]
    assert sorted(_names(_search(fq="update_frequency:*"))) \
        == ["monthly", "yearly"]
    assert _search(fq="classification:terbuka")["count"] == 2


def test_updates_and_deletes_reach_the_index(dataset):
    editor = factories.Sysadmin()
    context = {"user": editor["name"]}
    changing = dataset(name="change-me", title="Data Lama")
    call_action("package_patch", context, id=changing["id"],
                title="Data Baru")
    assert _names(_search(q="baru")) == ["change-me"]
    assert _search(q="lama")["count"] == 0
    call_action("package_delete", context, id=changing["id"])
    assert _search(q="baru")["count"] == 0


def test_clearing_one_dataset_deletes_only_its_document(dataset):
    """CKAN removes a document with a delete by query (``+entity_type:package
    AND +(id:"..." OR name:"...") AND +site_id:"..."``)."""
    dataset(name="keep-me", title="Tetap")
    gone = dataset(name="clear-me", title="Hapus")
    search.clear(gone["id"])
    assert _names(_search(q="*:*")) == ["keep-me"]
    search.clear_all()
    assert _search(q="*:*")["count"] == 0


def test_search_index_commands(cli, ckan_config, dataset):
    from ckan.cli.cli import ckan as ckan_cli

    dataset(name="in-index", title="Indeks")
    result = cli.invoke(ckan_cli, ["search-index", "clear"])
    assert not result.exit_code, result.output
    assert _search(q="indeks")["count"] == 0
    result = cli.invoke(ckan_cli, ["search-index", "check"])
    assert "Packages not indexed = 1 out of 1" in result.output
    result = cli.invoke(ckan_cli, ["search-index", "rebuild"])
    assert not result.exit_code, result.output
    assert _names(_search(q="indeks")) == ["in-index"]
    result = cli.invoke(ckan_cli, ["search-index", "show", "in-index"])
    assert not result.exit_code, result.output
    assert "in-index" in result.output
    result = cli.invoke(ckan_cli, ["search-index", "check"])
    assert "Packages not indexed = 0 out of 1" in result.output


def test_organization_page_shows_dataset_count(app, dataset):
    org = factories.Organization(name="dinas-pertanian",
                                 title="Dinas Pertanian")
    for i in range(3):
        dataset(owner_org=org["id"])
    shown = call_action("organization_show", id=org["id"])
    assert shown["package_count"] == 3
    page = app.get("/organization/dinas-pertanian")
    assert "3 datasets found" in page.body


def test_dataset_search_page_shows_results_and_facets(app, dataset):
    org = factories.Organization(name="dinkes", title="Dinas Kesehatan")
    dataset(owner_org=org["id"], title="Cakupan Imunisasi",
                      tags=[{"name": "imunisasi"}])
    page = app.get("/dataset/", query_string={"q": "imunisasi"})
    assert "Cakupan Imunisasi" in page.body
    assert "1 dataset found" in page.body
    # the facet block lists the organization with its count
    assert "Dinas Kesehatan" in page.body
    assert 'href="/dataset/?q=imunisasi&amp;organization=dinkes"' in page.body


def test_rebuild_fast_writes_what_its_worker_processes_index(cli, dataset):
    """rebuild-fast forks one worker per CPU that index with deferred
    commit; each worker must write its documents before it exits."""
    from ckan.cli.cli import ckan as ckan_cli

    for i in range(6):
        dataset(name=f"fast-{i}", title=f"Cepat {i}")
    search.clear_all()
    assert _search(q="cepat")["count"] == 0
    result = cli.invoke(ckan_cli, ["search-index", "rebuild-fast"])
    assert not result.exit_code, result.output
    assert sorted(_names(_search(q="cepat", rows=10))) == [
        f"fast-{i}" for i in range(6)]
