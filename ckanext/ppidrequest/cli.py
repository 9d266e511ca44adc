from __future__ import annotations

import click

__all__ = ["ppidrequest"]


@click.group(short_help="ckanext-ppidrequest commands")
def ppidrequest():
    """Satu Data / PPID request commands."""


@ppidrequest.command("classify")
@click.option("--default", "default", required=True,
              type=click.Choice(["terbuka", "terbatas", "rahasia"]),
              help="Classification given to every dataset that has none.")
@click.option("--org", "orgs", multiple=True,
              help="Only datasets of this organization (repeatable).")
@click.option("--ground", help="Pasal 17 letter a-j (not for terbuka).")
@click.option("--consequence", help="The consequence test (not for terbuka).")
@click.option("--until", help="End of the exemption, YYYY-MM-DD.")
@click.option("--indefinite-reason", help="Why the exemption has no end.")
@click.option("--decision-ref",
              help="Reference of the PPID decision behind the default.")
@click.option("--apply", is_flag=True,
              help="Classify; without it, only report what would happen.")
@click.option("--report", type=click.Path(dir_okay=False, writable=True),
              help="Also write the report as CSV to this file.")
def classify(default, orgs, ground, consequence, until, indefinite_reason,
             decision_ref, apply, report):
    """Classify existing datasets that have no classification yet.

    A dry run by default. A default other than terbuka needs its legal
    basis (--ground, --consequence, --until or --indefinite-reason,
    --decision-ref), as for a decision made in the form.
    """
    from .classification import bulk

    basis = {
        "classification_ground": ground or "",
        "classification_consequence": consequence or "",
        "classification_exempt_until": until or "",
        "classification_exempt_reason": indefinite_reason or "",
        "classification_decision_ref": decision_ref or "",
    }
    rows = bulk.classify(default, basis, apply=apply, orgs=orgs)
    bulk.print_report(rows, apply, click.echo)
    if report:
        bulk.write_report(rows, report)
        click.echo(f"Report written to {report}")
    if apply and any(r.result.startswith("error") for r in rows):
        raise click.exceptions.Exit(1)


@ppidrequest.command("remind")
@click.option("--days", default=2, show_default=True,
              help="Remind of requests due within this many working days.")
@click.option("--enqueue", is_flag=True,
              help="Put the run on CKAN's job queue (ckan jobs worker) "
                   "instead of running it here.")
def remind(days, enqueue):
    """Lapse incomplete requests whose time ran out, and email officers
    the requests due soon or overdue. Run it daily from cron, e.g.
    ``0 7 * * 1-5 ckan -c /etc/ckan/ckan.ini ppidrequest remind``."""
    import datetime as dt

    from . import job_queue, jobs

    if enqueue:
        job = job_queue.enqueue("daily", days, dt.date.today().isoformat())
        click.echo(f"Queued job {job.id}")
        return
    result = jobs.daily(days)
    click.echo("{lapsed} request(s) lapsed; {reminders} reminder(s), "
               "{sent} sent".format(**result))


@ppidrequest.command("letters")
def letters():
    """Render every letter that was numbered but not rendered (a render
    that failed or a worker killed mid-render); the daily run may call it
    too."""
    from .letters import archive

    pending = archive.unrendered()
    done = archive.render_pending(pending)
    click.echo(f"{done} of {len(pending)} letter(s) rendered")
    if done < len(pending):
        raise click.exceptions.Exit(1)
