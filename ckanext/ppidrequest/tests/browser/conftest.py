"""End-to-end tests in a real browser: CKAN's test app served over HTTP on
127.0.0.1 from a thread of the test process (same database, so data is
seeded with factories and actions), driven by Playwright with Debian's
Chromium (/usr/bin/chromium; never ``playwright install``).

Every page visited through :func:`Walker.check` is screenshotted at 1280
and 390 px (``test-artifacts/screenshots/<lang>-<step>-<width>.png``), must
not scroll sideways at 390 px, and must have no axe-core violation of
impact "critical" (all violations: ``test-artifacts/axe/<lang>-<step>.json``).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import pathlib
import shutil
import tarfile
import threading
import urllib.request

import pytest

CHROMIUM = os.environ.get("PPID_CHROMIUM", "/usr/bin/chromium")
# Without these Chromium's background connections (updates, sync, QUIC
# probes) are refused by a closed network and slow every page down.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

ROOT = pathlib.Path(__file__).resolve().parents[4]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"

AXE_VERSION = "4.10.3"
AXE_URL = f"https://registry.npmjs.org/axe-core/-/axe-core-{AXE_VERSION}.tgz"
AXE_TGZ_SHA256 = \
    "0f2b4d7dcdf7d1219df8d1959ad68e565f51d14c3f0d88bb71cd59abeb956292"
AXE_JS_SHA256 = \
    "880970c081707360e64f34cea25ff91892f5bc95675b0776925b9709dd8a68bb"

PASSWORD = "Rahasia-uji-2026"


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM):
        return
    skip = pytest.mark.skip(
        reason=f"no Chromium at {CHROMIUM} (apt-get install chromium; "
               ".ci/run installs it)")
    here = pathlib.Path(__file__).parent
    for item in items:
        if here in pathlib.Path(str(item.fspath)).parents:
            item.add_marker(skip)


# -- axe-core ----------------------------------------------------------------

@pytest.fixture(scope="session")
def axe_js() -> str:
    """axe.min.js of the pinned axe-core from the npm registry, checked
    against its sha256 and cached in test-artifacts/. No network: fail."""
    cached = ARTIFACTS / f"axe-core-{AXE_VERSION}.min.js"
    if cached.exists():
        body = cached.read_bytes()
        if hashlib.sha256(body).hexdigest() == AXE_JS_SHA256:
            return body.decode("utf-8")
    try:
        with urllib.request.urlopen(AXE_URL, timeout=60) as resp:
            tgz = resp.read()
    except OSError as exc:  # pragma: no cover - depends on the network
        pytest.fail(f"cannot download axe-core from {AXE_URL}: {exc}")
    digest = hashlib.sha256(tgz).hexdigest()
    assert digest == AXE_TGZ_SHA256, f"axe-core tarball sha256 {digest}"
    with tarfile.open(fileobj=io.BytesIO(tgz)) as tar:
        body = tar.extractfile("package/axe.min.js").read()
    assert hashlib.sha256(body).hexdigest() == AXE_JS_SHA256
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(body)
    return body.decode("utf-8")


# -- the live server ---------------------------------------------------------

class _Holder:
    app = None

    def __call__(self, environ, start_response):
        return self.app(environ, start_response)


@pytest.fixture
def live_server(make_app, ckan_config, monkeypatch, with_plugins, clean_db,
                clean_redis):
    """The base URL of CKAN's test app served over HTTP. ckan.site_url is
    this URL, so absolute links (downloads, redirects) stay on it."""
    from werkzeug.serving import make_server

    holder = _Holder()
    server = make_server("127.0.0.1", 0, holder, threaded=False)
    url = f"http://127.0.0.1:{server.server_port}"
    monkeypatch.setitem(ckan_config, "ckan.site_url", url)
    holder.app = make_app().app
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()
    server.server_close()


# -- the browser -------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                      args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# The elements sticking out furthest to the right, to say what overflows.
WIDEST_JS = """() => [...document.querySelectorAll('body *')]
  .map(e => [e, e.getBoundingClientRect().right])
  .filter(([e, r]) => r > 390)
  .sort((a, b) => b[1] - a[1]).slice(0, 4)
  .map(([e, r]) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
       + (e.className && typeof e.className === 'string'
          ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
       + ' ' + Math.round(r))"""


class Walker:
    """A browser context (one person's cookies) on the live server."""

    def __init__(self, browser, base, axe_js, lang):
        self.base = base
        self.lang = lang
        self.axe_js = axe_js
        self.context = browser.new_context(
            viewport={"width": 1280, "height": 900},
            locale="id-ID" if lang == "id" else "en-US",
            accept_downloads=True)
        self.context.set_default_timeout(15000)
        self.page = self.context.new_page()
        self.visited: dict[str, str] = {}
        # sideways scrolling and critical axe violations, asserted at the
        # end of the test so that one walk reports every page
        self.problems: list[str] = []

    def url(self, path: str) -> str:
        return f"{self.base}/{self.lang}{path}"

    def goto(self, path: str):
        resp = self.page.goto(self.url(path))
        assert resp is not None
        return resp

    def login(self, user: dict, password: str = PASSWORD):
        """Through the real login form."""
        page = self.page
        self.goto("/user/login")
        page.locator("#field-login").fill(user["name"])
        page.locator("#field-password").fill(password)
        with page.expect_navigation():
            page.locator("form:has(#field-login) button[type=submit]") \
                .click()
        assert "/user/login" not in page.url, "login failed"

    def check(self, step: str):
        """Screenshots at 1280 and 390 px, no sideways scrolling on a
        phone, no critical axe-core violation."""
        page = self.page
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.visited[step] = page.url
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / f"{self.lang}-{step}-1280.png"),
                        full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=str(SCREENSHOTS / f"{self.lang}-{step}-390.png"),
                        full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide = page.evaluate(WIDEST_JS)
            self.problems.append(
                f"{step} ({page.url}) scrolls sideways at 390 px: "
                f"scrollWidth {width}; widest elements: {wide}")
        page.set_viewport_size({"width": 1280, "height": 900})
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(content=self.axe_js)
        result = page.evaluate("axe.run(document).then(r => r.violations"
                               ".map(v => ({id: v.id, impact: v.impact, "
                               "help: v.help, nodes: v.nodes.slice(0, 3)"
                               ".map(n => n.target.join(' '))})))")
        # every violation, for a person to read
        axe_dir = ARTIFACTS / "axe"
        axe_dir.mkdir(parents=True, exist_ok=True)
        (axe_dir / f"{self.lang}-{step}.json").write_text(
            json.dumps({"url": page.url, "violations": result}, indent=1))
        critical = [v for v in result if v["impact"] == "critical"]
        serious = [v for v in result if v["impact"] == "serious"]
        if critical:
            self.problems.append(
                f"{step} ({page.url}) axe-core critical: "
                f"{json.dumps(critical, indent=1)}\nserious: "
                f"{json.dumps(serious, indent=1)}")
        return result

    def close(self):
        self.context.close()


@pytest.fixture
def walker(browser, live_server, axe_js):
    made = []

    def make(lang="id"):
        w = Walker(browser, live_server, axe_js, lang)
        made.append(w)
        return w

    yield make
    problems = [p for w in made for p in w.problems]
    for w in made:
        w.close()
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="session", autouse=True)
def _fresh_screenshots():
    for old in (SCREENSHOTS, ARTIFACTS / "axe"):
        if old.exists():
            shutil.rmtree(old)
    yield
