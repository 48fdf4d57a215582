"""`peakplan report`: one self-contained HTML file (inline CSS and SVG, no script, no network)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from peakplan import __version__
from peakplan.plan.file import PlanFile, TightRule
from peakplan.report.calendar_html import calendar_html, paces_line
from peakplan.report.charts import pmc_chart, volume_chart
from peakplan.report.metrics import METRICS, fmt, metrics
from peakplan.report.replan_html import replan_html

if TYPE_CHECKING:
    from peakplan.history.model import History

CSS = """
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:24px;color:#1b1b1b;
 background:#fff;max-width:1400px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.sub{color:#555;margin:0 0 12px}.note{color:#666;font-size:12px}
table{border-collapse:collapse}th,td{padding:4px 8px;border:1px solid #ddd;vertical-align:top}
table.summary td{text-align:right}table.summary tr:last-child td{text-align:left;font-size:12px}
table.summary th{text-align:left;background:#f5f7fa}
table.summary td.best{font-weight:bold;background:#eef7ee}
figure.chart{margin:8px 0 16px}figure.chart svg{width:100%;max-width:1100px;height:auto}
table.calendar{width:100%;table-layout:fixed;font-size:12px;margin-bottom:18px}
table.calendar caption{text-align:left;font-weight:bold;font-size:14px;padding:6px 0}
table.calendar thead th{background:#f5f7fa}table.calendar th.wk{width:90px;text-align:left;background:#fafafa}
td.day .date{color:#777;font-size:11px}td.day .sess{font-weight:600}td.day .vol{color:#333}
td.rest{background:#fafafa;color:#999}td.rest .sess{font-weight:normal}
td.easy{background:#f1f7fd}td.hard{background:#fdeee4}td.race{background:#fde0dd;border:2px solid #c0392b}
ul.steps{margin:3px 0 0;padding-left:14px;color:#444;font-size:11px}
.phase{font-weight:normal;color:#555;font-size:11px}
table.tight td{font-size:12px}
.top{display:flex;flex-wrap:wrap;gap:0 28px;align-items:flex-start}.top>section{min-width:0}
#charts{flex:1 1 640px}
"""


def summary_html(plans: Sequence[PlanFile], labels: Sequence[str]) -> str:
    values = [metrics(p) for p in plans]
    best = max(v["readiness"] for v in values)
    head = "".join(f"<th>{escape(label)}</th>" for label in labels)
    rows = []
    for key, title, _ in METRICS:
        cells = []
        for v in values:
            cls = ' class="best"' if key == "readiness" and len(values) > 1 and v[key] == best else ""
            cells.append(f"<td{cls}>{escape(fmt(key, v.get(key)))}</td>")
        if key == "readiness":
            title = f"{title} ({values[0]['readiness_model']})"
        rows.append(f"<tr><th>{escape(title)}</th>{''.join(cells)}</tr>")
    tight = "".join("<td>" + "<br>".join(escape(f"{r} ×{n}") for r, n in
                                         sorted(v["tight_rules"].items(), key=lambda kv: (-kv[1], kv[0]))) + "</td>"
                    for v in values)
    rows.append(f"<tr><th>tight rules</th>{tight}</tr>")
    return f'<table class="summary"><thead><tr><th></th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def tight_html(plan: PlanFile) -> str:
    """The plan's tight rules grouped by rule: where they bind, and what the first one says."""
    grouped: dict[str, list[TightRule]] = defaultdict(list)
    for t in plan.tight_rules:
        grouped[t.rule].append(t)
    if not grouped:
        return '<p class="note">No rule is tight: the plan is limited only by the objective.</p>'
    rows = "".join(
        f"<tr><td>{escape(rule)}</td><td>{len(ts)}</td><td>{escape(', '.join(dict.fromkeys(t.where for t in ts)))}"
        f"</td><td>{escape(ts[0].detail)}</td></tr>" for rule, ts in grouped.items())
    return ('<table class="tight"><thead><tr><th>rule</th><th>times</th><th>where</th><th>for example</th></tr>'
            f"</thead><tbody>{rows}</tbody></table>")


def report_html(plans: Sequence[PlanFile], labels: Sequence[str], history: tuple[History, str] | None = None) -> str:
    """The whole report page for one plan or several variants (charts overlay the variants); with a
    history (and its name), the first plan's readiness model drawn against its races."""
    first = plans[0]
    name = first.scenario.name or "Training plan"
    race = first.race
    several = len(plans) > 1
    title = f"{name}: {'comparison of ' + str(len(plans)) + ' variants' if several else 'training block'}"
    sub = (f"Race {race.date}, {race.distance_km:g} km · " + (", ".join(labels) if several else labels[0]) +
           f" · peakplan {first.peakplan_version or __version__}")
    parts = [f"<h1>{escape(title)}</h1>", f'<p class="sub">{escape(sub)}</p>', '<div class="top">',
             '<section id="summary"><h2>Readiness summary</h2>', summary_html(plans, labels)]
    parts += ["</section>", '<section id="charts"><h2>Charts</h2>',
              f'<figure class="chart" id="volume-chart">{volume_chart(plans, labels)}</figure>',
              f'<figure class="chart" id="pmc-chart">{pmc_chart(plans, labels)}</figure></section></div>',
              '<section id="calendar"><h2>Calendar</h2>']
    paces = paces_line(first)
    if paces:
        parts.append(f'<p class="note">{escape(paces)}</p>')
    for plan, label in zip(plans, labels, strict=True):
        parts.append(calendar_html(plan, label if several else ""))
    parts.append('</section><section id="tight-rules"><h2>Tight rules (what drives each plan)</h2>')
    for plan, label in zip(plans, labels, strict=True):
        if several:
            parts.append(f"<h3>{escape(label)}</h3>")
        parts.append(tight_html(plan))
    parts.append("</section>")
    parts.append(replan_html(first))  # a re-plan: what was run against the original
    if history is not None:
        from peakplan.report.model_fit import model_fit_html

        parts += ['<section id="model-fit"><h2>Readiness model against your races</h2>',
                  model_fit_html(first, *history), "</section>"]
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f"<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
