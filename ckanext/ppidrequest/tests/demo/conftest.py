from __future__ import annotations

import pytest

import ckan.plugins.toolkit as tk


@pytest.fixture
def with_demo_plugin(ckan_config, monkeypatch, request):
    """The plugins of test.ini plus ``ppidrequest_demo``, loaded for one
    test (test.ini leaves the demo plugin out, as a real portal does)."""
    plugins = tk.aslist(ckan_config["ckan.plugins"])
    monkeypatch.setitem(ckan_config, "ckan.plugins",
                        " ".join(plugins + ["ppidrequest_demo"]))
    request.getfixturevalue("with_plugins")
