"""The legal clock across real Indonesian holidays, cuti bersama and the
regency's own days off; the holiday actions."""
from __future__ import annotations

import datetime as dt

import pytest
from freezegun import freeze_time

import ckan.plugins.toolkit as tk

from ckanext.ppidrequest.requests import clock

from .test_requests import FORM, act, move

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db",
                                     "clean_redis")

D = dt.date


def test_idul_fitri_2026_with_cuti_bersama(actors):
    """Received Tuesday 17 March 2026, just before Nyepi and Idul Fitri:
    18 cuti bersama Nyepi, 19 Nyepi, 20 cuti bersama, 21-22 Idul Fitri
    (weekend), 23-24 cuti bersama. Day 1 is Wednesday 25 March; Good
    Friday (3 April) does not count: day 10 is Wednesday 8 April."""
    with freeze_time("2026-03-17 15:00:00"):
        req = act(actors["applicant"], "ppidrequest_create", **FORM)
    assert req["due_date"] == "2026-04-08"
    cal = clock.Calendar()
    assert cal.add(D(2026, 3, 17), 1) == D(2026, 3, 25)
    assert cal.day_off(D(2026, 3, 23)) == \
        "Cuti Bersama Hari Raya Idul Fitri"
    assert cal.between(D(2026, 3, 17), D(2026, 4, 8)) == 10


@pytest.mark.ckan_config("ckanext.ppidrequest.cuti_bersama", False)
def test_idul_fitri_2026_without_cuti_bersama(actors):
    """Cuti bersama counted as working days: 18, 20, 23, 24, 25, 26, 27,
    30, 31 March and 1 April."""
    with freeze_time("2026-03-17 15:00:00"):
        req = act(actors["applicant"], "ppidrequest_create", **FORM)
    assert req["due_date"] == "2026-04-01"


def test_received_on_a_holiday_or_weekend(actors):
    # Saturday 15 August 2026; Monday 17th is Independence Day:
    # day 1 is Tuesday 18th, day 10 is Tuesday 1 September
    # (Prophet's Birthday on Tuesday 25 August does not count)
    with freeze_time("2026-08-15 10:00:00"):
        req = act(actors["applicant"], "ppidrequest_create", **FORM)
    assert req["due_date"] == "2026-09-01"


def test_christmas_and_new_year_across_years(actors):
    # Wednesday 23 December 2026: 24 cuti bersama, 25 Christmas,
    # 1 January 2027 New Year
    with freeze_time("2026-12-23 10:00:00"):
        req = act(actors["applicant"], "ppidrequest_create", **FORM)
    cal = clock.Calendar()
    assert req["due_date"] == cal.add(D(2026, 12, 23), 10).isoformat()
    assert cal.add(D(2026, 12, 23), 1) == D(2026, 12, 28)
    assert not cal.is_working_day(D(2027, 1, 1))


def test_the_day_counts_in_the_portals_time_zone(actors):
    # 23:30 WIB on Monday 2 November is 16:30 UTC: received on Monday
    with freeze_time("2026-11-02 16:30:00"):
        req = act(None, "ppidrequest_create", **FORM)
    assert req["received_at"] == "2026-11-02"
    # 00:30 WIB on Tuesday 3 November is still Monday in UTC
    with freeze_time("2026-11-02 17:30:00"):
        req = act(None, "ppidrequest_create", **FORM)
    assert req["received_at"] == "2026-11-03"


