"""The baseline: a fixed weekly template, scaled week by week and cut to fit every rule.

What a coach's spreadsheet does: a weekly pattern (a long run on the long-run day, up to
``max_hard_per_week`` quality days spaced out, the other available days easy) with the
phase's session types, and a weekly volume that follows the caps: the ramp from the athlete's
current volume, deload weeks at their factor, the taper at its caps. Each week is then cut to
the rules in a fixed order: availability and session bounds, the long run (share, cap,
growth, the week's longest), the quality caps, the intensity mix, the quotas. No search and
no objective: it is scored afterwards by the same readiness model and checked by the
validator like every solver's plan.
"""

from __future__ import annotations

import math

from peakplan.calendar import Calendar
from peakplan.modelfiles import Catalogue
from peakplan.scenario import Scenario

REST, ANY_HARD = "rest", "any_hard"
# Quality session preferences by phase, after the phase's quota minimums (the classic
# "tempo on Tuesday, intervals on Thursday" week); filtered by the catalogue's phases.
PREFERRED_HARD = {"build": ("tempo", "hills"), "race_specific": ("intervals", "tempo", "marathon_pace"),
                  "peak": ("repetitions", "intervals", "race_pace"), "taper": ("intervals", "tempo"),
                  "race_week": ("race_pace",)}
SAFETY = 0.995  # stay just inside every ratio cap, whatever the rounding


