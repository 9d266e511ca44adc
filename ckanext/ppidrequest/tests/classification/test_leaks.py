"""No route hands the data of a terbatas or rahasia dataset to outsiders.

The leak suite of the classification: for a terbatas and a rahasia
dataset, each with a linked resource, an uploaded file, resource views and
(when the datastore can be set up) a datastore table, every route out of
CKAN is asked by

- outsiders: an anonymous visitor, an unrelated logged-in user and an admin
  of another organization, who must never get a resource URL, a byte of the
  uploaded file or a datastore row, and
- insiders: the PPID, the Walidata and a member of the producing
  organization, who must get them (which also proves that the marker the
  outsider tests look for really is in the answer of that route).

Every URL, file and row carries ``MARK``; an outsider's answer (body and
headers, less what the request itself sent) must not contain it anywhere.
Routes that show metadata must still show the dataset to outsiders, so
that a route that merely fails does not pass for a safe one.

Also: search queries on the URL must not work as an oracle for outsiders
(a count per guess spells a URL out); open data stays open; and with
``hide_rahasia_metadata`` on, a rahasia dataset does not exist for
outsiders on any route while insiders still see it.

DCAT serializations withhold the data URLs of non-open datasets from
everyone (the ppidrequest_access profile), so for DCAT routes insiders are
only required to get an answer.

The world (users, organizations, datasets, uploads, views, activities,
datastore tables) is built once for the module, with the plugins loaded
once; each test only makes requests. The datastore database is made by
the module itself on the PostgreSQL server of ``sqlalchemy.url`` (see
``_datastore_urls``); without one, the datastore tests are skipped.
"""
from __future__ import annotations

import copy
import json
import secrets
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import quote

import pytest
import sqlalchemy as sa

import ckan.plugins as plugins
import ckan.plugins.toolkit as tk
from ckan.common import config
from ckan.logic import clear_validators_cache
from ckan.tests import factories
from ckan.tests.helpers import _get_test_app, call_action

MARK = "SECRET-7f3a"
# in the title of the dataset created with hide_rahasia_metadata on
HIDE_MARK = "HIDE-5e21"
HIDDEN_TITLE = f"Daftar Rahasia Tersembunyi {HIDE_MARK}"
OPEN_MARK = "OPEN-2b9c"

CLASSES = ("terbatas", "rahasia")
# datasets withheld today that were not always: one open when its URLs were
# recorded in its activities, then decided terbatas; one decided terbuka
# with a terbatas proposal pending (handled as terbatas, while the search
# index's extras_classification still says terbuka)
WAS_OPEN, PENDING = "was-open", "pending"
CASES = CLASSES + (WAS_OPEN, PENDING)
OUTSIDERS = ("anonymous", "unrelated", "other_org")
INSIDERS = ("ppid", "walidata", "producer")

# view and DCAT plugins a portal may run, added to test.ini's; the
# datastore ones only when a datastore database can be made
EXTRA_PLUGINS = ["image_view", "text_view", "webpage_view",
                 "resource_proxy", "dcat_json_interface", "croissant",
                 "structured_data"]
DATASTORE_PLUGINS = ["datastore", "datatables_view"]

BASIS = dict(
    classification_ground="h",
    classification_consequence="Membuka data ini mengungkap rahasia "
                               "pribadi warga",
    classification_exempt_until="2030-12-31",
    classification_decision_ref="000.8.3/0001/PPID/2026",
)


def _file_bytes(cls: str) -> bytes:
    return (f"nik,nama,penyakit\n3201010101{MARK}0001,Warga {MARK}-FILE-"
            f"{cls},TBC\n").encode()


# ---------------------------------------------------------------------------
# the datastore database

def _datastore_urls() -> tuple[str, str] | str:
    """Write and read URLs of a datastore database made for this session,
    or the reason why there is none.

    Taken from CKAN_DATASTORE_WRITE_URL / CKAN_DATASTORE_READ_URL when they
    are set. Otherwise made on the PostgreSQL server of ``sqlalchemy.url``
    (the embedded one of ``make test``): a fresh database
    ``<maindb>_datastore``, a read-only role, and the permissions of
    ``ckan datastore set-permissions``.
    """
    import os

    write = os.environ.get("CKAN_DATASTORE_WRITE_URL")
    read = os.environ.get("CKAN_DATASTORE_READ_URL")
    if write and read:
        return write, read
    from ckanext.datastore.cli import permissions_sql

    main = sa.engine.make_url(config["sqlalchemy.url"])
    if not main.drivername.startswith("postgres"):
        return "sqlalchemy.url is not PostgreSQL"
    dsdb = f"{main.database}_datastore"
    reader = f"{main.database}_datastore_ro"
    password = secrets.token_hex(12)
    try:
        admin = sa.create_engine(main.set(database="postgres"),
                                 isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(
                f'DROP DATABASE IF EXISTS "{dsdb}" WITH (FORCE)'))
            conn.execute(sa.text(
                f"CREATE DATABASE \"{dsdb}\" ENCODING 'UTF8' "
                "TEMPLATE template0"))
            exists = conn.execute(sa.text(
                "SELECT 1 FROM pg_roles WHERE rolname = :r"),
                {"r": reader}).scalar()
            verb = "ALTER" if exists else "CREATE"
            conn.execute(sa.text(
                f"{verb} ROLE \"{reader}\" LOGIN PASSWORD '{password}' "
                "NOSUPERUSER NOCREATEDB NOCREATEROLE"))
        admin.dispose()
        sql = permissions_sql(maindb=main.database, datastoredb=dsdb,
                              mainuser=main.username,
                              writeuser=main.username, readuser=reader)
        sql = "\n".join(line for line in sql.splitlines()
                        if not line.startswith("\\connect"))
        ds = sa.create_engine(main.set(database=dsdb),
                              isolation_level="AUTOCOMMIT")
        raw = ds.raw_connection()
        try:
            with raw.cursor() as cur:
                cur.execute(sql)  # no parameters: '%' is literal
            raw.commit()
        finally:
            raw.close()
        ds.dispose()
    except Exception as err:  # noqa: BLE001 - no datastore: tests skip
        return f"cannot make a datastore database: {err}"
    write_url = main.set(database=dsdb)
    read_url = main.set(database=dsdb, username=reader, password=password)
    return (write_url.render_as_string(hide_password=False),
            read_url.render_as_string(hide_password=False))


