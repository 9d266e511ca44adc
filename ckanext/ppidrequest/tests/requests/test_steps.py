"""One action per workflow step: each step's auth function says yes exactly
when its action lets the caller take the step, ``ppidrequest_show`` lists
the steps that will work, and ``defer_commit`` leaves the commit to the
caller."""
from __future__ import annotations

import pytest

import ckan.authz as authz
import ckan.lib.jobs as jobs
import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.ppidrequest.model import Request, RequestEvent
from ckanext.ppidrequest.requests import workflow as W

from .test_requests import FORM, act, move

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db",
                                     "clean_redis")

#: fields that make each step valid (so only role and state can refuse)
VALID = {
    "review": {},
    "request_completion": {"note": "Lampirkan KTP"},
    "complete": {"purpose": "Penelitian skripsi"},
    "forward": {"organization": "dinkes"},
    "submit_data": {"refusal_proposal": "Rekam medis", "refusal_ground": "h"},
    "extend": {"reason": "Data tersebar"},
    "pdp_scan": {},
    "pdp_mask": {"masking": ["drop:x"]},
    "pdp_justify": {"justification": "Agregat"},
    "fulfil": {"pdp_check": "clean", "partial": True,
               "withheld_note": "Nama pasien, Pasal 17 h"},
    "reject": {"ground": "h", "consequence": "Membuka rekam medis"},
    "not_held": {"held_by": "BPS"},
    "withdraw": {},
    "lapse": {},
}

#: how to bring a new request to each state
ROUTES = {
    "submitted": [],
    "in_review": [("review", {})],
    "awaiting_completion": [("request_completion", {"note": "KTP"})],
    "forwarded": [("review", {}), ("forward", {"organization": "dinkes"})],
    "data_submitted": [("review", {}),
                       ("forward", {"organization": "dinkes"}),
                       ("submit_data", VALID["submit_data"])],
    "rejected": [("review", {}), ("reject", VALID["reject"])],
}

WHO = ("ppid", "pembantu", "applicant", "outsider", "walidata", "producer",
       "sysadmin")


def _in_state(actors, state):
    # asked to see the information: fulfilling needs no file
    req = act(actors["applicant"], "ppidrequest_create",
              **dict(FORM, obtain_method="view"))
    for step, fields in ROUTES[state]:
        who = "pembantu" if step == "submit_data" else "ppid"
        move(actors[who], req, step, **fields)
    return req


def _authorized(user, step, req) -> bool:
    context = {"user": user["name"], "ignore_auth": False}
    return authz.is_authorized(f"ppidrequest_{step}", context,
                               {"id": req["id"]})["success"]


@pytest.fixture(autouse=True)
def _queues(clean_queues):
    pass


@pytest.fixture
def everyone(actors):
    from ckan.tests import factories

    return dict(actors, sysadmin=factories.Sysadmin())


def test_every_step_is_its_own_action(actors, smtp):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    done = act(actors["ppid"], "ppidrequest_review", id=req["id"])
    assert done["state"] == "in_review"
    done = act(actors["ppid"], "ppidrequest_forward", id=req["id"],
               organization="dinkes")
    assert done["state"] == "forwarded"
    # the step's own schema: an unknown organization is its field's error
    with pytest.raises(tk.ValidationError) as error:
        act(actors["ppid"], "ppidrequest_forward", id=req["id"],
            organization="nowhere")
    assert list(error.value.error_dict) == ["organization"]
    for step in W.STEPS:
        assert tk.get_action(f"ppidrequest_{step}").__doc__


