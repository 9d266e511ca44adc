"""The desk's queue through ``ppidrequest_list``: the filters by channel,
dataset and own account, the counts per state for the tabs, and the
traffic light (``due_status``) of each request."""
from __future__ import annotations

import pytest
from freezegun import freeze_time

import ckan.plugins.toolkit as tk
from ckan.tests import factories

from ckanext.ppidrequest.requests import workflow as W

from .test_requests import FORM, act, move

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_redis")

#: a Friday; two working days later is Tuesday 24 November 2026
TODAY = "2026-11-20 10:00:00"


def registered(ppid, received_at, **fields):
    """A request the PPID registers from a letter received that day."""
    data = dict(FORM, channel="letter", received_at=received_at)
    data.update(fields)
    return act(ppid, "ppidrequest_create", **data)


def numbers(listed):
    return sorted(r["registration_number"] for r in listed["results"])


def test_channel_filter_and_an_unknown_channel(actors):
    web = act(actors["applicant"], "ppidrequest_create", **FORM)
    letter = act(actors["ppid"], "ppidrequest_create", channel="letter",
                 **FORM)
    act(actors["ppid"], "ppidrequest_create", channel="whatsapp", **FORM)
    ppid = actors["ppid"]
    by_letter = act(ppid, "ppidrequest_list", channel="letter")
    assert numbers(by_letter) == [letter["registration_number"]]
    assert by_letter["count"] == 1
    assert numbers(act(ppid, "ppidrequest_list", channel="web")) == \
        [web["registration_number"]]
    assert act(ppid, "ppidrequest_list", channel="phone")["count"] == 0
    with pytest.raises(tk.ValidationError) as error:
        act(ppid, "ppidrequest_list", channel="fax")
    assert list(error.value.error_dict) == ["channel"]


def test_dataset_filter_by_id_or_name_and_an_unknown_dataset(actors):
    pkg = factories.Dataset(owner_org=actors["dinkes"]["id"],
                            classification="terbuka")
    about = act(None, "ppidrequest_create", dataset_id=pkg["id"], **FORM)
    act(None, "ppidrequest_create", **FORM)
    ppid = actors["ppid"]
    for ref in (pkg["id"], pkg["name"]):
        listed = act(ppid, "ppidrequest_list", dataset=ref)
        assert numbers(listed) == [about["registration_number"]]
        assert listed["results"][0]["dataset"]["name"] == pkg["name"]
    with pytest.raises(tk.ValidationError) as error:
        act(ppid, "ppidrequest_list", dataset="tidak-ada")
    assert list(error.value.error_dict) == ["dataset"]


def test_mine_is_only_what_the_caller_filed_from_their_account(actors):
    ppid, pembantu = actors["ppid"], actors["pembantu"]
    # the PPID files a request of their own on the web, and registers a
    # letter for someone else
    own = act(ppid, "ppidrequest_create", **FORM)
    letter = act(ppid, "ppidrequest_create", channel="letter", **FORM)
    theirs = act(actors["applicant"], "ppidrequest_create", **FORM)
    move(ppid, theirs, "review")
    move(ppid, theirs, "forward", organization="dinkes")
    assert act(ppid, "ppidrequest_list")["count"] == 3
    mine = act(ppid, "ppidrequest_list", mine=True)
    assert numbers(mine) == [own["registration_number"]]
    assert letter["registration_number"] not in numbers(mine)
    assert numbers(act(actors["applicant"], "ppidrequest_list",
                       mine="true")) == [theirs["registration_number"]]
    # the agency's officer works on the forwarded request; it is not theirs
    assert act(pembantu, "ppidrequest_list")["count"] == 1
    assert act(pembantu, "ppidrequest_list", mine=True)["count"] == 0
    assert act(pembantu, "ppidrequest_list", mine=True)["counts"] == \
        {state: 0 for state in W.STATES}


def test_counts_per_state_under_every_filter_but_state(actors):
    ppid = actors["ppid"]
    reqs = [act(ppid, "ppidrequest_create", channel="letter", **FORM)
            for _n in range(4)]
    move(ppid, reqs[0], "review")
    move(ppid, reqs[1], "review")
    move(ppid, reqs[1], "forward", organization="dinkes")
    move(ppid, reqs[2], "request_completion", note="Lampirkan KTP")
    expected = {state: 0 for state in W.STATES}
    expected.update(submitted=1, in_review=1, forwarded=1,
                    awaiting_completion=1)
    everything = act(ppid, "ppidrequest_list")
    assert everything["counts"] == expected
    assert everything["count"] == 4
    # a tab: the page and its count change, the tabs' counts do not
    forwarded = act(ppid, "ppidrequest_list", state="forwarded")
    assert forwarded["counts"] == expected
    assert forwarded["count"] == 1
    assert numbers(forwarded) == [reqs[1]["registration_number"]]
    two = act(ppid, "ppidrequest_list", state=["submitted", "in_review"])
    assert two["count"] == 2
    # the other filters narrow the counts too
    dinkes = act(ppid, "ppidrequest_list", organization="dinkes",
                 state="submitted")
    assert dinkes["count"] == 0 and dinkes["results"] == []
    assert dinkes["counts"] == dict(expected, submitted=0, in_review=0,
                                    awaiting_completion=0)
    # an agency's officer counts only what they may see
    assert act(actors["pembantu"], "ppidrequest_list")["counts"] == \
        dict(expected, submitted=0, in_review=0, awaiting_completion=0)


