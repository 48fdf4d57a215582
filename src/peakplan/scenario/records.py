"""The fastest a human has run: world records, the lower bound on any goal or race time.

Men's outdoor world records as listed by World Athletics (track for 400 m to 10 000 m, road for
the half marathon and the marathon), each rounded down to the whole second so the bound is never
stricter than the record (docs/science.md "World records"). Between two record distances the
bound follows the power law through both records (straight in log time over log distance);
beyond the marathon it keeps the marathon record's speed, which only makes it more lenient.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Record:
    km: float
    seconds: int
    holder: str

    @property
    def name(self) -> str:
        names = {0.4: "400 m", 0.8: "800 m", 1.5: "1500 m", 1.609344: "mile", 3.0: "3000 m", 5.0: "5000 m",
                 10.0: "10 000 m", 21.0975: "half marathon", 42.195: "marathon"}
        return names.get(self.km, f"{self.km:g} km")


RECORDS = (
    Record(0.4, 43, "Wayde van Niekerk, 2016"),
    Record(0.8, 100, "David Rudisha, 2012"),
    Record(1.5, 206, "Hicham El Guerrouj, 1998"),
    Record(1.609344, 223, "Hicham El Guerrouj, 1999"),
    Record(3.0, 437, "Jakob Ingebrigtsen, 2024"),
    Record(5.0, 755, "Joshua Cheptegei, 2020"),
    Record(10.0, 1571, "Joshua Cheptegei, 2020"),
    Record(21.0975, 3402, "Jacob Kiplimo, 2025"),
    Record(42.195, 7235, "Kelvin Kiptum, 2023"),
)


def fastest_s(km: float) -> float:
    """The fastest time (s) a human could run ``km`` in, by the rule in the module docstring."""
    first, last = RECORDS[0], RECORDS[-1]
    if km <= first.km:
        return first.seconds * km / first.km
    if km >= last.km:
        return last.seconds * km / last.km
    for low, high in zip(RECORDS, RECORDS[1:], strict=False):
        if low.km <= km <= high.km:
            share = math.log(km / low.km) / math.log(high.km / low.km)
            return math.exp(math.log(low.seconds) + share * math.log(high.seconds / low.seconds))
    raise AssertionError("unreachable: the records cover every distance")


def nearest_record(km: float) -> Record:
    """The record whose distance is closest to ``km`` (named in messages)."""
    return min(RECORDS, key=lambda r: abs(math.log(r.km / km)))
