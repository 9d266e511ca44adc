from __future__ import annotations

import click

__all__ = ["ppidrequest_demo"]


@click.group("ppidrequest-demo", short_help="ckanext-ppidrequest demo portal")
def ppidrequest_demo():
    """The demo portal of Kabupaten Sukamaju (plugin ppidrequest_demo)."""


@ppidrequest_demo.command("seed")
def seed():
    """Create or repair the demo portal (idempotent). Makes ``admin`` a
    sysadmin and gives every demo user the demo password."""
    from . import seed as seeding

    seeding.seed(echo=click.echo)
