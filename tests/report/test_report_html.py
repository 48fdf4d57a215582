"""`peakplan report`: one self-contained HTML file with calendar, charts, summary and tight rules."""

from __future__ import annotations

import json
import re
import sys

from compare.helpers import run_cli

from peakplan.report.calendar import workout_lines
from peakplan.report.html import report_html
from peakplan.report.runner import read_plan


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
    assert html.count('<td class="day') == sum(len(p["days"]) for p in plans)
    assert "race-day readiness" in html and "taper depth" in html and "Tight rules" in html
    for rule in {t["rule"] for t in plans[0]["tight_rules"]}:
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
    tempo = next(i for i, d in enumerate(plan["days"]) if d["session"] not in ("rest", "race"))
    assert workout_lines(plan)[tempo]


def test_calendar_without_the_workouts_package(plan_files, monkeypatch):
    monkeypatch.setitem(sys.modules, "peakplan.workouts", None)   # import fails
    plan = read_plan(plan_files[0])
    for day in plan["days"]:
        day.pop("workout", None)                                  # and no workout in the plan: session + min + km
    html = report_html([plan], ["one"])
    assert '<ul class="steps">' not in html and '<table class="calendar">' in html and " min · " in html


def test_plan_day_workout_entries_are_shown_without_the_package(monkeypatch):
    monkeypatch.setitem(sys.modules, "peakplan.workouts", None)
    plan = {"days": [{"session": "tempo", "workout": "15 min easy · 3 × (8 min threshold, 2 min jog) @ 4:30/km"},
                     {"session": "easy", "workout": ["40 min easy"]},
                     {"session": "long", "workout": {"title": "Long run", "steps": ["90 min easy"]}},
                     {"session": "rest"}]}
    assert workout_lines(plan) == [["15 min easy", "3 × (8 min threshold, 2 min jog) @ 4:30/km"], ["40 min easy"],
                                   ["Long run", "90 min easy"], []]


def test_report_bad_inputs_exit_2(plan_files, tmp_path):
    code, _, err = run_cli("report", tmp_path / "nope.json", "-o", tmp_path / "r.html")
    assert code == 2 and "plan file not found" in err
    (tmp_path / "x.json").write_text(json.dumps({"status": "OPTIMAL"}), encoding="utf-8")
    code, _, err = run_cli("report", tmp_path / "x.json", "-o", tmp_path / "r.html")
    assert code == 2 and "not a peakplan plan file" in err
    code, _, err = run_cli("report", *plan_files, "-l", "only one")
    assert code == 2 and "--label" in err
    assert not (tmp_path / "r.html").exists()
