"""Abuse through the API as an attacker tries it: floods of anonymous
requests (per client address, per recipient email, reCAPTCHA), receipts
that carry an attacker's text to a victim, wrong access codes that locked
the right one out, and answers that told which requests exist."""
from __future__ import annotations

import uuid

import pytest

import ckan.lib.captcha
from ckan.lib.redis import connect_to_redis

from .test_requests import FORM, act, token


def _token(user) -> str:
    return token(user)["Authorization"]

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db",
                                     "clean_redis")

ATTACKER, HOLDER, OTHER = "203.0.113.9", "198.51.100.4", "192.0.2.77"


def post(app, action, address, data, headers=None):
    return app.post(f"/api/3/action/{action}", json=data,
                    headers=headers or {},
                    extra_environ={"REMOTE_ADDR": address})


def create(app, address, **changes):
    return post(app, "ppidrequest_create", address, dict(FORM, **changes))


def track(app, address, number, code):
    return post(app, "ppidrequest_track", address,
                {"registration_number": number, "access_code": code})


# -- filing ------------------------------------------------------------------

@pytest.mark.ckan_config("ckanext.ppidrequest.create_limit_per_address", 3)
def test_anonymous_creates_are_throttled_per_address(app, actors, smtp):
    for n in range(3):
        assert create(app, ATTACKER,
                      applicant_email=f"w{n}@example.com").status_code == 200
    resp = create(app, ATTACKER, applicant_email="w9@example.com")
    assert resp.status_code == 409
    assert "Too many requests from your address" in str(resp.json["error"])
    # another address is not affected, nor is the PPID registering letters
    assert create(app, OTHER).status_code == 200
    headers = {"Authorization": _token(actors["ppid"])}
    assert post(app, "ppidrequest_create", ATTACKER,
                dict(FORM, channel="letter"), headers).status_code == 200


@pytest.mark.ckan_config("ckanext.ppidrequest.create_limit_per_email", 2)
def test_one_victim_gets_a_bounded_number_of_receipts(app, actors, smtp):
    victim = "korban@example.com"
    for address in (ATTACKER, OTHER):
        assert create(app, address, applicant_email=victim).status_code \
            == 200
    resp = create(app, HOLDER, applicant_email=victim.upper())
    assert resp.status_code == 409
    assert "applicant_email" in resp.json["error"]
    assert len(smtp.to(victim)) == 2


def test_a_receipt_carries_no_text_the_applicant_typed(app, actors, smtp):
    text = "Klik http://penipu.example/hadiah untuk hadiah"
    resp = create(app, ATTACKER, information_requested=text, purpose=text,
                  applicant_email="korban@example.com")
    assert resp.status_code == 200
    [mail] = smtp.to("korban@example.com")
    body = mail.get_body().get_content()
    assert "penipu" not in body and "penipu" not in mail["Subject"]
    assert resp.json["result"]["registration_number"] in body
    # the link is to the tracking page, never the API
    assert "/permohonan/lacak" in body and "/api/" not in body


class _Google:
    """reCAPTCHA's verification service, offline: the token "solved"
    passes."""

    class _Answer:
        def __init__(self, ok):
            self.ok = ok

        def json(self):
            return {"success": self.ok}

    @classmethod
    def get(cls, url, params, timeout=None):
        return cls._Answer(params["response"] == b"solved")