def test_a_regency_day_off_recounts_open_requests_only(actors):
    ppid = actors["ppid"]
    with freeze_time("2026-11-02 09:00:00"):
        open_req = act(ppid, "ppidrequest_create", **FORM)
        closed = act(ppid, "ppidrequest_create", **FORM)
        move(ppid, closed, "review")
        move(ppid, closed, "not_held", held_by="BPS")
        assert open_req["due_date"] == "2026-11-16"
        added = act(ppid, "ppidrequest_holiday_create", date="2026-11-10",
                    name="Hari Jadi Kabupaten Sukamaju")
        assert added["requests_recounted"] == 1
        assert act(ppid, "ppidrequest_show",
                   id=open_req["id"])["due_date"] == "2026-11-17"
        assert act(ppid, "ppidrequest_show",
                   id=closed["id"])["due_date"] == "2026-11-16"
        days = act(None, "ppidrequest_holiday_list", year=2026)
        assert {"date": "2026-11-10", "name": "Hari Jadi Kabupaten Sukamaju",
                "source": "regency"} in days
        assert {"date": "2026-08-17", "name": "Hari Kemerdekaan Republik "
                "Indonesia", "source": "national"} in days
        # a new request counts it too
        later = act(ppid, "ppidrequest_create", **FORM)
        assert later["due_date"] == "2026-11-17"
        removed = act(ppid, "ppidrequest_holiday_delete", date="2026-11-10")
        assert removed["requests_recounted"] == 2
        assert act(ppid, "ppidrequest_show",
                   id=open_req["id"])["due_date"] == "2026-11-16"


def test_extension_and_sub_deadlines_follow_days_off(actors):
    ppid = actors["ppid"]
    with freeze_time("2026-11-02 09:00:00"):
        req = act(ppid, "ppidrequest_create", **FORM)
        move(ppid, req, "review")
        fwd = move(ppid, req, "forward", organization="dinkes")
        # the agency's 4 working days: Friday 6 November
        assert fwd["step_due_date"] == "2026-11-06"
        ext = move(ppid, req, "extend", reason="Data di 3 puskesmas",
                   days=5)
        assert ext["due_date"] == "2026-11-23"
        act(ppid, "ppidrequest_holiday_create", date="2026-11-05",
            name="Libur daerah")
        shown = act(ppid, "ppidrequest_show", id=req["id"])
        assert shown["step_due_date"] == "2026-11-09"
        assert shown["due_date"] == "2026-11-24"


def test_sub_deadline_never_passes_the_legal_due_date(actors):
    ppid = actors["ppid"]
    with freeze_time("2026-11-02 09:00:00"):
        req = act(ppid, "ppidrequest_create", **FORM)
    with freeze_time("2026-11-13 09:00:00"):
        move(ppid, req, "review")
        fwd = move(ppid, req, "forward", organization="dinkes")
    assert fwd["due_date"] == "2026-11-16"
    assert fwd["step_due_date"] == "2026-11-16"


def test_holiday_actions_are_for_the_ppid_and_check_input(actors):
    for who in (None, actors["applicant"], actors["pembantu"],
                actors["walidata"]):
        with pytest.raises(tk.NotAuthorized):
            act(who, "ppidrequest_holiday_create", date="2026-12-01",
                name="x")
        with pytest.raises(tk.NotAuthorized):
            act(who, "ppidrequest_holiday_delete", date="2026-12-01")
    ppid = actors["ppid"]
    for bad in ({"date": "1 Desember", "name": "x"},
                {"date": "2026-12-01"}, {"name": "x"},
                {"date": "2026-12-01", "name": "x" * 301}):
        with pytest.raises(tk.ValidationError):
            act(ppid, "ppidrequest_holiday_create", **bad)
    act(ppid, "ppidrequest_holiday_create", date="2026-12-01", name="Libur")
    with pytest.raises(tk.ValidationError) as error:
        act(ppid, "ppidrequest_holiday_create", date="2026-12-01",
            name="Lagi")
    assert "date" in error.value.error_dict
    with pytest.raises(tk.ObjectNotFound):
        act(ppid, "ppidrequest_holiday_delete", date="2026-12-02")
    with pytest.raises(tk.ValidationError):
        act(None, "ppidrequest_holiday_list", year="tahun ini")
    with pytest.raises(tk.ValidationError):
        act(None, "ppidrequest_holiday_list", year=1900)
