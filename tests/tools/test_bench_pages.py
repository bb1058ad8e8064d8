"""The browser timings' arithmetic (tools/bench.py page_figures): medians of the warm views and the
ratios to the trivial page. No browser and no clock here: the figures are printed by the bench."""

from __future__ import annotations

import pytest

from lib.__main__ import main
from tools.bench import TRIVIAL, WARM_VISITS, main_thread_report, median_visit, page_report, times_trivial


@pytest.mark.parametrize(
    ("seconds", "median"),
    [([3.0, 1.0, 2.0], 2.0), ([4.0, 2.0], 3.0), ([5.0], 5.0), ([1.0, None, 2.0], None), ([], None)],
)
def test_a_warm_median_is_none_when_any_view_drew_no_chart(
    seconds: list[float | None], median: float | None
) -> None:
    assert median_visit(seconds) == median


def test_ratios_are_to_the_trivial_page_and_leave_it_out() -> None:
    ratios = times_trivial({TRIVIAL: 2.0, "home": 3.0, "reader": "no chart", "timeline": 2.5})
    assert ratios == {"home": 1.5, "reader": "no chart", "timeline": 1.25}


@pytest.mark.parametrize("base", ["no chart", 0.0, None])
def test_no_ratio_without_a_trivial_time(base: float | str | None) -> None:
    seconds: dict[str, float | str] = {"home": 3.0} if base is None else {TRIVIAL: base, "home": 3.0}
    assert times_trivial(seconds) == {"home": "no chart"}


def test_the_report_keeps_the_first_view_keys_and_adds_warm_and_switch() -> None:
    views = {
        "home": {"first": (3.0, 1.5), "warm": (1.5, 0.3), "switch": (None, 0.2)},
        "timeline": {"first": (4.0, 2.0), "warm": (2.0, 0.4)},  # no switch timed: left out of it
    }
    beside = {  # each page's own trivial views, timed next to it
        "home": {"first": (2.0, 0.5), "warm": (1.0, 0.1), "switch": (0.5, 0.05)},
        "timeline": {"first": (4.0, 0.7), "warm": (1.0, 0.2)},
    }
    report = page_report(views, beside)
    assert report["page_s"] == {TRIVIAL: 3.0, "home": 3.0, "timeline": 4.0}  # the trivial's median
    assert report["page_server_cpu_s"] == {TRIVIAL: 0.6, "home": 1.5, "timeline": 2.0}
    assert report["page_warm_s"] == {TRIVIAL: 1.0, "home": 1.5, "timeline": 2.0}
    assert report["page_warm_server_cpu_s"] == {TRIVIAL: 0.15, "home": 0.3, "timeline": 0.4}
    assert report["page_switch_s"] == {TRIVIAL: 0.5, "home": "no chart"}
    assert report["page_switch_server_cpu_s"] == {TRIVIAL: 0.05, "home": 0.2}
    assert report["page_x_trivial"] == {  # each page over its own trivial page, not the median
        "first": {"home": 1.5, "timeline": 1.0},
        "warm": {"home": 1.5, "timeline": 2.0},
        "switch": {"home": "no chart"},
    }
    assert report["page_warm_visits"] == WARM_VISITS


def test_main_thread_ratios_are_to_each_pages_own_trivial_views() -> None:
    pages = {"home": {"first": 2.0, "warm": 1.8}, "reader": {"first": 1.5, "warm": 1.2}}
    beside = {"home": {"first": 1.0, "warm": 0.9}, "reader": {"first": 1.2, "warm": 0.0}}
    report = main_thread_report(pages, beside)
    assert report["page_main_thread_s"] == {
        "first": {TRIVIAL: 1.1, "home": 2.0, "reader": 1.5},  # the trivial's: the median of its views
        "warm": {TRIVIAL: 0.45, "home": 1.8, "reader": 1.2},
    }
    assert report["page_main_thread_x_trivial"] == {
        "first": {"home": 2.0, "reader": 1.25},
        "warm": {"home": 2.0, "reader": "no chart"},  # no trivial figure: no ratio
    }


def test_pages_alone_need_a_store(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--pages"]) == 2
    assert "--store" in capsys.readouterr().err
