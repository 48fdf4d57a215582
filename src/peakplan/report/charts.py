"""The report's charts as inline SVG (matplotlib, object API: no pyplot, no GUI backend).

Several plans overlay: weekly bars side by side (hatched per variant, aligned on race week) and
one colour per variant in the CTL/ATL/TSB chart.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from matplotlib import rc_context
from matplotlib.dates import DateFormatter
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from peakplan.plan.file import PlanFile
from peakplan.report.metrics import LOW, intensity_labels, weekly_split

RC: Any = {"svg.fonttype": "none", "svg.hashsalt": "peakplan", "font.size": 9, "axes.spines.top": False,  # rcParams
           "axes.spines.right": False, "font.family": "sans-serif"}
INTENSITY_COLOURS = {LOW: "#9ecae1", "strides": "#c7e9c0", "marathon_pace": "#fdd0a2", "threshold": "#fd8d3c",
                     "intervals": "#d94801", "repetitions": "#7f2704"}
SPARE_COLOURS = ("#bcbddc", "#756bb1", "#fa9fb5", "#dd3497")
VARIANT_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo", "--")


def to_svg(fig: Figure) -> str:
    """The figure as an <svg> element (no XML prolog, no timestamp: equal plans give equal text)."""
    buf = io.StringIO()
    with rc_context(RC):
        fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = buf.getvalue()
    return text[text.index("<svg"):]


def _colour(label: str, extra: list[str]) -> str:
    if label in INTENSITY_COLOURS:
        return INTENSITY_COLOURS[label]
    return SPARE_COLOURS[extra.index(label) % len(SPARE_COLOURS)]


def plain(text: str) -> str:
    """A label drawn as written: matplotlib reads ``$...$`` as math (and fails on a lone ``$``)."""
    return text.replace("$", "\\$")


def volume_chart(plans: Sequence[PlanFile], labels: Sequence[str]) -> str:
    """Weekly training minutes stacked by intensity; one bar per variant and week."""
    splits = [weekly_split(p) for p in plans]
    order = intensity_labels(splits)
    extra = [k for k in order if k not in INTENSITY_COLOURS]
    n_weeks = max(len(s) for s in splits)
    width = 0.8 / len(plans)
    with rc_context(RC):
        fig = Figure(figsize=(10, 3.6))
        ax = fig.add_subplot()
        for i, weeks in enumerate(splits):
            shift = n_weeks - len(weeks)
            xs = [w.week + shift - 0.4 + width * (i + 0.5) for w in weeks]
            bottom = [0.0] * len(weeks)
            for kind in order:
                heights = [w.parts.get(kind, 0.0) for w in weeks]
                ax.bar(xs, heights, width * 0.92, bottom=bottom, color=_colour(kind, extra),
                       hatch=HATCHES[i % len(HATCHES)], edgecolor="#444444" if i else "white", linewidth=0.3)
                bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        ax.set_ylim(0, max((w.minutes for weeks in splits for w in weeks), default=1) * 1.3 or 1)
        ax.set_xticks(range(1, n_weeks + 1))
        ax.set_xlim(0.4, n_weeks + 0.6)
        ax.set_xlabel("week (race week last)")
        ax.set_ylabel("minutes")
        ax.grid(axis="y", alpha=0.3)
        handles = [Patch(facecolor=_colour(k, extra), label=plain(k.replace("_", " "))) for k in order]
        if len(plans) > 1:
            handles += [Patch(facecolor="white", edgecolor="#444444", hatch=HATCHES[i % len(HATCHES)], label=plain(label))
                        for i, label in enumerate(labels)]
        ax.legend(handles=handles, loc="upper left", frameon=False, fontsize=8, ncol=2)
        ax.set_title("Weekly volume by intensity", loc="left", fontweight="bold")
        return to_svg(fig)


def pmc_chart(plans: Sequence[PlanFile], labels: Sequence[str]) -> str:
    """CTL (fitness, solid) and ATL (fatigue, dashed) above, TSB (form) below; race day marked."""
    with rc_context(RC):
        fig = Figure(figsize=(10, 4.6))
        top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
        races = set()
        for i, (plan, label) in enumerate(zip(plans, labels, strict=True)):
            colour = VARIANT_COLOURS[i % len(VARIANT_COLOURS)]
            days = plan.days
            dates = [d.date for d in days]
            name = f"{plain(label)}: " if len(plans) > 1 else ""
            top.plot(dates, [d.ctl for d in days], color=colour, linewidth=1.8, label=f"{name}CTL (fitness)")
            top.plot(dates, [d.atl for d in days], color=colour, linewidth=1.0, linestyle="--",
                     label=f"{name}ATL (fatigue)")
            bottom.plot(dates, [d.tsb for d in days], color=colour, linewidth=1.4, label=f"{name}TSB (form)")
            race = plan.race.date
            races.add(race)
            bottom.plot([race], [plan.readiness.tsb], marker="o", color=colour)
        for race in sorted(races):
            for ax in (top, bottom):
                ax.axvline(race, color="#333333", linewidth=1, linestyle=":")
            top.annotate(f"race {race:%d %b}", xy=(race, 1), xycoords=("data", "axes fraction"),
                         xytext=(-4, -2), textcoords="offset points", ha="right", va="top", fontweight="bold")
        bottom.axhline(0, color="#999999", linewidth=0.6)
        top.set_ylabel("load / day")
        bottom.set_ylabel("TSB")
        for ax in (top, bottom):
            ax.grid(alpha=0.3)
            ax.legend(loc="upper left", frameon=False, fontsize=8, ncol=min(2, len(plans)) if len(plans) > 1 else 2)
        bottom.xaxis.set_major_formatter(DateFormatter("%d %b"))
        top.set_title("Fitness (CTL), fatigue (ATL) and form (TSB)", loc="left", fontweight="bold")
        return to_svg(fig)