@pytest.mark.parametrize("state", sorted(ROUTES))
def test_auth_says_yes_exactly_when_the_action_will(everyone, smtp, state):
    """No step's auth function approves what its action then refuses for
    role or state, and none refuses what the action would do."""
    req = _in_state(everyone, state)
    for who in WHO:
        for step in W.STEPS:
            if step == "lapse":
                continue  # needs time to pass: below
            user = everyone[who]
            said_yes = _authorized(user, step, req)
            fields = VALID[step]
            if step == "forward" and state == "forwarded":
                fields = {"organization": "dukcapil"}   # redirected
            try:
                act(user, f"ppidrequest_{step}", id=req["id"], **fields)
            except (tk.NotAuthorized, tk.ObjectNotFound):
                # "not found" to whoever has no role on the request
                assert not said_yes, (who, step, state)
            except tk.ValidationError as error:
                # a refusal for the state comes back on "action"
                assert "action" in error.error_dict, (who, step, state)
                assert not said_yes, (who, step, state)
            else:
                assert said_yes, (who, step, state)
                req = _in_state(everyone, state)


def test_show_lists_the_steps_that_will_work(everyone, smtp):
    req = _in_state(everyone, "in_review")
    shown = act(everyone["ppid"], "ppidrequest_show", id=req["id"])
    assert shown["available_actions"] == [
        "request_completion", "forward", "extend", "fulfil", "reject",
        "not_held"]
    # a sysadmin is the PPID, never the agency or the applicant
    shown = act(everyone["sysadmin"], "ppidrequest_show", id=req["id"])
    assert "submit_data" not in shown["available_actions"]
    assert "withdraw" not in shown["available_actions"]
    shown = act(everyone["applicant"], "ppidrequest_show", id=req["id"])
    assert shown["available_actions"] == ["withdraw"]
    # the extension is taken once: then it is not offered any more
    act(everyone["ppid"], "ppidrequest_extend", id=req["id"], reason="x")
    shown = act(everyone["ppid"], "ppidrequest_show", id=req["id"])
    assert "extend" not in shown["available_actions"]
    with pytest.raises(tk.ValidationError) as error:
        act(everyone["ppid"], "ppidrequest_extend", id=req["id"], reason="y")
    assert "once" in error.value.error_dict["action"][0]


def test_lapse_is_offered_only_when_the_time_is_up(actors, smtp):
    from freezegun import freeze_time

    with freeze_time("2026-11-23 09:00:00"):
        req = act(actors["applicant"], "ppidrequest_create", **FORM)
        move(actors["ppid"], req, "request_completion", note="KTP")
        shown = act(actors["ppid"], "ppidrequest_show", id=req["id"])
        assert "lapse" not in shown["available_actions"]
        assert not _authorized(actors["ppid"], "lapse", req)
    with freeze_time("2026-12-08 09:00:00"):   # 10 working days later
        shown = act(actors["ppid"], "ppidrequest_show", id=req["id"])
        assert "lapse" in shown["available_actions"]
        done = act(actors["ppid"], "ppidrequest_lapse", id=req["id"])
    assert done["state"] == "lapsed"


def test_defer_commit_leaves_the_commit_to_the_caller(actors, smtp):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    smtp.clear()
    context = {"user": actors["ppid"]["name"], "ignore_auth": False,
               "defer_commit": True}
    done = tk.get_action("ppidrequest_review")(context, {"id": req["id"]})
    assert done["state"] == "in_review"
    model.Session.rollback()
    assert model.Session.get(Request, req["id"]).state == "submitted"
    assert smtp.messages == []
    # committed by the caller: the subscribers hear of it through a job
    tk.get_action("ppidrequest_review")(dict(context), {"id": req["id"]})
    model.repo.commit()
    assert smtp.messages == []
    [job] = jobs.get_queue("ppidrequest").jobs
    event = model.Session.query(RequestEvent).filter_by(
        action="review").one()
    assert job.id == f"ppidrequest-announce-{event.id}"
    job.perform()
    assert len(smtp.to("budi@example.com")) == 1


def test_transition_still_takes_every_step(actors, smtp):
    req = act(actors["applicant"], "ppidrequest_create", **FORM)
    with pytest.raises(tk.ValidationError) as error:
        move(actors["ppid"], req, "dance")
    assert "action" in error.value.error_dict
    done = move(actors["ppid"], req, "review")
    assert done["available_actions"] == act(
        actors["ppid"], "ppidrequest_show", id=req["id"])["available_actions"]