# ---------------------------------------------------------------------------
# the world

@dataclass
class Dataset:
    cls: str                        # one of CASES
    id: str
    name: str
    title: str
    creator: str                    # creator_user_id (the site user)
    linked: dict[str, Any]          # resource with a linked URL
    image: dict[str, Any]           # linked image, image_view with image_url
    upload: dict[str, Any]          # uploaded file
    filename: str
    text_view: dict[str, Any]
    image_view: dict[str, Any]
    webpage_view: dict[str, Any]
    activity_id: str                # the update that changed the URL
    handled: str = ""               # the class the data is handled as
    view_activity_id: str | None = None   # "new resource view", if any
    table: dict[str, Any] | None = None   # datastore resource
    table_view: dict[str, Any] | None = None
    alias: str | None = None


@dataclass
class World:
    app: Any
    plugins: list[str]
    config: dict[str, Any]
    users: dict[str, dict[str, Any]]
    orgs: dict[str, dict[str, Any]]
    group: dict[str, Any]
    tag: str
    datasets: dict[str, Dataset]
    open_dataset: dict[str, Any]
    hidden: Dataset | None = None
    datastore: bool = False
    no_datastore_reason: str = ""


def _plugin_list(with_datastore: bool) -> list[str]:
    base = tk.aslist(config.get("ckan.plugins"))
    extra = EXTRA_PLUGINS + (DATASTORE_PLUGINS if with_datastore else [])
    # appended, as CKAN's with_plugins mark does
    return base + [p for p in extra if p not in base]


def _make_dataset(cls: str, name: str, org: dict, group: dict, tag: str,
                  sysadmin: dict, create_with_upload, title: str | None = None,
                  datastore: bool = False,
                  proposer: dict | None = None) -> Dataset:
    ctx = {"user": sysadmin["name"], "ignore_auth": True}
    created = dict(classification=cls, **BASIS) if cls in CLASSES \
        else dict(classification="terbuka")
    pkg = factories.Dataset(
        name=name, title=title or f"Data uji kebocoran {cls}",
        owner_org=org["id"], **created,
        tags=[{"name": tag}], groups=[{"name": group["name"]}],
        resources=[
            {"name": "Tautan data", "format": "CSV",
             "url": f"https://files.example.org/{MARK}/{cls}-linked.csv",
             # a schema's field that points at the data
             "access_url": f"https://files.example.org/{MARK}/{cls}-api",
             "size": 7310},
            {"name": "Peta", "format": "PNG",
             "url": f"https://files.example.org/{MARK}/{cls}-peta.png"},
        ])
    linked, image = pkg["resources"]
    filename = f"{MARK}-{cls}.csv"
    upload = create_with_upload(
        _file_bytes(cls), filename, context=dict(ctx), package_id=pkg["id"],
        name="Berkas unggahan", format="CSV")
    text_view = call_action(
        "resource_view_create", dict(ctx), resource_id=upload["id"],
        view_type="text_view", title="Teks")
    # an editor who pasted the address into the view form
    image_view = call_action(
        "resource_view_create", dict(ctx), resource_id=image["id"],
        view_type="image_view", title="Gambar", image_url=image["url"])
    webpage_view = call_action(
        "resource_view_create", dict(ctx), resource_id=linked["id"],
        view_type="webpage_view", title="Halaman", page_url=linked["url"])
    # updates that change a URL: activity_diff of the last one shows both
    # versions (its previous activity must be a dataset's too)
    for version in ("v2", "v3"):
        call_action(
            "resource_patch", dict(ctx), id=linked["id"],
            url=f"https://files.example.org/{MARK}/{cls}-linked-{version}.csv")
    linked = call_action("resource_show", dict(ctx), id=linked["id"])
    activities = call_action("package_activity_list", dict(ctx),
                             id=pkg["id"])
    ds = Dataset(cls=cls, id=pkg["id"], name=name, title=pkg["title"],
                 creator=pkg["creator_user_id"],
                 linked=linked,
                 image=image, upload=upload,
                 filename=upload["url"].rsplit("/", 1)[-1],
                 text_view=text_view, image_view=image_view,
                 webpage_view=webpage_view,
                 activity_id=activities[0]["id"],
                 handled=cls if cls in CLASSES else "terbatas",
                 view_activity_id=next(
                     (a["id"] for a in activities
                      if "resource view" in a["activity_type"]), None))
    if datastore:
        alias = f"alias_{name.replace('-', '_')}"
        table = call_action(
            "datastore_create", dict(ctx),
            resource={"package_id": pkg["id"], "name": "Tabel data",
                      "format": "CSV"},
            aliases=alias,
            fields=[{"id": "nik", "type": "text"},
                    {"id": "nama", "type": "text"}],
            records=[{"nik": f"3201{MARK}-ROW-{i}", "nama": f"Warga {i}"}
                     for i in range(3)])
        ds.table = call_action("resource_show", dict(ctx),
                               id=table["resource_id"])
        ds.alias = alias
        views = call_action("resource_view_list", dict(ctx),
                            id=ds.table["id"])
        ds.table_view = next(
            (v for v in views if v["view_type"] == "datatables_view"), None)
        if ds.table_view is None:
            ds.table_view = call_action(
                "resource_view_create", dict(ctx),
                resource_id=ds.table["id"], view_type="datatables_view",
                title="Tabel")
    basis = {k: v for k, v in BASIS.items()
             if k != "classification_decision_ref"}
    if cls == WAS_OPEN:
        call_action("ppidrequest_classification_decide", dict(ctx),
                    id=ds.id, classification="terbatas", **BASIS)
    elif cls == PENDING:
        call_action("ppidrequest_classification_propose",
                    {"user": proposer["name"]}, id=ds.id,
                    classification="terbatas", **basis)
    return ds


