"""A crafted plan file cannot inject into what the exports make: CSV formulas are quoted, HTML and
links in Markdown are text, FIT entry names hold no folder, ICS one-line fields hold no line break;
CSV minutes are rounded to 0.01 and still add up."""

from __future__ import annotations

import csv
import io
import zipfile
from typing import Any

import pytest
from synthetic_plan import plan_file, shipped_plan

from peakplan.export import render
from peakplan.export.csv_rows import split_minutes

EVIL_NAME = "evil\nname\r\t[/] <script>alert(1)</script> [x](javascript:alert(1)) =cmd|' /C calc'!A0 \x1b[31m"


@pytest.fixture(scope="module")
def evil() -> Any:
    plan = shipped_plan()
    plan["scenario"]["name"] = EVIL_NAME
    for day in plan["days"][:10]:
        if day["workout"] is not None:
            day["session"] = day["workout"]["session"] = "../../etc/=evil\n"
            day["workout"]["title"] = "=HYPERLINK(\"http://x\")<img src=x onerror=alert(1)>"
    return plan_file(plan)


def test_csv_cells_cannot_be_formulas(evil):
    rows = list(csv.reader(io.StringIO(render(evil, "csv").decode("utf-8"))))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert "\x1b" not in cell
    assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)


def test_markdown_escapes_html_links_and_control_characters(evil):
    text = render(evil, "md").decode("utf-8")
    assert "<script>" not in text and "<img" not in text and "&lt;script&gt;" in text
    assert "](javascript" not in text and "\x1b" not in text
    assert text.splitlines()[0].startswith("# evil name")  # one heading line


def test_fit_entry_names_hold_no_folder(evil):
    names = zipfile.ZipFile(io.BytesIO(render(evil, "fit"))).namelist()
    assert names and all("/" not in n and "\\" not in n and ".." not in n and n.endswith(".fit") for n in names)
    assert len(names) == len(set(names))


def test_ics_has_no_broken_content_lines(evil):
    text = render(evil, "ics").decode("utf-8")
    for line in text.split("\r\n"):
        assert "\n" not in line and "\r" not in line
    assert "X-WR-CALNAME:evil name" in text


@pytest.mark.parametrize("parts", [[1180, 2500, 520], [220], [20, 20, 20], [0, 0, 0], [599, 1, 3600]])
def test_csv_minutes_are_rounded_and_add_up(parts):
    minutes = split_minutes(parts)
    assert all(len(m.partition(".")[2]) <= 2 for m in minutes)
    assert sum(float(m) for m in minutes) == pytest.approx(round(sum(parts) / 60, 2))