@pytest.mark.ckan_config("ckan.recaptcha.privatekey", "private-key")
@pytest.mark.ckan_config("ckan.recaptcha.publickey", "public-key")
def test_anonymous_api_callers_solve_the_recaptcha(app, actors, smtp,
                                                   monkeypatch):
    monkeypatch.setattr(ckan.lib.captcha, "requests", _Google)
    for given in ({}, {"g-recaptcha-response": ""},
                  {"g-recaptcha-response": "wrong"}):
        resp = create(app, ATTACKER, **given)
        assert resp.status_code == 409, given
        assert "captcha" in resp.json["error"], given
    assert create(app, ATTACKER, **{"g-recaptcha-response": "solved"}) \
        .status_code == 200
    # an account needs none
    headers = {"Authorization": _token(actors["applicant"])}
    assert post(app, "ppidrequest_create", ATTACKER, FORM, headers) \
        .status_code == 200
    # the form asks for it too, and keeps what was typed
    page = app.post("/permohonan/baru", data=FORM,
                    extra_environ={"REMOTE_ADDR": ATTACKER})
    assert page.status_code == 400
    assert 'id="error-captcha"' in page.body
    assert FORM["information_requested"] in page.body


# -- tracking ----------------------------------------------------------------

@pytest.mark.ckan_config("ckanext.ppidrequest.track_max_failures", 5)
def test_wrong_codes_from_elsewhere_never_lock_out_the_right_one(
        app, actors):
    req = act(None, "ppidrequest_create", **FORM)
    number, code = req["registration_number"], req["access_code"]
    for _n in range(5):
        resp = track(app, ATTACKER, number, "AAAA-AAAA-AAAA-AAAA")
        assert resp.status_code == 409
        assert "wrong" in str(resp.json["error"])
    # the attacker's address waits, the right code included...
    resp = track(app, ATTACKER, number, code)
    assert resp.status_code == 409
    assert "Try again in 15 minutes" in str(resp.json["error"])
    # ...and so for every number from it; the holder is not affected
    resp = track(app, HOLDER, number, code)
    assert resp.status_code == 200
    assert resp.json["result"]["state"] == "submitted"
    # and can withdraw with the code
    resp = post(app, "ppidrequest_withdraw", HOLDER,
                {"id": req["id"], "access_code": code})
    assert resp.status_code == 200, resp.json


@pytest.mark.ckan_config("ckanext.ppidrequest.track_max_failures", 3)
def test_the_backoff_doubles_with_each_wrong_code_after_a_wait(app, actors):
    req = act(None, "ppidrequest_create", **FORM)
    number = req["registration_number"]
    for _n in range(3):
        track(app, ATTACKER, number, "AAAA-AAAA-AAAA-AAAA")
    redis = connect_to_redis()
    waits = [k for k in redis.keys("ppidrequest:track:*:wait")]
    assert len(waits) == 1 and 890 < redis.ttl(waits[0]) <= 900
    for expected in (1800, 3600):
        redis.delete(waits[0])          # the wait is over
        track(app, ATTACKER, number, "AAAA-AAAA-AAAA-AAAA")
        assert expected - 10 < redis.ttl(waits[0]) <= expected


def test_tracking_refuses_get(app, actors):
    """A code in a URL lands in access logs: only POST bodies carry it."""
    req = act(None, "ppidrequest_create", **FORM)
    resp = app.get("/api/3/action/ppidrequest_track", query_string={
        "registration_number": req["registration_number"],
        "access_code": req["access_code"]})
    assert resp.status_code == 400
    assert "registration_number" not in str(resp.json)
    assert track(app, HOLDER, req["registration_number"],
                 req["access_code"]).status_code == 200


def test_an_existing_request_looks_like_a_missing_one(app, actors):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    headers = {"Authorization": _token(actors["outsider"])}
    answers = []
    for ref in (req["id"], req["registration_number"], str(uuid.uuid4()),
                "9999/PMH/PPID/2026"):
        for action in ("ppidrequest_show", "ppidrequest_event_list"):
            resp = post(app, action, OTHER, {"id": ref}, headers)
            answers.append((resp.status_code, resp.json["error"]))
        resp = post(app, "ppidrequest_withdraw", OTHER,
                    {"id": ref, "access_code": "AAAA-AAAA-AAAA-AAAA"})
        answers.append((resp.status_code, resp.json["error"]))
    assert {status for status, _e in answers} == {404}
    assert len({str(e) for _s, e in answers}) == 1, answers
