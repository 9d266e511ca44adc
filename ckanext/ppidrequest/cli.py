from __future__ import annotations

import click

__all__ = ["ppidrequest"]


@click.group(short_help="ckanext-ppidrequest commands")
def ppidrequest():
    """Satu Data / PPID request commands."""


@ppidrequest.command("demo-data")
def demo_data():
    """Seed a realistic regency portal (idempotent)."""
    from . import demo

    demo.seed(echo=click.echo)