@pytest.fixture(scope="module")
def world(reset_db, reset_index, migrate_db_for, create_with_upload):
    urls = _datastore_urls()
    with_datastore = isinstance(urls, tuple)
    original = copy.deepcopy(dict(config))
    settings: dict[str, Any] = {
        "ckan.plugins": " ".join(_plugin_list(with_datastore)),
        "ckan.views.default_views": "image_view datatables_view",
        "ckan.preview.text_formats": "text/plain txt plain csv text/csv",
        # activity details (old copies of datasets) for anyone: the most a
        # portal can expose, so the redaction must hold
        "ckan.auth.public_activity_stream_detail": True,
        # every activity of the module's datasets on one page
        "ckan.activity_list_limit": 300,
        "ckan.activity_list_limit_max": 300,
    }
    if with_datastore:
        settings.update({
            "ckan.datastore.write_url": urls[0],
            "ckan.datastore.read_url": urls[1],
            "ckan.datastore.sqlsearch.enabled": True,
        })
    config.update(settings)
    plugins.unload_all()
    # unloading validates the site user with core's validators only, and
    # CKAN checks the next load's config against that cached set: on a
    # fresh database this module would fail alone
    clear_validators_cache()
    plugins.load(*tk.aslist(config["ckan.plugins"]))
    reset_db()
    for plugin in ("activity", "ppidrequest_pgsearch", "ppidrequest"):
        migrate_db_for(plugin)
    reset_index()  # documents of earlier test modules
    app = _get_test_app()
    # the config as the plugins left it (declared defaults included)
    loaded = dict(config)
    try:
        with app.flask_app.test_request_context():
            w = _build(app, loaded, with_datastore, create_with_upload)
        if not with_datastore:
            w.no_datastore_reason = urls
        yield w
    finally:
        plugins.unload_all()
        config.clear()
        config.update(original)


def _build(app, settings, with_datastore, create_with_upload) -> World:
    sysadmin = factories.SysadminWithToken()
    users = {"sysadmin": sysadmin}
    for who in ("unrelated", "other_org") + INSIDERS:
        users[who] = factories.UserWithToken(name=f"leak-{who.replace('_', '-')}")
    users["anonymous"] = {"name": "", "token": None}
    orgs = {
        "ppid": factories.Organization(
            name="ppid-kabupaten",
            users=[{"name": users["ppid"]["name"], "capacity": "member"}]),
        "walidata": factories.Organization(
            name="diskominfo",
            users=[{"name": users["walidata"]["name"],
                    "capacity": "member"}]),
        "producer": factories.Organization(
            name="dinkes", title="Dinas Kesehatan",
            users=[{"name": users["producer"]["name"],
                    "capacity": "editor"}]),
        "other": factories.Organization(
            name="dinas-lain", title="Dinas Lain",
            users=[{"name": users["other_org"]["name"],
                    "capacity": "admin"}]),
    }
    group = factories.Group(name="kesehatan")
    tag = "uji-bocor"
    datasets = {
        cls: _make_dataset(cls, f"leak-{cls}", orgs["producer"], group, tag,
                           sysadmin, create_with_upload,
                           datastore=with_datastore,
                           proposer=users["producer"])
        for cls in CASES}
    # control: the data of an open dataset is public
    open_dataset = factories.Dataset(
        name="leak-terbuka", owner_org=orgs["other"]["id"],
        classification="terbuka", tags=[{"name": tag}],
        resources=[{"name": "Terbuka", "format": "CSV",
                    "url": f"https://files.example.org/{OPEN_MARK}.csv"}])
    # a rahasia dataset created while hide_rahasia_metadata is on, so that
    # its index and its activities carry the restricted labels
    config["ckanext.ppidrequest.hide_rahasia_metadata"] = True
    try:
        hidden = _make_dataset(
            "rahasia", "leak-hidden", orgs["producer"], group, tag, sysadmin,
            create_with_upload, title=HIDDEN_TITLE)
    finally:
        config["ckanext.ppidrequest.hide_rahasia_metadata"] = False
    # logged-in users follow the datasets (dashboard, followee lists)
    for who in ("unrelated", "other_org") + INSIDERS:
        for ds in list(datasets.values()) + [hidden]:
            call_action("follow_dataset", {"user": users[who]["name"]},
                        id=ds.id)
    return World(app=app, plugins=tk.aslist(settings["ckan.plugins"]),
                 config=settings, users=users, orgs=orgs, group=group,
                 tag=tag, datasets=datasets, open_dataset=open_dataset,
                 hidden=hidden, datastore=with_datastore)


@pytest.fixture(autouse=True)
def _world_config(world, monkeypatch, request):
    """CKAN's test runner restores the config before every test; put back
    the config the module's plugins were loaded with (but what a test's
    ckan_config marks set). Remote hosts are never contacted: the resource
    proxy gets a fake ``requests``."""
    marked = {m.args[0] for m in request.node.iter_markers("ckan_config")}
    config.update({k: v for k, v in world.config.items() if k not in marked})
    import ckanext.resourceproxy.blueprint as proxy
    monkeypatch.setattr(proxy, "requests", _FakeRequests)


class _FakeRemote:
    """A remote server's answer: the file at ``url`` names its URL."""

    status_code = 200

    def __init__(self, url: str):
        self.body = f"remote file at {url}\n".encode()
        self.headers = {"content-type": "text/plain",
                        "content-length": str(len(self.body))}

    def raise_for_status(self):
        pass

    def iter_content(self, chunk_size=None):
        yield self.body


class _FakeRequests:
    import requests as _requests
    exceptions = _requests.exceptions

    @staticmethod
    def head(url, **kwargs):
        return _FakeRemote(url)

    @staticmethod
    def get(url, **kwargs):
        return _FakeRemote(url)


# ---------------------------------------------------------------------------
# requests

@dataclass
class Answer:
    route: str
    status: int
    body: str
    headers: str
    json: Any = None
    location: str = ""
    # what the client sent, which an answer may echo (a path in a login
    # link, a query in a result) without leaking anything
    sent: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return self.headers + "\n" + self.body

    def has(self, marker: str) -> bool:
        text = self.text.lower()
        for echo in sorted(self.sent, key=len, reverse=True):
            for form in {echo, quote(echo), quote(echo, safe="")}:
                text = text.replace(form.lower(), "")
        return marker.lower() in text

    @property
    def refused(self) -> bool:
        # 400 and 409 count when the same request gives an insider the data
        if self.status in (400, 401, 403, 404, 409):
            return True
        return isinstance(self.json, dict) and self.json.get("success") \
            is False and self.status >= 400

    def __repr__(self) -> str:
        return f"<{self.route}: {self.status} {self.body[:300]!r}>"


