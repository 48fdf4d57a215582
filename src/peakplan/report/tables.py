"""Terminal tables (rich) and JSON documents for `peakplan compare` and `peakplan sweep`."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.table import Table

from peakplan.report.metrics import METRICS, fmt, metrics
from peakplan.report.runner import Outcome
from peakplan.report.variants import Setting, short

STATUS_STYLE = {"OPTIMAL": "green", "FEASIBLE": "yellow", "INFEASIBLE": "bold red", "UNKNOWN": "bold yellow"}


def _status(status: str) -> str:
    style = STATUS_STYLE.get(status, "")
    return f"[{style}]{status}[/{style}]" if style else escape(status)


def _tight(counts: dict[str, int]) -> str:
    return "\n".join(f"{escape(rule)} ×{n}" for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))) or "—"


def compare_table(outcomes: list[Outcome]) -> Table:
    """Metrics as rows, variants as columns; the best readiness in bold."""
    table = Table(title="Variants compared", header_style="bold cyan")
    table.add_column("metric", no_wrap=True)
    for o in outcomes:
        table.add_column(escape(o.label), justify="right")  # labels, phases, rule names: user text, not markup
    values: list[dict[str, Any]] = [metrics(o.plan) if o.plan else {"status": o.status} for o in outcomes]
    for key, title, _ in METRICS:
        if key == "readiness":
            _readiness_rows(table, title, values)
            continue
        table.add_row(title, *(_status(v["status"]) if key == "status" else fmt(key, v.get(key)) for v in values))
    table.add_row("tight rules", *(_tight(v["tight_rules"]) if "tight_rules" in v else "—" for v in values))
    return table


def _readiness_rows(table: Table, title: str, values: list[dict[str, Any]]) -> None:
    """One row per readiness unit and model: numbers in different units never share a row."""
    labels = list(dict.fromkeys(v["readiness_model"] for v in values if v.get("readiness_model")))
    for label in labels:
        same = [v for v in values if v.get("readiness_model") == label]
        best = max(v["readiness"] for v in same)
        cells = []
        for v in values:
            if v.get("readiness_model") != label:
                cells.append("—")
                continue
            text = fmt("readiness", v["readiness"])
            cells.append(f"[bold]{text}[/bold]" if v["readiness"] == best and len(same) > 1 else text)
        table.add_row(f"{title} ({escape(label)})", *cells)


def robustness_table(outcomes: list[Outcome], names: list[str]) -> Table:
    """Every plan scored under each readiness model (a row per model, in its own unit); the best in bold."""
    from peakplan.report.robustness import load_model, score

    models = {n: load_model(n) for n in names}
    table = Table(title="Race-day readiness under several models (does the best plan depend on the model?)",
                  header_style="bold cyan")
    table.add_column("model", no_wrap=True)
    for o in outcomes:
        table.add_column(o.label, justify="right")
    for name in names:
        found = [score(o.plan, name, models[name]) if o.plan else None for o in outcomes]
        best = max((s.value for s in found if s), default=None)
        cells = []
        for s in found:
            text = "—" if s is None else f"{s.value:.2f}" + (f" ({s.note})" if s.note else "")
            cells.append(f"[bold]{text}[/bold]" if s and s.value == best and len(outcomes) > 1 else text)
        unit = next((s.unit for s in found if s), "")
        table.add_row(f"{name} ({unit})", *cells)
    return table


def weeks_table(outcomes: list[Outcome]) -> Table:
    """Weekly training minutes side by side, aligned on race week (d = deload week)."""
    plans = [o for o in outcomes if o.plan]
    table = Table(title="Weekly volume (min; d = deload)", header_style="bold cyan")
    longest = max(plans, key=lambda o: len(o.plan.weeks))  # type: ignore[union-attr]
    n = len(longest.plan.weeks)  # type: ignore[union-attr]
    table.add_column("wk", justify="right")
    table.add_column(f"phase ({escape(longest.label)})" if len(plans) > 1 else "phase", no_wrap=True)
    for o in plans:
        table.add_column(escape(o.label), justify="right")
    for i in range(n):
        row = [str(i + 1), escape(longest.plan.weeks[i].phase)]  # type: ignore[union-attr]
        for o in plans:
            weeks = o.plan.weeks  # type: ignore[union-attr]
            j = i - (n - len(weeks))
            row.append(f"{weeks[j].minutes}{' d' if weeks[j].deload else '  '}" if j >= 0 else "")
        table.add_row(*row)
    return table


def explanation_lines(outcomes: list[Outcome]) -> list[str]:
    lines = []
    for o in outcomes:
        if not o.has_plan:
            lines.append(f"{o.label}: {o.status}")
            lines += [f"  - {line}" for line in o.why_lines()]
    return lines


def outcome_json(o: Outcome) -> dict[str, Any]:
    doc: dict[str, Any] = {"label": o.label, "source": o.source, "changes": o.changes, "status": o.status}
    if o.plan:
        doc["metrics"] = metrics(o.plan)
        doc["weekly_minutes"] = [w.minutes for w in o.plan.weeks]
    else:
        doc["explanation"] = o.explanation
        doc["conflicts"] = [{"rule": r, "where": w, "text": t} for r, w, t in o.conflicts]
    return doc


def compare_json(outcomes: list[Outcome], models: list[str] | None = None) -> dict[str, Any]:
    """The comparison for scripts; with ``models``, every plan's score under each of them."""
    doc: dict[str, Any] = {"variants": [outcome_json(o) for o in outcomes]}
    if models:
        from peakplan.report.robustness import scores

        for entry, o in zip(doc["variants"], outcomes, strict=True):
            if o.plan is not None:
                entry["scores"] = [{"model": s.model, "unit": s.unit, "value": s.value, "note": s.note}
                                   for s in scores(o.plan, models)]
    return doc


