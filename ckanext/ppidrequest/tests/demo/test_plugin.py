"""The demo is a plugin of its own: without ``ppidrequest_demo`` a portal
has no command that resets accounts to the published password."""
from __future__ import annotations

import pytest

import ckan.model as model
from ckan.cli.cli import ckan
from ckan.common import config_declaration

from ckanext.ppidrequest.demo import seed


@pytest.mark.usefixtures("with_plugins", "with_extended_cli")
def test_no_demo_command_without_the_plugin(cli):
    result = cli.invoke(ckan, ["ppidrequest-demo", "seed"])
    assert result.exit_code != 0
    assert "No such command 'ppidrequest-demo'" in result.output
    # nor a leftover under the production plugin's commands
    result = cli.invoke(ckan, ["ppidrequest", "--help"])
    assert result.exit_code == 0, result.output
    assert "classify" in result.output
    assert "demo" not in result.output
    assert seed.PASSWORD_OPTION not in config_declaration


@pytest.mark.usefixtures("with_demo_plugin", "with_extended_cli", "clean_db",
                         "clean_index")
def test_the_demo_plugin_gives_the_seed_command(cli):
    result = cli.invoke(ckan, ["ppidrequest-demo", "seed"])
    assert result.exit_code == 0, result.output
    assert "Logins (all share one password" in result.output
    admin = model.User.by_name("admin")
    assert admin.sysadmin
    assert admin.validate_password(seed.DEFAULT_PASSWORD)


@pytest.mark.usefixtures("with_demo_plugin")
def test_the_password_option_is_validated(ckan_config):
    option = seed.PASSWORD_OPTION
    assert option in config_declaration
    assert config_declaration[option].default == seed.DEFAULT_PASSWORD
    _data, errors = config_declaration.validate(
        {**ckan_config, option: "pendek"})
    assert "8 characters" in " ".join(errors[option])
    _data, errors = config_declaration.validate(
        {**ckan_config, option: ""})
    assert option in errors
    _data, errors = config_declaration.validate(
        {**ckan_config, option: "Rahasia-Demo-1"})
    assert option not in errors