class Client:
    def __init__(self, world: World, who: str):
        self.world = world
        self.who = who
        self.user = world.users[who]

    def _headers(self) -> dict[str, str]:
        token = self.user.get("token")
        return {"Authorization": token} if token else {}

    def _answer(self, route: str, resp, sent) -> Answer:
        body = resp.get_data().decode("utf-8", "replace")
        headers = "\n".join(f"{k}: {v}" for k, v in resp.headers.items())
        try:
            data = json.loads(body)
        except ValueError:
            data = None
        return Answer(route, resp.status_code, body, headers, data,
                      resp.headers.get("Location", ""),
                      tuple(s for s in sent if s))

    def _refused(self, route: str, err: Exception) -> Answer:
        # A view that lets NotAuthorized through: the test app propagates
        # it, a portal answers its 500 page. Either way a refusal.
        return Answer(route, 403, f"{type(err).__name__} raised", "")

    def get(self, url: str, **params) -> Answer:
        client = self.world.app.test_client(use_cookies=False)
        route = f"GET {url} {params or ''}"
        try:
            resp = client.get(url, headers=self._headers(),
                              query_string=params or None,
                              follow_redirects=False)
        except tk.NotAuthorized as err:
            return self._refused(route, err)
        return self._answer(route, resp, [url, *map(str, params.values())])

    def post(self, url: str, data: dict) -> Answer:
        client = self.world.app.test_client(use_cookies=False)
        try:
            resp = client.post(url, headers=self._headers(), data=data,
                               follow_redirects=False)
        except tk.NotAuthorized as err:
            return self._refused(f"POST {url}", err)
        return self._answer(f"POST {url}", resp, [url])

    def action(self, name: str, **data) -> Answer:
        client = self.world.app.test_client(use_cookies=False)
        resp = client.post(f"/api/action/{name}", headers=self._headers(),
                           json=data, follow_redirects=False)
        return self._answer(f"{name}({json.dumps(data)[:160]})", resp,
                            [v for v in data.values() if isinstance(v, str)])


# ---------------------------------------------------------------------------
# the routes
#
# A route takes (client, world, dataset) and returns its answers. Its
# expectation for outsiders is one of
#   SHOWN   the request succeeds and shows the dataset (metadata is public)
#   REFUSED 401/403/404 or an API error
#   ANY     whatever, as long as the marker is absent
# and for insiders
#   DATA    the marker is in the answer
#   OK      the request succeeds (the route gives no data to anyone)

SHOWN, REFUSED, ANY, DATA, OK = "shown", "refused", "any", "data", "ok"


@dataclass(frozen=True)
class Route:
    name: str
    call: Callable[[Client, World, Dataset], list[Answer]]
    outsider: str
    insider: str | None
    datastore: bool = False


ROUTES: list[Route] = []


def route(outsider: str, insider: str | None, datastore: bool = False):
    def register(fn):
        ROUTES.append(Route(fn.__name__, fn, outsider, insider, datastore))
        return fn
    return register


def _one(answer: Answer) -> list[Answer]:
    return [answer]


# pages -------------------------------------------------------------------

@route(SHOWN, DATA)
def dataset_page(c, w, d):
    return _one(c.get(f"/dataset/{d.name}"))


@route(SHOWN, DATA)
def resource_page_linked(c, w, d):
    return _one(c.get(f"/dataset/{d.name}/resource/{d.linked['id']}"))


@route(SHOWN, DATA)
def resource_page_upload(c, w, d):
    return _one(c.get(f"/dataset/{d.name}/resource/{d.upload['id']}"))


@route(SHOWN, DATA)
def resource_page_image_view(c, w, d):
    # image_view is not iframed: the page renders it inline
    return _one(c.get(f"/dataset/{d.name}/resource/{d.image['id']}",
                      view_id=d.image_view["id"]))


@route(SHOWN, DATA)
def resource_page_webpage_view(c, w, d):
    return _one(c.get(f"/dataset/{d.name}/resource/{d.linked['id']}",
                      view_id=d.webpage_view["id"]))


@route(REFUSED, DATA)
def download_linked(c, w, d):
    # the core answers a redirect to the URL
    return _one(c.get(f"/dataset/{d.id}/resource/{d.linked['id']}/download"))


@route(REFUSED, DATA)
def download_upload(c, w, d):
    return _one(c.get(f"/dataset/{d.id}/resource/{d.upload['id']}/download"))


@route(REFUSED, DATA)
def download_upload_filename(c, w, d):
    return _one(c.get(f"/dataset/{d.id}/resource/{d.upload['id']}"
                      f"/download/{d.filename}"))


@route(REFUSED, DATA)
def download_prefixed_route(c, w, d):
    # the dataset-type prefixed copy of the resource blueprint
    return _one(c.get(f"/dataset/{d.name}/resource/{d.upload['id']}"
                      f"/download/{d.filename}"))


@route(REFUSED, None)
def file_public_download(c, w, d):
    # resource uploads live in the private "resources" storage
    rid = d.upload["id"]
    return _one(c.get(f"/file/public-download/resources/"
                      f"{rid[:3]}/{rid[3:6]}/{rid[6:]}"))


@route(REFUSED, DATA)
def resource_view_text(c, w, d):
    return _one(c.get(f"/dataset/{d.id}/resource/{d.upload['id']}/view/"
                      f"{d.text_view['id']}"))


@route(REFUSED, DATA)
def resource_view_image(c, w, d):
    return _one(c.get(f"/dataset/{d.id}/resource/{d.image['id']}/view/"
                      f"{d.image_view['id']}"))


@route(REFUSED, DATA)
def resource_view_webpage(c, w, d):
    return _one(c.get(f"/dataset/{d.id}/resource/{d.linked['id']}/view/"
                      f"{d.webpage_view['id']}"))


@route(REFUSED, None)
def resource_view_default(c, w, d):
    # /view without a view id renders the first view of the resource
    return _one(c.get(f"/dataset/{d.id}/resource/{d.upload['id']}/view"))


@route(ANY, DATA)
def resource_proxy(c, w, d):
    return _one(c.get(f"/dataset/{d.id}/resource/{d.linked['id']}/proxy"))


@route(SHOWN, OK)
def search_page(c, w, d):
    return _one(c.get("/dataset/", q=f"name:{d.name}"))


@route(SHOWN, OK)
def organization_page(c, w, d):
    return _one(c.get(f"/organization/{w.orgs['producer']['name']}"))


