from __future__ import annotations

import pytest


@pytest.fixture
def clean_db(reset_db, migrate_db_for):
    """CKAN's clean_db, then this package's own tables.

    ``reset_db`` drops every table the first time it runs in a session,
    plugin tables included (activity, the search documents of
    ``ppidrequest_pgsearch``, ours), so plugin migrations run again after it.
    """
    reset_db()
    for plugin in ("activity", "ppidrequest_pgsearch", "ppidrequest"):
        migrate_db_for(plugin)


@pytest.fixture
def org():
    """The producing agency (OPD) that owns datasets by default: the portal
    does not allow datasets without an organization."""
    from ckan.tests import factories

    return factories.Organization(name="opd-default", title="OPD Default")


# -- requests ----------------------------------------------------------------

@pytest.fixture
def smtp(ckan_config, monkeypatch):
    """A real SMTP server on localhost (aiosmtpd); ``smtp.messages`` holds
    what it received as :class:`email.message.EmailMessage`."""
    import email
    import email.policy
    import socket

    from aiosmtpd.controller import Controller

    class Inbox:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            msg = email.message_from_bytes(envelope.content,
                                           policy=email.policy.default)
            msg.recipients = list(envelope.rcpt_tos)
            self.messages.append(msg)
            return "250 OK"

        def to(self, address):
            return [m for m in self.messages if address in m.recipients]

        def clear(self):
            self.messages.clear()

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setitem(ckan_config, "smtp.server", f"127.0.0.1:{port}")
    yield inbox
    controller.stop()


@pytest.fixture
def actors(clean_db):
    """The people of the workflow, with the organizations that give them
    their roles (as in ``docs/domain.md``)."""
    from ckan.tests import factories

    ppid = factories.User(name="ppid-utama", email="ppid@kab.go.id")
    pembantu = factories.User(name="pembantu-dinkes",
                              email="ppid.dinkes@kab.go.id")
    producer = factories.User(name="produsen-dinkes",
                              email="data.dinkes@kab.go.id")
    other = factories.User(name="pembantu-dukcapil",
                           email="ppid.dukcapil@kab.go.id")
    applicant = factories.User(name="budi", email="budi@example.com")
    outsider = factories.User(name="warga-lain", email="lain@example.com")
    walidata = factories.User(name="walidata", email="wali@kab.go.id")
    factories.Organization(name="ppid-kabupaten", users=[
        {"name": ppid["name"], "capacity": "editor"}])
    factories.Organization(name="diskominfo", users=[
        {"name": walidata["name"], "capacity": "editor"}])
    dinkes = factories.Organization(name="dinkes", title="Dinas Kesehatan",
                                    users=[
        {"name": pembantu["name"], "capacity": "admin"},
        {"name": producer["name"], "capacity": "member"}])
    dukcapil = factories.Organization(name="dukcapil", title="Disdukcapil",
                                      users=[
        {"name": other["name"], "capacity": "admin"}])
    return {"ppid": ppid, "pembantu": pembantu, "producer": producer,
            "other": other, "applicant": applicant, "outsider": outsider,
            "walidata": walidata, "dinkes": dinkes, "dukcapil": dukcapil}