def _typed(setting: Setting, value: Any) -> str:
    """The value as the user typed it on the command line."""
    for v, text in zip(setting.values, setting.texts or map(str, setting.values), strict=True):
        if v == value and type(v) is type(value):
            return text
    return str(value)


def sweep_table(outcomes: list[Outcome], settings: list[Setting]) -> Table:
    """One row per grid point: the values set, status, readiness and its difference to the best."""
    table = Table(title="Sweep", header_style="bold cyan")
    for s in settings:
        table.add_column(short(s.path), justify="right", overflow="fold")
    for title in ("status", "readiness", "Δ best", "race TSB", "peak wk min"):
        table.add_column(title, justify="right", no_wrap=title in ("status", "readiness"))
    why = any(not o.has_plan for o in outcomes)
    if why:
        table.add_column("conflicting rules", min_width=20)
    values = [metrics(o.plan) if o.plan else {} for o in outcomes]
    best = max((v["readiness"] for v in values if v), default=None)
    for o, v in zip(outcomes, values, strict=True):
        given = [escape(_typed(s, o.changes.get(s.path))) for s in settings]
        if not v:
            reason = ", ".join(o.conflicting_rules) or ("time limit" if o.status != "INFEASIBLE" else "see below")
            table.add_row(*given, _status(o.status), *(["—"] * 4), f"[red]{escape(reason)}[/red]")
            continue
        mark = "[bold]" if v["readiness"] == best else "[not bold]"
        table.add_row(*given, _status(o.status), f"{mark}{v['readiness']:.1f}[/]", f"{v['readiness'] - best:+.1f}",
                      fmt("race_tsb", v["race_tsb"]), fmt("peak_week_minutes", v["peak_week_minutes"]),
                      *([""] if why else []))
    return table


def sweep_json(outcomes: list[Outcome], settings: list[Setting]) -> dict[str, Any]:
    return {"parameters": [s.path for s in settings], "points": [outcome_json(o) for o in outcomes]}
