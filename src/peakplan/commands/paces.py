"""`peakplan paces`: VDOT, training paces and race equivalents from one race result."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from peakplan.commands.common import fail
from peakplan.timefmt import clock, parse_duration_s

if TYPE_CHECKING:
    from peakplan.paces import Paces

UNITS = ("km", "mi")
DISTANCE_HELP = "1500m, mile, 3k, 5k, 10k, 15k, half, marathon, or km (e.g. 12.5)"



def _paces_or_fail(distance: str, time: str) -> Paces:
    from peakplan.paces import RACE_DISTANCES_M, VDOT_RANGE, distance_m, training_paces, vdot_from_race

    try:
        metres = distance_m(distance)
    except ValueError:
        names = ", ".join(RACE_DISTANCES_M)
        fail(f"--distance {distance!r} is not a known distance; use {names}, or km between 0.8 and 100 "
                    "such as 12.5.")
    try:
        seconds = parse_duration_s(time)
    except ValueError:
        fail(f"--time {time!r} is not a time; write it as h:mm:ss or mm:ss, e.g. --time 40:00.")
    vdot = vdot_from_race(metres, seconds)
    if not VDOT_RANGE[0] <= vdot <= VDOT_RANGE[1]:
        fail(f"--time {time!r} over --distance {distance!r} gives VDOT {vdot:.0f}, outside the "
                    f"{VDOT_RANGE[0]:g}-{VDOT_RANGE[1]:g} the Daniels tables cover; check the time and the distance.")
    return training_paces(vdot)


def paces_dict(paces: Paces, units: str = "km") -> dict[str, Any]:
    """The JSON document of `peakplan paces --json` (paces in s per km, or per mile with units='mi')."""
    from peakplan.paces import KM_PER_MILE, equivalents_s

    scale = KM_PER_MILE if units == "mi" else 1.0
    slow, fast = paces.easy_s_per_km
    return {
        "vdot": round(paces.vdot, 2),
        f"paces_s_per_{units}": {
            "easy": [round(slow * scale, 1), round(fast * scale, 1)],
            "marathon": round(paces.marathon_s_per_km * scale, 1),
            "threshold": round(paces.threshold_s_per_km * scale, 1),
            "interval": round(paces.interval_s_per_km * scale, 1),
            "repetition": round(paces.repetition_s_per_km * scale, 1),
        },
        "equivalents_s": {name: round(t, 1) for name, t in equivalents_s(paces.vdot).items()},
    }


def _render(doc: dict[str, Any], units: str, console: Console) -> None:
    console.print(f"VDOT [bold]{doc['vdot']:.1f}[/bold]")
    paces = Table(title=f"Training paces (per {units})", title_justify="left")
    paces.add_column("pace")
    paces.add_column(f"min/{units}", justify="right")
    for name, value in doc[f"paces_s_per_{units}"].items():
        shown = f"{clock(value[0])}–{clock(value[1])}" if isinstance(value, list) else clock(value)
        paces.add_row(name, shown)
    console.print(paces)
    races = Table(title="Race equivalents", title_justify="left")
    races.add_column("distance")
    races.add_column("time", justify="right")
    for name, seconds in doc["equivalents_s"].items():
        races.add_row(name, clock(seconds))
    console.print(races)


def paces_command(
    distance: Annotated[str | None, typer.Option("--distance", "-d", help=DISTANCE_HELP)] = None,
    time: Annotated[str | None, typer.Option("--time", "-t", help="race time, h:mm:ss or mm:ss")] = None,
    units: Annotated[str, typer.Option("--units", help="km or mi")] = "km",
    as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of tables")] = False,
) -> None:
    """VDOT, training paces (E, M, T, I, R) and race equivalents from a race result (Daniels & Gilbert 1979)."""
    if distance is None or time is None:
        fail("give the race result as --distance and --time, e.g. `peakplan paces --distance 10k --time 40:00`.")
    if units not in UNITS:
        fail(f"--units {units!r} is not known; use --units km or --units mi.")
    doc = paces_dict(_paces_or_fail(distance, time), units)
    if as_json:
        typer.echo(json.dumps(doc, indent=2))
    else:
        _render(doc, units, Console())


def register(app: typer.Typer) -> None:
    app.command("paces")(paces_command)
