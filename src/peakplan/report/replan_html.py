"""The report's "Planned vs done" section for a re-planned plan (``peakplan replan``).

Per week: the original plan's minutes, what was run (the fixed days), the re-plan's minutes, and
how the days run compare with the original (missed, shorter, longer, moved, extra, another session); then every day
run differently from the original plan, with both sessions. Plans that are not re-plans get none.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

from peakplan.plan.file import PlanFile
from peakplan.scenario.schema import FixedDay

DEVIATIONS = {"missed": "missed", "shorter": "shorter", "longer": "longer", "moved": "moved", "extra": "extra",
              "as done": "another session"}   # FixedDay.note -> what the report calls it


def _session(name: str | None, minutes: int | None) -> str:
    if name is None:
        return "—"
    return name if name == "rest" or not minutes else f"{name} {minutes} min"


def _week_rows(plan: PlanFile, by_week: dict[int, list[FixedDay]]) -> str:
    changes = plan.changes
    original = changes.original_week_minutes if changes is not None else ()
    rows = []
    for week in plan.weeks:
        fixed = by_week.get(week.week, [])
        planned = original[week.week - 1] if week.week <= len(original) else None
        done = sum(f.minutes for f in fixed) if fixed else None
        notes: Counter[str] = Counter(f.note for f in fixed)
        how = ", ".join(f"{notes[n]} {label}" for n, label in DEVIATIONS.items() if notes[n])
        cells = [str(week.week), "—" if planned is None else str(planned), "—" if done is None else str(done),
                 str(week.minutes), how or ("as planned" if fixed else "")]
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    return ('<table class="summary" id="planned-vs-done-weeks"><thead><tr><th>week</th><th>original plan, min</th>'
            "<th>done, min</th><th>this plan, min</th><th>days run vs the original</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _day_rows(fixed: tuple[FixedDay, ...]) -> str:
    rows = [f"<tr><td>{f.date}</td><td>{escape(_session(f.planned_session, f.planned_minutes))}</td>"
            f"<td>{escape(_session(f.session, f.minutes))}</td><td>{escape(DEVIATIONS[f.note])}</td></tr>"
            for f in fixed if f.note in DEVIATIONS]
    if not rows:
        return '<p class="note">Every day before the re-plan was run as planned.</p>'
    return ('<table class="summary" id="planned-vs-done-days"><thead><tr><th>date</th><th>planned</th><th>done</th>'
            f"<th></th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def replan_html(plan: PlanFile) -> str:
    """The section's HTML, or '' when the plan is not a re-plan."""
    replan = plan.scenario.replan
    if replan is None:
        return ""
    by_week: dict[int, list[FixedDay]] = defaultdict(list)
    week_of = {d.date: d.week for d in plan.days}
    for f in replan.fixed_days:
        by_week[week_of.get(f.date, 0)].append(f)
    changes = plan.changes
    head = f"Re-planned from {replan.from_date}; the {len(replan.fixed_days)} days before are as run."
    if changes is not None:
        head += (f" {changes.changed_days} later days differ from the original plan "
                 f"(the best re-plan would change {changes.best_changed_days}).")
    return ('<section id="planned-vs-done"><h2>Planned vs done</h2>'
            f'<p class="note">{escape(head)}</p>{_week_rows(plan, by_week)}{_day_rows(replan.fixed_days)}</section>')
