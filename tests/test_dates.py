"""The one date rule (graph.dates): every reader refuses the same impossible dates with the same words."""

import datetime

import pytest

from graph import dates
from graph.errors import BadDate


@pytest.mark.parametrize("bad", ["2019-13", "2019-02-30", "2019-00", "2019-04-31", "19", "2019-1", "last year",
                                 "2019-06-15T10:00", "", " "])
def test_impossible_dates_are_refused(bad):
    with pytest.raises(BadDate, match="is not a date"):
        dates.parse(bad)
    assert not dates.is_date(bad)


@pytest.mark.parametrize("good", ["2019", "2019-12", "2020-02-29", " 2019-06 "])
def test_real_dates_are_kept_as_written(good):
    assert dates.parse(good) == good.strip()


def test_the_future_is_refused_only_when_asked():
    next_year = str(datetime.date.today().year + 1)
    assert dates.parse(next_year) == next_year
    with pytest.raises(BadDate, match="in the future"):
        dates.parse(next_year, not_after_today=True)
    assert dates.parse(str(datetime.date.today().year), not_after_today=True)


def test_yaml_values():
    assert dates.from_value(2019) == "2019"
    assert dates.from_value(datetime.date(2019, 6, 1)) == "2019-06-01"
    for bad in (True, 99, "2019-13", 2019.5):
        with pytest.raises(BadDate):
            dates.from_value(bad)


def test_partial_dates_are_intervals():
    assert dates.span("2019", "2020-06") == ("2019-01-01", "2020-06-31")
    assert dates.ended_before("2018", "2019") and not dates.ended_before("2019", "2019-06")
    assert dates.ended_before("2019-03", "2019-06") and not dates.ended_before(None, "2019")
    assert dates.overlaps(dates.span("2019", None), dates.span("2025", "2025"))
    assert not dates.overlaps(dates.span("2019", "2019"), dates.span("2020", None))
    assert dates.months_between("2019-11", "2020-02") == 3 and dates.months_between("2020", "2019") == -12
    assert dates.iso_day_prefix("2020-04-01T00:00:00+00:00") == "2020-04-01"
    assert dates.iso_day_prefix("2020-02-30") is None and dates.iso_day_prefix("01/04/2020") is None


@pytest.mark.parametrize("day, months, expected", [
    ("2020-01-31", 1, "2020-02-29"),  # leap year: clamped to the month's last day
    ("2021-01-31", 1, "2021-02-28"),
    ("2020-11-30", 3, "2021-02-28"),  # over the year's end
    ("2019-06-15", 0, "2019-06-15"),
    ("2019-06-15", 24, "2021-06-15"),
    ("2019-03-31", -1, "2019-02-28"),
])
def test_add_months_clamps_the_day(day, months, expected):
    assert dates.add_months(day, months) == expected


@pytest.mark.parametrize("start, months, end", [
    ("2022-04-01", 12, "2023-03-31"),  # a 12-month grant from 1 April ends on 31 March, not 1 April
    ("2017-11-21", 24, "2019-11-20"),
    ("2024-01-15", 1, "2024-02-14"),
    ("2023-12-01", 1, "2023-12-31"),  # over the month's end
    ("2023-01-31", 1, "2023-02-28"),  # February has no 31st: the period takes all of it
    ("2024-01-30", 1, "2024-02-29"),
    ("2023-03-31", 1, "2023-04-30"),
    ("2023-03-30", 1, "2023-04-29"),
])
def test_a_period_of_whole_months_ends_the_day_before_the_same_day_later(start, months, end):
    assert dates.end_of_months(start, months) == end