# API: datasets and resources ----------------------------------------------

@route(SHOWN, DATA)
def api_package_show(c, w, d):
    return [c.action("package_show", id=d.name),
            c.action("package_show", id=d.id, use_default_schema=True)]


@route(SHOWN, DATA)
def api_resource_show(c, w, d):
    return [c.action("resource_show", id=d.linked["id"]),
            c.action("resource_show", id=d.upload["id"])]


@route(SHOWN, DATA)
def api_resource_view_list(c, w, d):
    return [c.action("resource_view_list", id=d.image["id"]),
            c.action("resource_view_list", id=d.linked["id"])]


@route(SHOWN, DATA)
def api_resource_view_show(c, w, d):
    return [c.action("resource_view_show", id=d.image_view["id"]),
            c.action("resource_view_show", id=d.webpage_view["id"])]


@route(SHOWN, DATA)
def api_package_search(c, w, d):
    return [c.action("package_search", q=f"name:{d.name}"),
            c.action("package_search", q=f"name:{d.name}",
                     use_default_schema=True),
            c.action("package_search", fq=f"classification:{d.handled}",
                     include_private=True, include_drafts=True)]


@route(SHOWN, OK)
def api_package_search_fl_res_url(c, w, d):
    return [c.action("package_search", q=f"name:{d.name}",
                     fl="name,res_url"),
            c.action("package_search", q=f"name:{d.name}",
                     fl=["name", "res_url", "urls"]),
            c.action("package_search", q=f"name:{d.name}", fl="*")]


@route(SHOWN, DATA)
def api_package_search_fl_validated_data_dict(c, w, d):
    return _one(c.action("package_search", q=f"name:{d.name}",
                         fl="name,validated_data_dict"))


@route(SHOWN, DATA)
def api_package_search_fl_data_dict(c, w, d):
    return _one(c.action("package_search", q=f"name:{d.name}",
                         fl="name,data_dict"))


@route(SHOWN, DATA)
def api_package_search_fl_extras(c, w, d):
    # CKAN merges the indexed extras_classification (the decided class)
    # over the handled-as one: the redaction must not trust it
    return [c.action("package_search", q=f"name:{d.name}",
                     fl="id,extras_classification,data_dict"),
            c.action("package_search", q=f"name:{d.name}",
                     fl="extras_classification,validated_data_dict"),
            c.action("package_search", q=f"name:{d.name}",
                     fl=["name", "extras_classification_proposal",
                         "extras_classification", "res_extras_access_url",
                         "data_dict"]),
            c.action("package_search", q=f"name:{d.name}",
                     fl="*,extras_classification")]


@route(SHOWN, OK)
def api_package_search_facet_res_url(c, w, d):
    return [c.action("package_search", q=f"name:{d.name}",
                     **{"facet.field": ["res_url", "urls", "name"]}),
            c.action("package_search", q=f"name:{d.name}",
                     **{"facet.field": json.dumps(["res_url"])})]


@route(SHOWN, DATA)
def api_current_package_list_with_resources(c, w, d):
    return _one(c.action("current_package_list_with_resources", limit=100))


@route(ANY, DATA)
def api_resource_search(c, w, d):
    return [c.action("resource_search", query="url:7f3a"),
            c.action("resource_search", query=f"url:{d.cls}-linked")]


@route(SHOWN, DATA)
def api_tag_show(c, w, d):
    return _one(c.action("tag_show", id=w.tag, include_datasets=True))


@route(SHOWN, DATA)
def api_organization_show(c, w, d):
    return _one(c.action("organization_show",
                         id=w.orgs["producer"]["name"],
                         include_datasets=True))


@route(SHOWN, DATA)
def api_group_show(c, w, d):
    return [c.action("group_show", id=w.group["name"],
                     include_datasets=True),
            c.action("group_package_show", id=w.group["name"])]


@route(SHOWN, DATA)
def api_user_show(c, w, d):
    return _one(c.action("user_show", id=d.creator, include_datasets=True))


@route(ANY, DATA)
def api_followee_lists(c, w, d):
    me = c.user["name"] or w.users["ppid"]["name"]
    return [c.action("dataset_followee_list", id=me),
            c.action("followee_list", id=me)]


@route(ANY, OK)
def dashboard_datasets_page(c, w, d):
    return _one(c.get("/dashboard/datasets"))


# activity ----------------------------------------------------------------

@route(SHOWN, DATA)
def api_package_activity_list(c, w, d):
    return _one(c.action("package_activity_list", id=d.name))


@route(SHOWN, DATA)
def api_activity_show(c, w, d):
    # without include_data CKAN's auth function raised KeyError
    return [c.action("activity_show", id=d.activity_id, include_data=True),
            c.action("activity_show", id=d.activity_id)]


@route(REFUSED, DATA)
def api_activity_data_show(c, w, d):
    return [c.action("activity_data_show", id=d.activity_id),
            c.action("activity_data_show", id=d.activity_id,
                     object_type="package")]


@route(REFUSED, DATA)
def api_activity_diff(c, w, d):
    return _one(c.action("activity_diff", id=d.activity_id,
                         object_type="package", diff_type="unified"))


@route(ANY, DATA)
def api_dashboard_activity_list(c, w, d):
    return _one(c.action("dashboard_activity_list"))


@route(SHOWN, DATA)
def api_organization_activity_list(c, w, d):
    return _one(c.action("organization_activity_list",
                         id=w.orgs["producer"]["name"], limit=100))


@route(SHOWN, OK)
def api_group_activity_list(c, w, d):
    return _one(c.action("group_activity_list", id=w.group["name"]))


@route(SHOWN, DATA)
def api_user_activity_list(c, w, d):
    return _one(c.action("user_activity_list",
                         id=w.users["sysadmin"]["name"], limit=100))


@route(SHOWN, DATA)
def api_recently_changed_packages_activity_list(c, w, d):
    return _one(c.action("recently_changed_packages_activity_list",
                         limit=100))


@route(SHOWN, OK)
def dataset_activity_page(c, w, d):
    return _one(c.get(f"/dataset/activity/{d.name}"))


@route(ANY, DATA)
def dataset_changes_page(c, w, d):
    return _one(c.get(f"/dataset/changes/{d.activity_id}"))