def test_due_status_is_the_traffic_light_in_working_days(actors):
    ppid = actors["ppid"]
    with freeze_time(TODAY):
        late = registered(ppid, "2026-11-05")      # due Thursday 19th
        today = registered(ppid, "2026-11-06")     # due today, Friday 20th
        tuesday = registered(ppid, "2026-11-10")   # due Tuesday 24th
        wednesday = registered(ppid, "2026-11-11")  # due Wednesday 25th
        waiting = registered(ppid, "2026-11-12")
        move(ppid, waiting, "request_completion", note="Lampirkan KTP")
        closed = registered(ppid, "2026-11-02")    # overdue, but rejected
        move(ppid, closed, "review")
        move(ppid, closed, "reject", ground="h",
             consequence="Mengungkap data pribadi.")
        listed = act(ppid, "ppidrequest_list", limit=10)
        status = {r["id"]: r["due_status"] for r in listed["results"]}
        assert [r["due_date"] for r in (late, today, tuesday, wednesday)] \
            == ["2026-11-19", "2026-11-20", "2026-11-24", "2026-11-25"]
        assert status == {
            late["id"]: "overdue",
            today["id"]: "due_soon",
            # Saturday and Sunday do not count: Tuesday is 2 working days
            tuesday["id"]: "due_soon",
            wednesday["id"]: "on_time",
            # the clock does not run
            waiting["id"]: None,
            closed["id"]: None,
        }
        assert [r["id"] for r in listed["results"] if r["overdue"]] == \
            [late["id"]]
        overdue = act(ppid, "ppidrequest_list", overdue=True)
        assert numbers(overdue) == [late["registration_number"]]
        # the request page shows the same light, for the agency too
        move(ppid, tuesday, "review")
        move(ppid, tuesday, "forward", organization="dinkes")
        for who in (ppid, actors["pembantu"]):
            shown = act(who, "ppidrequest_show", id=tuesday["id"])
            assert shown["due_status"] == "due_soon"
    # a week later Tuesday's request is late
    with freeze_time("2026-11-27 10:00:00"):
        assert act(ppid, "ppidrequest_show", id=tuesday["id"])[
            "due_status"] == "overdue"


def test_search_matches_number_name_or_text_in_any_case(actors):
    ppid = actors["ppid"]
    siti = registered(ppid, "2026-11-02", applicant_name="Siti Aminah",
                      information_requested="Data Kependudukan per desa")
    budi = registered(ppid, "2026-11-03")   # Budi Santoso, stunting
    found = {q: numbers(act(ppid, "ppidrequest_list", q=q))
             for q in ("PENDUDUK", "aminah", "Stunting", "santoso stunting",
                       siti["registration_number"].split("/")[0] + "/pmh",
                       "aminah data")}
    assert found == {
        # a word inside a word, whatever the case the officer types
        "PENDUDUK": [siti["registration_number"]],
        "aminah": [siti["registration_number"]],
        "Stunting": [budi["registration_number"]],
        # the text searched is the request's: a name and a text are
        # separate fields, a phrase does not run from one into the other
        "santoso stunting": [],
        siti["registration_number"].split("/")[0] + "/pmh":
            [siti["registration_number"]],
        "aminah data": [],
    }
    # what an agency's officer finds is still only what they may see
    assert act(actors["pembantu"], "ppidrequest_list", q="aminah")[
        "count"] == 0
    move(ppid, siti, "review")
    move(ppid, siti, "forward", organization="dinkes")
    assert numbers(act(actors["pembantu"], "ppidrequest_list",
                       q="kependudukan")) == [siti["registration_number"]]


@pytest.mark.parametrize("few", [0, 2000], ids=["walk-in-order",
                                                "read-and-sort"])
def test_a_filtered_page_is_in_the_same_order_either_way(actors, few,
                                                         monkeypatch):
    """Few matches are read and sorted, many found by walking an index in
    the page's order (listing.FEW): the officer sees the same page."""
    from ckanext.ppidrequest.requests import listing
    monkeypatch.setattr(listing, "FEW", few)
    ppid = actors["ppid"]
    days = ["2026-11-10", "2026-11-02", "2026-11-16", "2026-11-05"]
    reqs = {day: registered(ppid, day) for day in days}
    move(ppid, reqs["2026-11-05"], "request_completion", note="Lampirkan KTP")
    by_due = act(ppid, "ppidrequest_list", q="stunting")
    # by due date, the request without one (awaiting completion) last
    assert [r["received_at"] for r in by_due["results"]] == \
        ["2026-11-02", "2026-11-10", "2026-11-16", "2026-11-05"]
    newest = act(ppid, "ppidrequest_list", q="stunting",
                 sort="received_at desc", limit=2, offset=1)
    assert [r["received_at"] for r in newest["results"]] == \
        ["2026-11-10", "2026-11-05"]
    latest_due = act(ppid, "ppidrequest_list", channel="letter",
                     sort="due_date desc")
    assert [r["received_at"] for r in latest_due["results"]] == \
        ["2026-11-16", "2026-11-10", "2026-11-02", "2026-11-05"]
