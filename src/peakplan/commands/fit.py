"""`peakplan fit history.json -o my-model.yaml`: the readiness model fitted to the athlete's tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from peakplan.commands.common import fail
from peakplan.commands.history import check_output

if TYPE_CHECKING:
    from peakplan.fitting import Convention, FitResult, Variant

MODEL_MARKER = "fitted by `peakplan fit`"
VARIANT_NAMES = ("auto", "free", "fixed-tau")


def _default_taus() -> tuple[float, float]:
    from peakplan.modelfiles import BanisterModel, load_readiness

    model = load_readiness("banister")
    assert isinstance(model, BanisterModel)
    return model.tau_fitness_days, model.tau_fatigue_days


def _summary_table(fits: dict[Variant, FitResult]) -> Table:
    table = Table(title="Fits (performance in VDOT, load per day)", title_justify="left")
    for column in ("variant", "k1", "k2", "tau1", "tau2", "p0", "RMSE", "R^2", "warn"):
        table.add_column(column, justify="left" if column == "variant" else "right", no_wrap=True)
    for name, r in fits.items():
        p = r.params
        table.add_row(name.replace("_", "-"), f"{p.k1:.3g}", f"{p.k2:.3g}", f"{p.tau1:.1f}", f"{p.tau2:.1f}",
                      f"{p.p0:.2f}", f"{r.rmse:.3f}", f"{r.r2:.3f}", str(len(r.warnings)))
    return table


def _details(result: FitResult, console: Console) -> None:
    from peakplan.fitting.banister import influence_days

    console.print(f"chosen: {result.variant}; convention: day's own load {result.convention}")
    for name, (low, high) in result.intervals.items():
        console.print(f"  {name:5} {result.estimate(name):.4g}  95 % [{low:.4g}, {high:.4g}]")
    n_zero, n_peak = influence_days(result.params)
    if n_zero is not None and n_peak is not None:
        console.print(f"a day's training lowers performance for the next {n_zero:.1f} days and helps most "
                      f"{n_peak:.1f} days later (Fitz-Clarke et al. 1991)")
    start = result.series.first_date
    console.print("residuals (observed - predicted):")
    for day, observed, residual in zip(result.series.days, result.series.values, result.residuals, strict=True):
        when = start + dt.timedelta(days=int(day)) if start else f"day {day}"
        console.print(f"  {when}  {observed:.2f}  {residual:+.2f}")
    for warning in result.warnings:
        console.print(f"warning: {warning}", markup=False, highlight=False)


def _write(path: Path, text: str) -> None:
    from peakplan.files.atomic import write_text_atomic

    try:
        write_text_atomic(path, text)
    except OSError as exc:
        fail(f"{str(path)!r} cannot be written ({exc.strerror or exc}); choose a file in a writable folder.")


def fit_command(
    history_file: Annotated[Path, typer.Argument(metavar="HISTORY.json", help="written by `peakplan history -o`")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="readiness model file to write (YAML)")] = None,
    variant: Annotated[str, typer.Option("--variant", help="auto, free (5 parameters) or fixed-tau")] = "auto",
    tau_fitness: Annotated[float | None, typer.Option("--tau-fitness", help="fixed-tau: fitness days")] = None,
    tau_fatigue: Annotated[float | None, typer.Option("--tau-fatigue", help="fixed-tau: fatigue days")] = None,
    convention: Annotated[str, typer.Option("--convention", help="excluded (solver's) or included")] = "excluded",
    draws: Annotated[int, typer.Option("--draws", help="bootstrap draws of the tests")] = 200,
    seed: Annotated[int, typer.Option("--seed", help="bootstrap seed")] = 0,
    chart: Annotated[Path | None, typer.Option("--chart", help="also write the fit as an SVG chart")] = None,
    fitted_on: Annotated[str | None, typer.Option("--fitted-on", help="date written in the file (default today)")] = None,
) -> None:
    """Fit the Banister model to the history's tests; print error, intervals and warnings; write a model file."""
    if variant not in VARIANT_NAMES:
        fail(f"--variant {variant!r} is not known; use auto, free or fixed-tau.")
    if convention not in ("excluded", "included"):
        fail(f"--convention {convention!r} is not known; use excluded (the solver's) or included.")
    if convention == "included" and out is not None:
        fail("--convention included fits with the day's own load counted, but the solver scores race day without "
             "it: such a model cannot be written. Drop -o (to compare with published fits) or the --convention.")
    if not 0 <= draws <= 5000:
        fail(f"--draws {draws} is outside 0-5000.")
    try:
        date = dt.date.fromisoformat(fitted_on) if fitted_on else dt.date.today()
    except ValueError:
        fail(f"--fitted-on {fitted_on!r} is not a date; write it as YYYY-MM-DD.")
    from peakplan.fitting import VARIANTS, fit_chart_svg, fit_series, model_yaml, series_from_history
    from peakplan.history.io import read_history

    for path in (out, chart):
        if path is not None:
            check_output(path, [history_file], MODEL_MARKER if path == out else "<svg", path.name)
    series = series_from_history(read_history(history_file), str(history_file))
    default = _default_taus()
    taus = (tau_fitness or default[0], tau_fatigue or default[1])
    if not 0 < taus[1] < taus[0] <= 400:
        fail(f"--tau-fitness {taus[0]:g} and --tau-fatigue {taus[1]:g}: need 0 < fatigue < fitness <= 400 days.")
    conv: Convention = "included" if convention == "included" else "excluded"
    chosen: Variant = "fixed_tau" if variant == "fixed-tau" else "free"
    wanted = VARIANTS if variant == "auto" else (chosen,)
    fits = {name: fit_series(series, name, conv, taus, draws=draws, seed=seed) for name in wanted}
    if variant == "auto":
        chosen = "free" if not fits["free"].warnings else "fixed_tau"
    result = fits[chosen]
    console = Console(soft_wrap=True)
    console.print(f"{series.source}: {result.n_tests} tests over {len(series.loads)} days")
    console.print(_summary_table(fits))
    _details(result, console)
    if out is not None:
        _write(out, model_yaml(result, history_file.name, date))
        from peakplan.modelfiles import load_readiness

        load_readiness(str(out.resolve()))  # the file must be one a scenario can name
        typer.echo(f"wrote {out} ({chosen})", err=True)
    if chart is not None:
        _write(chart, fit_chart_svg(result))
        typer.echo(f"wrote {chart}", err=True)


def register(app: typer.Typer) -> None:
    app.command("fit")(fit_command)