@route(ANY, DATA)
def dataset_changes_multiple_page(c, w, d):
    # the last two URL changes (CKAN cannot diff across a view's activity)
    acts = [a["id"] for a in call_action("package_activity_list", id=d.id)
            if "package" in a["activity_type"]]
    last = acts.index(d.activity_id)
    return _one(c.get("/dataset/changes_multiple",
                      new_id=acts[last], old_id=acts[last + 1]))


@route(SHOWN, DATA)
def dataset_history_page(c, w, d):
    return _one(c.get(f"/dataset/{d.name}/history/{d.activity_id}"))


@route(ANY, DATA)
def resource_history_page(c, w, d):
    return [c.get(f"/dataset/{d.name}/resources/{res['id']}/history/"
                  f"{d.activity_id}")
            for res in (d.linked, d.upload)]


@route(ANY, OK)
def dashboard_page(c, w, d):
    return _one(c.get("/dashboard/"))


@route(SHOWN, OK)
def organization_activity_page(c, w, d):
    return _one(c.get(f"/organization/activity/"
                      f"{w.orgs['producer']['name']}"))


@route(SHOWN, OK)
def group_activity_page(c, w, d):
    return _one(c.get(f"/group/activity/{w.group['name']}"))


@route(SHOWN, OK)
def user_activity_page(c, w, d):
    return _one(c.get(f"/user/activity/{w.users['sysadmin']['name']}"))


# feeds -------------------------------------------------------------------

@route(SHOWN, OK)
def feeds(c, w, d):
    return [c.get("/feeds/dataset.atom"),
            c.get(f"/feeds/organization/{w.orgs['producer']['name']}.atom"),
            c.get(f"/feeds/group/{w.group['name']}.atom"),
            c.get(f"/feeds/tag/{w.tag}.atom"),
            c.get("/feeds/custom.atom", q=f"name:{d.name}")]


# DCAT --------------------------------------------------------------------

@route(SHOWN, OK)
def dcat_dataset_pages(c, w, d):
    return [c.get(f"/dataset/{d.name}.{fmt}")
            for fmt in ("rdf", "ttl", "jsonld", "xml")]


@route(SHOWN, OK)
def dcat_catalog_pages(c, w, d):
    return [c.get(f"/catalog.{fmt}") for fmt in ("ttl", "rdf", "jsonld")]


@route(SHOWN, OK)
def dcat_actions(c, w, d):
    return [c.action("dcat_dataset_show", id=d.name, format="ttl"),
            c.action("dcat_catalog_show", format="ttl"),
            c.action("dcat_catalog_search", q=f"name:{d.name}",
                     format="ttl")]


@route(SHOWN, OK)
def dcat_json(c, w, d):
    return _one(c.get("/dcat.json"))


@route(SHOWN, OK)
def croissant(c, w, d):
    return _one(c.get(f"/dataset/{d.name}/croissant.jsonld"))


# datastore ---------------------------------------------------------------

@route(REFUSED, DATA, datastore=True)
def datastore_search(c, w, d):
    return [c.action("datastore_search", resource_id=d.table["id"]),
            c.action("datastore_search", resource_id=d.table["id"],
                     q="ROW"),
            c.action("datastore_search", resource_id=d.alias)]


@route(REFUSED, DATA, datastore=True)
def datastore_search_sql(c, w, d):
    return [c.action("datastore_search_sql",
                     sql=f'SELECT * FROM "{d.table["id"]}"'),
            c.action("datastore_search_sql",
                     sql=f'SELECT nik FROM "{d.alias}"'),
            c.action("datastore_search_sql",
                     sql=f'SELECT t.nik FROM "_table_metadata" m JOIN '
                         f'"{d.table["id"]}" t ON true')]


@route(REFUSED, OK, datastore=True)
def datastore_info(c, w, d):
    return [c.action("datastore_info", id=d.table["id"]),
            c.action("datastore_info", resource_id=d.table["id"])]


@route(REFUSED, DATA, datastore=True)
def datastore_dump(c, w, d):
    return [c.get(f"/datastore/dump/{d.table['id']}"),
            c.get(f"/datastore/dump/{d.table['id']}", format="json"),
            c.get(f"/datastore/dump/{d.alias}")]


@route(REFUSED, DATA, datastore=True)
def datatables_ajax(c, w, d):
    return _one(c.post(f"/datatables/ajax/{d.table_view['id']}", {
        "draw": "1", "search[value]": "", "start": "0", "length": "10",
        "columns[0][name]": "nik", "columns[0][search][value]": ""}))


@route(REFUSED, DATA, datastore=True)
def datatables_filtered_download(c, w, d):
    params = {"search": {"value": ""}, "order": [], "visible": [True] * 3,
              "columns": [{"name": name, "search": {"value": ""}}
                          for name in ("_id", "nik", "nama")]}
    first = c.post(f"/datatables/filtered-download/{d.table_view['id']}",
                   {"params": json.dumps(params), "format": "csv"})
    answers = [first]
    if first.status in (301, 302, 303) and first.location:
        answers.append(c.get(first.location))
    return answers


@route(REFUSED, None, datastore=True)
def datastore_dictionary_page(c, w, d):
    return _one(c.get(f"/dataset/{d.id}/dictionary/{d.table['id']}"))


@route(REFUSED, OK, datastore=True)
def datastore_api_info(c, w, d):
    return _one(c.get(f"/datastore/api_info/{d.table['id']}"))


# ---------------------------------------------------------------------------
# the tests

def _routes(datastore: bool):
    return [pytest.param(r, id=r.name) for r in ROUTES
            if r.datastore == datastore]


def _skip_without_datastore(world, r):
    if r.datastore and not world.datastore:
        pytest.skip(f"no datastore: {world.no_datastore_reason}")


def _check_outsider(answers: list[Answer], r: Route, d: Dataset):
    for a in answers:
        assert not a.has(MARK), f"{r.name} leaks to an outsider: {a}"
        assert a.status < 500, f"{r.name} fails: {a}"
        if r.outsider == SHOWN:
            assert a.status == 200 and (
                a.has(d.name) or a.has(d.id) or a.has(d.title)), \
                f"{r.name} should still show the metadata: {a}"
        elif r.outsider == REFUSED:
            assert a.refused, f"{r.name} should refuse an outsider: {a}"


