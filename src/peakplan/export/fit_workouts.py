"""FIT workout files (Garmin's FIT SDK, ``garmin-fit-sdk``), one per running day, in a zip.

Each file holds a ``file_id`` (type workout), a ``workout`` (sport running) and its
``workout_step`` messages: time-based steps with a custom speed target when paces are known
(open target otherwise), and ``repeat_until_steps_cmplt`` steps for repeats, as the FIT
profile's workout file description prescribes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from garmin_fit_sdk import Encoder, Profile

from peakplan.plan.file import PlanDay, PlanFile
from peakplan.workouts.model import Repeat, Step, Workout
from peakplan.workouts.text import target_text

MESG_NUM = {name: num for num, name in Profile["types"]["mesg_num"].items()}
INTENSITY = {("warmup", "run"): "warmup", ("cooldown", "run"): "cooldown", ("main", "run"): "active",
             ("main", "work"): "active", ("main", "recovery"): "recovery"}
NAME_CHARS = 40  # workout and step names are kept short: watches show about this much


def _speed_mm_per_s(s_per_km: float) -> int:
    """FIT speed targets are m/s with scale 1000 (FIT profile: custom_target_speed_low/high)."""
    return round(1_000_000 / s_per_km)


def _step_mesg(step: Step, index: int) -> dict[str, Any]:
    mesg: dict[str, Any] = {
        "mesg_num": MESG_NUM["workout_step"], "message_index": index, "wkt_step_name": step.label[:NAME_CHARS],
        "duration_type": "time", "duration_value": step.duration_s * 1000,  # ms (scale 1000)
        "intensity": INTENSITY.get((step.part, step.kind), "active"), "notes": target_text(step.target),
    }
    if step.target.s_per_km is None:
        mesg.update(target_type="open", target_value=0)
    else:
        slow, fast = step.target.s_per_km
        mesg.update(target_type="speed", target_value=0, custom_target_value_low=_speed_mm_per_s(slow),
                    custom_target_value_high=_speed_mm_per_s(fast))
    return mesg


def step_mesgs(workout: Workout) -> list[dict[str, Any]]:
    """The workout_step messages; a repeat is its steps then a repeat step pointing back at the first."""
    mesgs: list[dict[str, Any]] = []
    for block in workout.blocks:
        steps = block.steps if isinstance(block, Repeat) else (block,)
        first = len(mesgs)
        mesgs += [_step_mesg(s, len(mesgs) + i) for i, s in enumerate(steps)]
        if isinstance(block, Repeat) and block.times > 1:
            mesgs.append({"mesg_num": MESG_NUM["workout_step"], "message_index": len(mesgs),
                          "duration_type": "repeat_until_steps_cmplt", "duration_value": first,
                          "target_value": block.times})
    return mesgs


def workout_fit(workout: Workout, name: str, created: dt.datetime) -> bytes:
    """One FIT workout file."""
    steps = step_mesgs(workout)
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": MESG_NUM["file_id"], "type": "workout", "manufacturer": "development",
                        "product": 0, "time_created": created})
    encoder.write_mesg({"mesg_num": MESG_NUM["workout"], "sport": "running", "num_valid_steps": len(steps),
                        "wkt_name": name[:NAME_CHARS]})
    for mesg in steps:
        encoder.write_mesg(mesg)
    return encoder.close()


def file_name(day: PlanDay) -> str:
    """``YYYY-MM-DD-session.fit``: letters, digits and dashes only, so no entry name can hold a
    folder (``../``, an absolute path) whatever the plan file says the session is."""
    session = re.sub(r"[^A-Za-z0-9]+", "-", day.session).strip("-")[:40] or "run"
    return f"{day.date.isoformat()}-{session}.fit"


def workout_name(day: PlanDay, workout: Workout) -> str:
    return f"{day.date:%m-%d} {workout.title}"


def to_fit_zip(plan: PlanFile, now: dt.datetime | None = None) -> bytes:
    """A zip of FIT workout files, one per running day, named ``YYYY-MM-DD-session.fit``."""
    created = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    buffer = io.BytesIO()
    names: set[str] = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for day in plan.days:
            if day.workout is not None and day.minutes > 0:
                name = file_name(day)
                while name in names:  # a plan that lists a date twice still gives distinct entries
                    name = name.removesuffix(".fit") + "-2.fit"
                names.add(name)
                info = zipfile.ZipInfo(name, date_time=created.timetuple()[:6])
                archive.writestr(info, workout_fit(day.workout, workout_name(day, day.workout), created))
    return buffer.getvalue()
