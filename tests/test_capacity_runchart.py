"""Run chart geometry: one point per date, the median of the points, lines where they belong."""

from __future__ import annotations

import itertools
from datetime import date

from qisite.capacity.runchart import BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH, nice_step, run_chart
from qisite.inputs.translations import words_for

SERIES = [
    (date(2027, 1, 31), 10),
    (date(2027, 2, 28), 25),
    (date(2027, 3, 31), 30),
    (date(2027, 4, 30), 55),
    (date(2027, 5, 31), 80),
]


def test_one_point_per_date_in_order_equally_spaced() -> None:
    chart = run_chart(SERIES, 100)
    assert [(p.date, p.value) for p in chart.points] == SERIES
    xs = [p.x for p in chart.points]
    assert xs[0] == LEFT and xs[-1] == WIDTH - RIGHT
    gaps = {round(b - a, 6) for a, b in itertools.pairwise(xs)}
    assert gaps == {(WIDTH - RIGHT - LEFT) / 4}


def test_median_of_an_odd_and_an_even_series() -> None:
    assert run_chart(SERIES, 100).median.value == 30
    even = run_chart(SERIES[:4], 100).median  # 10, 25, 30, 55 -> (25 + 30) / 2
    assert even.value == 27.5 and words_for().decimal(even.value, grouped=True) == "27.5"


def test_y_axis_runs_from_zero_to_a_round_number_above_the_target() -> None:
    chart = run_chart(SERIES, 100)
    # Largest of points and target is 100: step 50, axis 0..100.
    assert [t.value for t in chart.y_ticks] == [0, 50, 100]
    assert chart.target.y == TOP  # the target sits on the top of the axis
    zero = chart.y_ticks[0].y
    assert zero == HEIGHT - BOTTOM
    median = chart.median
    assert abs(median.y - (zero - (zero - TOP) * 30 / 100)) < 1e-9


def test_close_labels_are_moved_apart() -> None:
    chart = run_chart([(date(2027, 1, 1), 99), (date(2027, 2, 1), 100)], 100)
    # 99 and 100 are less than a line of text apart: the median's label goes below.
    assert chart.median.label_y - chart.target.label_y >= 14


def test_many_dates_get_at_most_a_few_labels_with_first_and_last() -> None:
    series = [(date(2027, 1, 1 + i), i) for i in range(25)]
    labels = run_chart(series, None).x_labels
    assert labels[0].date == series[0][0] and labels[-1].date == series[-1][0]
    assert len(labels) <= 7


def test_nice_steps() -> None:
    assert [nice_step(v) for v in (4, 100, 1860, 1)] == [1, 50, 500, 1]


def test_axis_labels_are_english_month_and_year() -> None:
    labels = [words_for().short_month_year(p.date) for p in run_chart(SERIES, 100).x_labels]
    assert labels[0] == "Jan 2027" and labels[-1] == "May 2027"