def _check_insider(answers: list[Answer], r: Route):
    for a in answers:
        assert a.status < 500, f"{r.name} fails: {a}"
    if r.insider == DATA:
        assert any(a.has(MARK) for a in answers), \
            f"{r.name} should give the data to an insider: {answers}"
    else:
        assert all(a.status < 400 for a in answers), answers


@pytest.mark.parametrize("who", OUTSIDERS)
@pytest.mark.parametrize("cls", CASES)
@pytest.mark.parametrize("r", _routes(False) + _routes(True))
def test_outsider_gets_no_data(world, r, cls, who):
    _skip_without_datastore(world, r)
    d = world.datasets[cls]
    _check_outsider(r.call(Client(world, who), world, d), r, d)


@pytest.mark.parametrize("who", INSIDERS)
@pytest.mark.parametrize("cls", CASES)
@pytest.mark.parametrize(
    "r", [p for p in _routes(False) + _routes(True)
          if p.values[0].insider is not None])
def test_insider_gets_data(world, r, cls, who):
    _skip_without_datastore(world, r)
    d = world.datasets[cls]
    _check_insider(r.call(Client(world, who), world, d), r)


# ---------------------------------------------------------------------------
# search oracles: a query on the URL must not tell an outsider anything

@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsider_cannot_spell_a_url_out_of_package_search(world, who):
    c = Client(world, who)
    restricted = {d.name for d in world.datasets.values()}
    linked = world.datasets["terbatas"].linked["url"]
    for params in ({"q": "res_url:*7f3a*"}, {"fq": "res_url:*7f3a*"},
                   {"q": "res_url:https\\://files.example.org/S*"},
                   {"q": f'res_url:"{linked}"'}, {"q": "7f3a"},
                   {"q": "res_url:https*"}):
        a = c.action("package_search", fl="name", rows=100, **params)
        assert a.status == 200, a
        found = {r["name"] for r in a.json["result"]["results"]}
        assert not found & restricted, f"{params} finds {found}"
    # the same queries work on the URLs of open data
    for params in ({"q": "res_url:*2b9c*"}, {"q": "res_url:https*"}):
        a = c.action("package_search", fl="name", **params)
        names = [r["name"] for r in a.json["result"]["results"]]
        assert names == [world.open_dataset["name"]], (params, a)


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsider_cannot_spell_a_url_out_of_resource_search(world, who):
    c = Client(world, who)
    open_id = world.open_dataset["id"]
    for query in ("url:7f3a", "url:https://files.example.org/S",
                  ["url:example.org", "name:Tautan data"], "hash:",
                  "url_type:upload", "url:"):
        a = c.action("resource_search", query=query)
        assert a.status == 200, a
        result = a.json["result"]
        # only the open dataset's resources count
        assert {r["package_id"] for r in result["results"]} <= {open_id}, \
            (query, a)
        assert result["count"] == len(result["results"]), (query, a)
        assert not a.has(MARK), (query, a)
    # open data is found; withheld metadata is still found by metadata
    a = c.action("resource_search", query="url:2b9c")
    assert a.json["result"]["count"] == 1, a
    a = c.action("resource_search", query="name:Tautan data")
    assert a.json["result"]["count"] == len(CASES) + 1, a
    assert not a.has(MARK), a
    a = c.action("resource_search", query="name:Tautan data", limit=1,
                 offset=1)
    assert a.json["result"]["count"] == len(CASES) + 1, a
    assert len(a.json["result"]["results"]) == 1, a


@pytest.mark.parametrize("who", OUTSIDERS + INSIDERS)
def test_resource_history_of_a_view_activity_is_not_found(world, who):
    """The activity of a new resource view holds no dataset: CKAN's page
    raised KeyError on it (a 500)."""
    d = world.datasets["terbatas"]
    assert d.view_activity_id
    a = Client(world, who).get(f"/dataset/{d.name}/resources/"
                               f"{d.linked['id']}/history/"
                               f"{d.view_activity_id}")
    # activity_show refuses an activity of that type to all but sysadmins
    assert a.status in (403, 404), a


@pytest.mark.parametrize("who", OUTSIDERS)
def test_history_of_an_open_period_offers_a_request(world, who):
    """A version recorded while the dataset was open is shown with today's
    classification: no download, the request button instead."""
    d = world.datasets[WAS_OPEN]
    c = Client(world, who)
    for url in (f"/dataset/{d.name}/resources/{d.linked['id']}/history/"
                f"{d.activity_id}",
                f"/dataset/{d.name}/history/{d.activity_id}"):
        a = c.get(url)
        assert a.status == 200, a
        assert not a.has(MARK), a
        assert "/permohonan/baru" in a.body, a
        assert "/download" not in a.body, a


@pytest.mark.parametrize("who", INSIDERS)
def test_insider_finds_resources_by_url(world, who):
    a = Client(world, who).action("resource_search", query="url:7f3a",
                                  limit=2)
    # both datasets and the hidden one (every insider may get all three)
    assert a.json["result"]["count"] >= 3 * len(CASES), a
    assert len(a.json["result"]["results"]) == 2, a
    assert a.has(MARK), a


# ---------------------------------------------------------------------------
# open data stays open (the marker technique, on a terbuka dataset)

@pytest.mark.parametrize("who", OUTSIDERS)
def test_open_data_reaches_everyone(world, who):
    c = Client(world, who)
    pkg = world.open_dataset
    res = pkg["resources"][0]
    for a in (c.action("package_show", id=pkg["name"]),
              c.action("resource_show", id=res["id"]),
              c.action("package_search", q=f"name:{pkg['name']}"),
              c.get(f"/dataset/{pkg['name']}/resource/{res['id']}"),
              c.get(f"/dataset/{pkg['id']}/resource/{res['id']}/download")):
        assert a.status in (200, 302), a
        assert a.has(OPEN_MARK), a


# ---------------------------------------------------------------------------
# hide_rahasia_metadata: a rahasia dataset does not exist for outsiders
#
# The dataset was created (indexed, its activities recorded) with the
# option on. Outsiders must not meet its title, id, name or data anywhere;
# insiders see it.

HIDE_ROUTES: list[Route] = []


def hide_route(outsider: str):
    def register(fn):
        HIDE_ROUTES.append(Route(fn.__name__, fn, outsider, SHOWN))
        return fn
    return register


