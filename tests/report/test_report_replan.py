"""The HTML report of a re-planned plan shows planned vs done (report/replan_html.py): per week the
original plan's minutes, what was run and the re-plan's minutes; per day each session run
differently from the original. A plan that is not a re-plan has no such section."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peakplan import load_scenario, solve
from peakplan.replan import replan
from peakplan.replan.done import Done, Entry
from peakplan.report.html import report_html

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def plans():
    original = solve(load_scenario(ROOT / "scenarios" / "5k-8w.yaml")).plan
    week3 = [d for d in original.days if d.week == 3]
    runs = [d for d in week3 if d.minutes > 0]
    entries = {runs[0].date: Entry(0, None), runs[1].date: Entry(runs[1].minutes // 2, None)}
    result = replan(original, Done(entries, listed_only=True, source="test"),
                    from_date=week3[-1].date + dt.timedelta(days=1))
    assert result.plan is not None
    return original, result.plan, runs


def _section(html: str) -> str:
    start = html.index('<section id="planned-vs-done">')
    return html[start:html.index("</section>", start)]


def test_weeks_show_original_done_and_new_minutes(plans):
    original, new, runs = plans
    section = _section(report_html([new], ["re-plan"]))
    week3 = original.weeks[2].minutes
    done = week3 - runs[0].minutes - (runs[1].minutes - runs[1].minutes // 2)
    assert f"<tr><td>3</td><td>{week3}</td><td>{done}</td><td>{new.weeks[2].minutes}</td>" in section
    assert f"<tr><td>4</td><td>{original.weeks[3].minutes}</td><td>—</td><td>{new.weeks[3].minutes}</td>" in section
    assert "1 missed" in section


def test_days_run_differently_are_listed_with_both_sessions(plans):
    _, new, runs = plans
    section = _section(report_html([new], ["re-plan"]))
    missed = f"<tr><td>{runs[0].date}</td><td>{runs[0].session} {runs[0].minutes} min</td><td>rest</td><td>missed</td>"
    assert missed in section
    assert f"<tr><td>{runs[1].date}</td><td>{runs[1].session} {runs[1].minutes} min</td>" in section
    assert f"{runs[1].minutes // 2} min</td>" in section


def test_a_plan_that_is_no_re_plan_has_no_section(plans):
    original, _, _ = plans
    assert 'id="planned-vs-done"' not in report_html([original], ["plan"])
