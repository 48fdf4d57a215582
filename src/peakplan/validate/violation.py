"""The `Violation` record, a per-family tally, and the tolerances every family shares.

Tolerances (docs/rules.md, last paragraph): the CP-SAT model rounds caps down and floors up, so a
plan it accepts never sits outside a rule as written; ratios are therefore compared with a tiny
relative epsilon only, to absorb float noise in products such as ``0.30 * 235``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

RATIO_EPS = 1e-9  # relative, for caps and floors built from float ratios


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


@dataclass
class Tally:
    """Collects the checks and violations of one rule family."""

    rule: str
    checks: int = 0
    found: list[Violation] = field(default_factory=list)

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
