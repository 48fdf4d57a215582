"""`peakplan report`: one self-contained HTML file with calendar, charts, summary and tight rules."""

from __future__ import annotations

import datetime as dt
import json
import re

from compare.helpers import run_cli

from peakplan.plan.file import PlanDay
from peakplan.plan.io import read_plan
from peakplan.report.calendar_html import step_lines
from peakplan.report.html import report_html
from peakplan.workouts import Repeat, Step, Target, Workout


def _figure(html: str, figure_id: str) -> str:
    match = re.search(rf'<figure class="chart" id="{figure_id}">(.*?)</figure>', html, re.DOTALL)
    assert match, figure_id
    return match.group(1)


def test_report_of_two_variants(plan_files, tmp_path):
    out = tmp_path / "report.html"
    code, stdout, _ = run_cli("report", *plan_files, "-o", out, "-l", "ramp 5 %", "-l", "ramp 15 %")
    assert code == 0 and "report written" in stdout
    html = out.read_text(encoding="utf-8")
    plans = [read_plan(p) for p in plan_files]
    for figure_id in ("volume-chart", "pmc-chart"):
        svg = _figure(html, figure_id)
        assert svg.startswith("<svg") and svg.count("<path") > 20
    assert "ramp 5 %: CTL (fitness)" in html and "ramp 15 %" in html and "race 31 Jan" in html
    assert html.count('<table class="calendar">') == 2
    assert html.count('<td class="day') == sum(len(p.days) for p in plans)
    assert "race-day readiness" in html and "taper depth" in html and "Tight rules" in html
    for rule in {t.rule for t in plans[0].tight_rules}:
        assert rule in html


def test_report_is_self_contained_and_deterministic(plan_files, tmp_path):
    plans = [read_plan(p) for p in plan_files]
    html = report_html(plans, ["a", "b"])
    assert html == report_html(plans, ["a", "b"])
    assert "<script" not in html and "<link" not in html and "<img" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html) and "url(http" not in html


def test_calendar_shows_workout_steps_with_paces(plan_files):
    plan = read_plan(plan_files[0])
    html = report_html([plan], ["one"])
    assert '<ul class="steps">' in html and "/km" in html  # from peakplan.workouts and the goal time
    tempo = next(i for i, d in enumerate(plan.days) if d.session not in ("rest", "race"))
    assert step_lines(plan.days[tempo])


def test_calendar_of_days_without_a_stored_workout(plan_files):
    # the workouts are stored in the plan file; a day without one shows session + min + km
    plan = read_plan(plan_files[0])
    plan = plan.model_copy(update={"days": tuple(d.model_copy(update={"workout": None}) for d in plan.days)})
    html = report_html([plan], ["one"])
    assert '<ul class="steps">' not in html and '<table class="calendar">' in html and " min · " in html


def _day(session: str, minutes: int, workout: Workout | None) -> PlanDay:
    return PlanDay(date=dt.date(2027, 1, 5), weekday="tue", week=1, phase="build", session=session, minutes=minutes,
                   km=0.0, load=0.0, hard=False, ctl=0.0, atl=0.0, tsb=0.0, workout=workout)


def test_plan_day_workouts_are_shown_as_their_stored_steps():
    easy, threshold = Target(effort="easy", s_per_km=None, estimate_s_per_km=330.0), \
        Target(effort="threshold effort", s_per_km=(275.0, 265.0), estimate_s_per_km=270.0)
    tempo = Workout(session="tempo", minutes=50, phase="build", title="Tempo: 3 × 8 min", blocks=(
        Step(part="warmup", kind="run", duration_s=900, target=easy, label="warm-up"),
        Repeat(times=3, steps=(Step(part="main", kind="work", duration_s=480, target=threshold, label="threshold"),
                               Step(part="main", kind="recovery", duration_s=120, target=easy, label="jog"))),
        Step(part="cooldown", kind="run", duration_s=300, target=easy, label="cool-down")))
    long = Workout(session="long", minutes=90, phase="build", title="Long run", blocks=(
        Step(part="main", kind="run", duration_s=5400, target=easy, label="long run"),))
    assert step_lines(_day("tempo", 50, tempo)) == [
        "15 min warm-up (easy)", "3 × [8 min threshold (4:35–4:25/km) + 2 min jog (easy)]", "5 min cool-down (easy)"]
    assert step_lines(_day("long", 90, long)) == ["90 min long run (easy)"]
    assert step_lines(_day("rest", 0, None)) == []


def test_report_bad_inputs_exit_2(plan_files, tmp_path):
    code, _, err = run_cli("report", tmp_path / "nope.json", "-o", tmp_path / "r.html")
    assert code == 2 and "plan file not found" in err
    (tmp_path / "x.json").write_text(json.dumps({"status": "OPTIMAL"}), encoding="utf-8")
    code, _, err = run_cli("report", tmp_path / "x.json", "-o", tmp_path / "r.html")
    assert code == 2 and "not a peakplan plan file" in err
    code, _, err = run_cli("report", *plan_files, "-l", "only one")
    assert code == 2 and "--label" in err
    assert not (tmp_path / "r.html").exists()
