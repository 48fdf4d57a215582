"""The `Violation` record, a per-family tally, and the tolerances every family shares.

Tolerances (docs/rules.md, last paragraph): the CP-SAT model rounds caps down and floors up, so a
plan it accepts never sits outside a rule as written; ratios are therefore compared with a tiny
relative epsilon only, to absorb float noise in products such as ``0.30 * 235``.

Bound margins (for the plan's stated tight rules, validate/tight_claims.py): ``Tally.cap`` and
``Tally.floor`` also record how far the plan is inside the bound, at the rule instance's place. The
model holds ratios in basis points (caps rounded down, floors up), so a bound counts as tight when
its margin is within ``TIGHT_RATIO_TOL`` of what the ratio multiplies (``tol_base``; by default
the larger of the bound and the value); a bound on counts or whole minutes passes ``tol_base=0``
and is tight only when met exactly (``TIGHT_ABS_TOL``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

RATIO_EPS = 1e-9  # relative, for caps and floors built from float ratios
TIGHT_RATIO_TOL = 1e-4  # one basis point (the model's RATIO_SCALE) of what a ratio multiplies
TIGHT_ABS_TOL = 1e-6  # float noise


@dataclass(frozen=True)
class Violation:
    """One broken rule: its family name, where (a date or a week), how much, and a sentence."""

    rule: str
    where: str
    amount: str
    message: str

    def __str__(self) -> str:
        return f"[{self.rule}] {self.where}: {self.amount}. {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "where": self.where, "amount": self.amount, "message": self.message}


@dataclass(frozen=True)
class Margin:
    """How far a plan is inside one bound (negative: outside it), and within what it counts as 0."""

    where: str
    margin: float
    tolerance: float

    @property
    def tight(self) -> bool:
        return abs(self.margin) <= self.tolerance


def tight_tolerance(value: float, bound: float, tol_base: float | None = None) -> float:
    """Within this of a bound counts as on it: a basis point of ``tol_base`` (default: the larger
    of |bound|, |value| and 1; 0 for exact counts and minutes), plus float noise."""
    base = max(abs(bound), abs(value), 1.0) if tol_base is None else abs(tol_base)
    return TIGHT_RATIO_TOL * base + TIGHT_ABS_TOL


@dataclass
class Tally:
    """Collects the checks, violations and bound margins of one rule family."""

    rule: str
    checks: int = 0
    found: list[Violation] = field(default_factory=list)
    margins: list[Margin] = field(default_factory=list)

    def cap(self, value: float, cap: float, where: str, amount: str, message: str, *,
            tol_base: float | None = None, tol: float | None = None, at: str | None = None) -> bool:
        """Check ``value <= cap`` as ``expect`` does, and record the margin ``cap - value`` at ``at``
        (the rule instance's place; default ``where``). ``tol`` overrides the tolerance."""
        self.note(where if at is None else at, cap - value, tight_tolerance(value, cap, tol_base) if tol is None else tol)
        return self.expect(not exceeds(value, cap), where, amount, message)

    def floor(self, value: float, floor: float, where: str, amount: str, message: str, *,
              tol_base: float | None = None, tol: float | None = None, at: str | None = None) -> bool:
        """Check ``value >= floor`` as ``expect`` does, and record the margin ``value - floor``."""
        self.note(where if at is None else at, value - floor,
                  tight_tolerance(value, floor, tol_base) if tol is None else tol)
        return self.expect(not falls_short(value, floor), where, amount, message)

    def note(self, at: str, margin: float, tolerance: float) -> None:
        """Record a bound's margin without a check (a bound another check already covers)."""
        self.margins.append(Margin(at, margin, tolerance))

    def expect(self, ok: bool, where: str, amount: str, message: str) -> bool:
        """Count one check; record a violation when ``ok`` is false. Returns ``ok``."""
        self.checks += 1
        if not ok:
            self.found.append(Violation(self.rule, where, amount, message))
        return ok


def exceeds(value: float, cap: float) -> bool:
    """True when ``value`` is above ``cap`` by more than float noise."""
    return value > cap + RATIO_EPS * max(1.0, abs(cap))


def falls_short(value: float, floor: float) -> bool:
    """True when ``value`` is below ``floor`` by more than float noise."""
    return value < floor - RATIO_EPS * max(1.0, abs(floor))


def fmt_num(value: float, decimals: int = 1) -> str:
    """A number without a useless fraction: 18 -> '18', 17.52 -> '17.5', 0.04 -> '0.04'."""
    if abs(value - round(value)) < 1e-9:
        return str(round(value))
    text = f"{value:.{decimals}f}"
    if float(text) == 0.0:  # a tiny excess must not print as "+0.0"
        text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text


def fmt_minutes(value: float) -> str:
    return f"{fmt_num(value)} min"


def week_where(week: int) -> str:
    return f"week {week}"