@hide_route(REFUSED)
def hidden_package_show(c, w, d):
    return _one(c.action("package_show", id=d.name))


@hide_route(REFUSED)
def hidden_resource_show(c, w, d):
    return [c.action("resource_show", id=d.linked["id"]),
            c.action("resource_show", id=d.upload["id"])]


@hide_route(REFUSED)
def hidden_resource_views(c, w, d):
    return [c.action("resource_view_list", id=d.image["id"]),
            c.action("resource_view_show", id=d.image_view["id"])]


@hide_route(REFUSED)
def hidden_dataset_page(c, w, d):
    return _one(c.get(f"/dataset/{d.name}"))


@hide_route(REFUSED)
def hidden_resource_page(c, w, d):
    return _one(c.get(f"/dataset/{d.name}/resource/{d.linked['id']}"))


@hide_route(REFUSED)
def hidden_download(c, w, d):
    return _one(c.get(f"/dataset/{d.id}/resource/{d.upload['id']}"
                      f"/download/{d.filename}"))


@hide_route(ANY)
def hidden_package_search(c, w, d):
    return [c.action("package_search", q="Tersembunyi"),
            c.action("package_search", fq="classification:rahasia",
                     rows=100),
            c.action("package_search", q="*:*", rows=100,
                     **{"facet.field": ["name", "title_string"]}),
            c.action("package_search", q="Tersembunyi",
                     fl="id,name,title")]


@hide_route(ANY)
def hidden_search_pages(c, w, d):
    return [c.get("/dataset/", q="Tersembunyi"), c.get("/dataset/"),
            c.get(f"/organization/{w.orgs['producer']['name']}"),
            c.get(f"/group/{w.group['name']}"), c.get("/")]


@hide_route(ANY)
def hidden_package_lists(c, w, d):
    me = c.user["name"] or w.users["ppid"]["name"]
    return [c.action("current_package_list_with_resources", limit=100),
            c.action("tag_show", id=w.tag, include_datasets=True),
            c.action("organization_show", id=w.orgs["producer"]["name"],
                     include_datasets=True),
            c.action("group_show", id=w.group["name"],
                     include_datasets=True),
            c.action("group_package_show", id=w.group["name"]),
            c.action("user_show", id=d.creator, include_datasets=True),
            c.action("package_autocomplete", q="Tersembunyi"),
            c.action("dataset_followee_list", id=me),
            c.action("followee_list", id=me),
            c.action("package_list")]


@hide_route(ANY)
def hidden_resource_search(c, w, d):
    return [c.action("resource_search", query="name:Peta"),
            c.action("resource_search", query="url:7f3a")]


@hide_route(REFUSED)
def hidden_package_activity(c, w, d):
    return [c.action("package_activity_list", id=d.name),
            c.action("activity_show", id=d.activity_id, include_data=True),
            c.get(f"/dataset/activity/{d.name}")]


@hide_route(ANY)
def hidden_activity_streams(c, w, d):
    return [c.action("recently_changed_packages_activity_list", limit=100),
            c.action("organization_activity_list",
                     id=w.orgs["producer"]["name"], limit=100),
            c.action("group_activity_list", id=w.group["name"], limit=100),
            c.action("user_activity_list", id=w.users["sysadmin"]["name"],
                     limit=100),
            c.action("dashboard_activity_list", limit=100),
            c.get("/dashboard/"),
            c.get(f"/organization/activity/{w.orgs['producer']['name']}"),
            c.get(f"/user/activity/{w.users['sysadmin']['name']}")]


@hide_route(ANY)
def hidden_feeds(c, w, d):
    return [c.get("/feeds/dataset.atom"),
            c.get(f"/feeds/organization/{w.orgs['producer']['name']}.atom"),
            c.get(f"/feeds/tag/{w.tag}.atom"),
            c.get("/feeds/custom.atom", q="Tersembunyi")]


@hide_route(REFUSED)
def hidden_dcat_dataset(c, w, d):
    return [c.get(f"/dataset/{d.name}.ttl"),
            c.get(f"/dataset/{d.name}/croissant.jsonld"),
            c.action("dcat_dataset_show", id=d.name, format="ttl")]


@hide_route(ANY)
def hidden_dcat_catalog(c, w, d):
    return [c.get("/catalog.ttl"), c.get("/dcat.json"),
            c.action("dcat_catalog_show", format="ttl"),
            c.action("dcat_catalog_search", q="Tersembunyi", format="ttl")]


def _hidden_markers(d: Dataset, a: Answer) -> tuple[str, ...]:
    if a.refused:
        # "not authorized to read package <id>", as for a private dataset
        return (HIDE_MARK, MARK)
    return (HIDE_MARK, d.id, d.name, MARK)


@pytest.mark.ckan_config("ckanext.ppidrequest.hide_rahasia_metadata", True)
@pytest.mark.parametrize("who", OUTSIDERS)
@pytest.mark.parametrize("r", [pytest.param(r, id=r.name)
                               for r in HIDE_ROUTES])
def test_hidden_rahasia_does_not_exist_for_outsiders(world, r, who):
    d = world.hidden
    for a in r.call(Client(world, who), world, d):
        assert a.status < 500, f"{r.name} fails: {a}"
        for marker in _hidden_markers(d, a):
            assert not a.has(marker), \
                f"{r.name} shows the hidden dataset ({marker}): {a}"
        if r.outsider == REFUSED:
            assert a.refused, f"{r.name} should refuse an outsider: {a}"


@pytest.mark.ckan_config("ckanext.ppidrequest.hide_rahasia_metadata", True)
@pytest.mark.parametrize("who", INSIDERS)
@pytest.mark.parametrize("r", [pytest.param(r, id=r.name)
                               for r in HIDE_ROUTES])
def test_hidden_rahasia_is_there_for_insiders(world, r, who):
    d = world.hidden
    answers = r.call(Client(world, who), world, d)
    for a in answers:
        assert a.status < 500, f"{r.name} fails: {a}"
    if r.outsider == REFUSED:
        for a in answers:
            assert a.status == 200 and (
                a.has(HIDE_MARK) or a.has(d.id) or a.has(MARK)), \
                f"{r.name} should show the dataset to an insider: {a}"
    else:
        assert any(a.has(HIDE_MARK) or a.has(d.id) for a in answers), \
            f"{r.name} should show the dataset to an insider: {answers}"