class Template:
    def __init__(self, scenario: Scenario, catalogue: Catalogue) -> None:
        self.sc, self.cat, self.cal = scenario, catalogue.sessions, Calendar(scenario)
        self.rules = scenario.rules
        self.longest = float(scenario.athlete.longest_recent_run_minutes)
        self.last_hard = -10            # day index of the latest hard day
        self.e: dict[int, float] = {}   # full-week equivalent volume of each planned week
        self.running: dict[int, int] = {}

    # --- weekly volume -------------------------------------------------------------------
    def volume_cap(self, w: int) -> float:
        """E(w) the caps allow, from the weeks already planned."""
        r, cal, athlete = self.rules, self.cal, self.sc.athlete
        cap = float(athlete.peak_weekly_minutes)
        R = cal.loading_weeks
        if w <= R and w in cal.deload_weeks:
            cap = min(cap, r.deload.volume_factor * self.e[w - 1])
        elif w <= R and r.weekly_ramp.enabled:
            previous = [p for p in range(1, w) if p not in cal.deload_weeks]
            ref = self.e[previous[-1]] if previous else athlete.current_weekly_minutes
            cap = min(cap, (1 + r.weekly_ramp.max_increase) * ref)
        elif w > R and r.taper.enabled:
            low, high = r.taper.volume_bands[w - R - 1]   # the taper band's middle, of the peak week
            cap = min(cap, (low + high) / 2 * max(self.e[p] for p in range(1, R + 1)))
        return cap * SAFETY

    # --- one week --------------------------------------------------------------------------
    def week(self, w: int) -> dict[int, tuple[str, int]]:
        cal, phase = self.cal, self.cal.phase_by_week[w]
        days = [d for d in cal.training_days_of_week(w) if cal.max_minutes(d) > 0]
        target = self.volume_cap(w) * cal.week_length(w) / 7
        e_target = self.volume_cap(w)
        long_day = self._long_day(w, days)
        hard_days = self._hard_days(w, days, long_day)
        limit = self.sc.availability.max_running_days_per_week
        if limit is not None:  # the biggest days beside the long run and the quality days
            fixed = [d for d in days if d == long_day or d in hard_days]
            others = sorted((d for d in days if d not in fixed), key=lambda d: -cal.max_minutes(d))
            days = sorted(fixed + others[: max(0, limit - len(fixed))])
        kinds = self._kinds(w, phase, days, long_day, hard_days)
        plan = self._minutes(w, kinds, target, e_target)
        for d, (name, _) in plan.items():
            if name != REST and (self.cat[name].hard or (self.cat[name].long and self._long_is_hard())):
                self.last_hard = max(self.last_hard, d)
        v = sum(m for _, m in plan.values())
        self.e[w] = v * 7 / cal.week_length(w)
        self.running[w] = sum(1 for _, m in plan.values() if m > 0)
        self.longest = max([self.longest, *(m for _, m in plan.values())])
        return plan

    def _long_day(self, w: int, days: list[int]) -> int | None:
        if not self.rules.long_run.enabled or w == self.cal.n_weeks or not days:
            return None
        preferred = [d for d in days if self.cal.weekday(d) == self.sc.availability.long_run_day]
        return preferred[0] if preferred else days[-1]

    def _hard_days(self, w: int, days: list[int], long_day: int | None) -> list[int]:
        he, rw = self.rules.hard_easy, self.rules.race_week
        limit = he.max_hard_per_week if he.enabled else 2
        gap = he.min_easy_days_between + 1 if he.enabled else 1
        race = self.cal.race_day
        if w == self.cal.n_weeks and rw.enabled:
            limit = min(limit, rw.max_hard_sessions)
        quotas = self.rules.quotas.per_phase.get(self.cal.phase_by_week[w], {}) if self.rules.quotas.enabled else {}
        required = sum(b.min for k, b in quotas.items() if k in self.cat and self.cat[k].hard)
        limit = min(limit, max(len(days) - 2, required))  # an easy day beside the long run, quotas permitting
        chosen: list[int] = []
        for d in days:
            if len(chosen) >= limit or d == long_day:
                continue
            if w == self.cal.n_weeks and rw.enabled and race - d <= rw.easy_days_before_race:
                continue
            if he.enabled and (d - max([self.last_hard, *chosen]) < gap or race - d < gap):
                continue
            if long_day is not None and abs(d - long_day) < (gap if self._long_is_hard() else 1):
                continue
            chosen.append(d)
        return chosen

    def _long_is_hard(self) -> bool:
        """The long run counts as a hard day for the spacing rules (``long_run_counts_as_hard``)."""
        he = self.rules.hard_easy
        return he.enabled and getattr(he, "long_run_counts_as_hard", False)

    def _allowed(self, name: str, phase: str) -> bool:
        return name in self.cat and (not self.rules.phases.enabled or phase in self.cat[name].phases)

    def _kinds(self, w: int, phase: str, days: list[int], long_day: int | None,
               hard_days: list[int]) -> dict[int, str]:
        quotas = self.rules.quotas.per_phase.get(phase, {}) if self.rules.quotas.enabled else {}
        wanted = [k for k, b in quotas.items() if k != ANY_HARD and b.min > 0 and self._allowed(k, phase)
                  for _ in range(b.min)]
        hard_wanted = [k for k in wanted if self.cat[k].hard]
        easy_wanted = [k for k in wanted if not self.cat[k].hard]
        hard_wanted += [k for k in PREFERRED_HARD.get(phase, ()) if self._allowed(k, phase) and k not in hard_wanted]
        kinds: dict[int, str] = {}
        for d, name in zip(hard_days, hard_wanted, strict=False):
            kinds[d] = name
        strides_left = quotas.get("strides").max if "strides" in quotas and quotas["strides"].max is not None else 7
        for d in days:
            if d in kinds:
                continue
            if d == long_day:
                kinds[d] = "long"
            elif easy_wanted:
                kinds[d] = easy_wanted.pop(0)
                strides_left -= kinds[d] == "strides"
            else:
                kinds[d] = "easy" if self._allowed("easy", phase) or "recovery" not in self.cat else "recovery"
        return kinds

    # --- minutes ---------------------------------------------------------------------------
    def _caps(self, w: int, kinds: dict[int, str], e_ref: float) -> dict[int, float]:
        """Each day's cap: availability, session type, growth, long-run share and cap, quality caps."""
        cal, lr, qc = self.cal, self.rules.long_run, self.rules.quality_caps
        growth_cap = (1 + lr.max_growth) * self.longest * SAFETY if lr.enabled else math.inf
        cap = {d: min(cal.max_minutes(d), self.cat[k].max_minutes, growth_cap) for d, k in kinds.items()}
        long_day = next((d for d, k in kinds.items() if self.cat[k].long), None)
        if long_day is not None and lr.enabled:
            share = lr.share_for(sum(1 for k in kinds if self.cal.max_minutes(k) > 0))
            cap[long_day] = min(cap[long_day], lr.max_minutes, share * e_ref * SAFETY)
        for d, k in kinds.items():
            kind = self.cat[k]
            if not qc.enabled or kind.quality_fraction == 0 or kind.quality_kind == "none":
                continue
            share = (qc.marathon_pace_max_minutes if kind.quality_kind == "marathon_pace"
                     else getattr(qc, f"{kind.quality_kind}_share") * e_ref * SAFETY)
            cap[d] = min(cap[d], share / kind.quality_fraction)
        if long_day is not None and lr.enabled:  # the long run is the week's longest
            cap = {d: min(c, cap[long_day]) for d, c in cap.items()}
        return cap

    def _minutes(self, w: int, kinds: dict[int, str], target: float, e_target: float) -> dict[int, tuple[str, int]]:
        """Long run and quality days at their caps, the easy days share the rest; the caps are
        shares of the week, so this repeats with the week's actual volume until they hold for it."""
        n, e_ref, min_days = self.cal.week_length(w), e_target, self._min_running_days(w)
        plan: dict[int, tuple[str, int]] = {}
        for _ in range(50):
            plan = self._intensity_mix(self._fill(kinds, self._caps(w, kinds, e_ref), target, min_days))
            e_actual = sum(m for _, m in plan.values()) * 7 / n
            if e_actual >= e_ref - 1e-9:
                break
            e_ref = e_actual
        return plan

    def _min_running_days(self, w: int) -> int:
        taper, R = self.rules.taper, self.cal.loading_weeks
        return self.running.get(R, 0) - 1 if taper.enabled and taper.keep_frequency and w > R else 0

    def _fill(self, kinds: dict[int, str], cap: dict[int, float], target: float,
              min_days: int) -> dict[int, tuple[str, int]]:
        """Minutes per day: fixed days (long, quality) at their cap, the others share the rest;
        days with too little volume rest (quota days and the taper's frequency are kept)."""
        fixed = [d for d, k in kinds.items() if self.cat[k].long or self.cat[k].hard]
        plan = {d: (kinds[d], math.floor(cap[d])) for d in fixed if cap[d] >= self._floor(kinds[d])}
        kept = [d for d, k in kinds.items() if d not in fixed and k not in ("easy", "recovery")]
        spare = sorted((d for d, k in kinds.items() if k in ("easy", "recovery")), key=lambda d: -cap[d])
        left = target - sum(m for _, m in plan.values())
        while spare:
            easy = kept + spare
            if left / len(easy) >= max(self._floor(kinds[d]) for d in easy) or len(plan) + len(easy) <= min_days:
                break
            spare.pop()   # too little volume for every day: the smallest day rests
        easy = sorted(kept + spare, key=lambda d: cap[d])
        for i, d in enumerate(easy):
            m = max(self._floor(kinds[d]), math.floor(min(cap[d], left / (len(easy) - i))))
            plan[d] = (kinds[d], min(m, math.floor(cap[d])))
            left -= plan[d][1]
        plan = {d: (k, m) if m >= self._floor(k) else (REST, 0) for d, (k, m) in plan.items()}
        return self._trim(plan, target, order=kept + spare + fixed)

    def _trim(self, plan: dict[int, tuple[str, int]], target: float, order: list[int]) -> dict[int, tuple[str, int]]:
        """Volume over the target (from session minimums) comes off easy, then quality, then long days."""
        over = sum(m for _, m in plan.values()) - math.floor(target)
        for d in order:
            name, m = plan.get(d, (REST, 0))
            if over <= 0:
                break
            if name == REST:
                continue
            cut = min(over, m - self._floor(name))
            plan[d] = (name, m - cut)
            over -= cut
        return plan

    def _floor(self, name: str) -> int:
        return max(1, self.cat[name].min_minutes)

    def _intensity_mix(self, plan: dict[int, tuple[str, int]]) -> dict[int, tuple[str, int]]:
        """Shorten quality sessions (down to their minimum) until the week is easy enough."""
        rule = self.rules.intensity_mix
        if not rule.enabled:
            return plan
        total = sum(m for _, m in plan.values())
        for d, (name, m) in sorted(plan.items(), key=lambda item: -self._quality(*item[1])):
            low = sum(m2 - self._quality(n2, m2) for n2, m2 in plan.values())
            if low >= rule.min_low_intensity_share * total * 1.001 or name == REST:
                break
            qf = self.cat[name].quality_fraction
            need = rule.min_low_intensity_share * total * 1.001 - low
            cut = min(m - self._floor(name), math.ceil(need / max(qf - (1 - rule.min_low_intensity_share), 1e-9)))
            plan[d] = (name, m - max(0, cut))
            total = sum(m2 for _, m2 in plan.values())
        return plan

    def _quality(self, name: str, minutes: int) -> float:
        return 0.0 if name == REST else self.cat[name].quality_fraction * minutes

    def plan(self) -> tuple[list[str], list[int]]:
        by_day: dict[int, tuple[str, int]] = {}
        for w in self.cal.weeks:
            by_day.update(self.week(w))
        days = self.cal.training_days
        return ([by_day.get(d, (REST, 0))[0] for d in days], [by_day.get(d, (REST, 0))[1] for d in days])


def template_plan(scenario: Scenario, catalogue: Catalogue) -> tuple[list[str], list[int]]:
    """Sessions and minutes per training day of the template plan."""
    return Template(scenario, catalogue).plan()
