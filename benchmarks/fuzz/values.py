"""Nasty values and text damage for the fuzzer: what a hostile or careless user could write."""

from __future__ import annotations

import datetime as dt
import math
import random

NASTY = [
    None, "", " ", "0", 0, -1, 1, 7, 2**31, 2**63, 10**25, 1e308, -1e308, 1e-320, -0.0, math.nan, math.inf,
    -math.inf, True, False, [], {}, [[[]]], {"x": {"y": {}}}, [1, "a", None],
    "21:00", "3:30", "3:30:00", "99:99", "-1:00", "1:00:00:00", "12:00", "2:00:00", "0:00", "0:00:01", "10:00:00",
    "2027-02-30", "2027-13-01", "0001-01-01", "9999-12-31", dt.date(1999, 1, 1), dt.date(2100, 1, 1),
    dt.date(2027, 3, 1), "3.1mi", "10 km", "5000 m", "26.2 miles", "1e8", "marathn", "5K", "Marathon", "half",
    "[/]", "[bold]x[/bold]", "[link=file:///etc/passwd]x[/link]", "<script>alert(1)</script>", "<b>&amp;</b>",
    "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)", "../../etc/passwd", "/etc/passwd", "/dev/zero", "/dev/stdin",
    "\x00", "\u202e", "\x1b[31mred", "日本語", "🏃" * 3, "a" * 300, "a" * 12000, "a\nb", "\r\n", "$x$", "$", "%s%n",
    "{{}}", "sun", "mon", "rest", "race", "easy", "long", "any_hard", "banister", "pmc", "catalogue", "x.yaml",
    "../x.yaml", 0.5, 1.5, 0.1, 100, 600, 601, 2000, 5000, -5, 3.7, "NaN", ".inf", "yes", "no", "on",
]

TEXT_DAMAGE = ["\t", ": :", "[", "{", "]", "}", "- ", "\n  x", "'", '"', "&a *a", "*undefined", "!!int abc",
               "!!bool maybe", "!!timestamp soon", "!!float x", "!!binary ???", "!!python/object:os.system x",
               "!!set {a: 1}", "!!omap [1]", "<<: 3", "? [a]\n: 1", "%YAML 1.1\n---\n", "---\n", "...\n",
               "\ufeff", "\x00", "\x1f", "\udcff", "#", "|\n", ">\n", "key: &x [*x]\n", "\n" * 3, "\\",
               "x: !!str [1]\n", "\u2028", "   ", "\x85"]


def nasty(rng: random.Random) -> object:
    return rng.choice(NASTY)


def alias_bomb(levels: int, width: int = 10) -> str:
    """A billion-laughs document: each level repeats the one below ``width`` times."""
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def deep(levels: int, flow: bool) -> str:
    if flow:
        return "x: " + "[" * levels + "]" * levels + "\n"
    return "".join(" " * (2 * i) + f"k{i}:\n" for i in range(levels)) + " " * (2 * levels) + "v\n"


def many_keys(n: int) -> str:
    return "".join(f"unknown_key_{i}: {i}\n" for i in range(n))


def damage_text(text: str, rng: random.Random) -> str:
    """A text-level change: insert, delete, duplicate or cut."""
    kind = rng.randrange(7)
    at = rng.randrange(len(text) + 1)
    if kind == 0:
        return text[:at] + rng.choice(TEXT_DAMAGE) + text[at:]
    if kind == 1:
        end = min(len(text), at + rng.randrange(1, 40))
        return text[:at] + text[end:]
    if kind == 2:
        lines = text.splitlines(keepends=True)
        if lines:
            i = rng.randrange(len(lines))
            lines.insert(i, lines[i])
        return "".join(lines)
    if kind == 3:
        return text[:at]
    if kind == 4:
        return text[:at] + "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(1, 8))) + text[at:]
    if kind == 5:
        return text.replace(": ", ":", 1) if rng.random() < 0.5 else text.replace("  ", "\t", 1)
    return text * rng.randrange(2, 4)
