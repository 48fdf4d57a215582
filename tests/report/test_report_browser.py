"""The report rendered by headless Chromium: the DOM has the charts and the calendar, and the
screenshot is a real picture (not one flat colour, with ink where the charts are).

Chromium is Debian's `chromium` package (installed by .ci/run). Without it the test is skipped
on a developer machine and fails in CI (CI=true), so CI cannot silently stop checking.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from peakplan.plan.io import read_plan
from peakplan.report.html import report_html

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
         "--hide-scrollbars", "--force-device-scale-factor=1")
WIDTH, HEIGHT = 1280, 1800


def chromium() -> str:
    found = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed: .ci/run must `apt-get install -y chromium` before the tests")
        pytest.skip("chromium is not installed (apt-get install chromium); CI runs this test")
    return found


def run_chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)


def render(html_path: Path, png: Path, tmp_path: Path, width: int = WIDTH, height: int = HEIGHT) -> str:
    """(DOM after rendering) and a screenshot of ``html_path``, each in a fresh profile."""
    url = html_path.resolve().as_uri()
    dom = run_chromium(tmp_path / "profile-dom", "--dump-dom", url)
    assert dom.returncode == 0 and "</html>" in dom.stdout, dom.stderr[-2000:]
    shot = run_chromium(tmp_path / "profile-shot", f"--screenshot={png}", f"--window-size={width},{height}", url)
    assert shot.returncode == 0 and png.is_file(), shot.stderr[-2000:]
    return dom.stdout


def test_report_renders_in_headless_chromium(plan_files, tmp_path):
    from matplotlib.image import imread

    html_path = tmp_path / "report.html"
    plans = [read_plan(p) for p in plan_files]
    html_path.write_text(report_html(plans, ["ramp 5 %", "ramp 15 %"]), encoding="utf-8")
    png = tmp_path / "report.png"
    dom = render(html_path, png, tmp_path)

    charts = re.findall(r'<figure class="chart" id="([\w-]+)">\s*<svg(.*?)</svg>', dom, re.DOTALL)
    assert [c[0] for c in charts] == ["volume-chart", "pmc-chart"]
    for _, svg in charts:
        assert svg.count("<path") > 20                       # bars and lines were drawn
    calendars = re.findall(r'<table class="calendar">(.*?)</table>', dom, re.DOTALL)
    assert len(calendars) == 2
    for calendar, plan in zip(calendars, plans, strict=True):
        assert calendar.count('<td class="day') == len(plan.days)
        assert re.search(r'class="day race[^"]*"', calendar) and "RACE" in calendar

    pixels = imread(png)[..., :3]                            # RGB floats in [0, 1]
    assert pixels.shape[:2] == (HEIGHT, WIDTH)
    flat = pixels.reshape(-1, 3)
    assert (flat != flat[0]).any(axis=1).mean() > 0.05       # not one colour
    ink = (pixels.sum(axis=2) < 2.7).mean()                  # darker than near-white
    assert ink > 0.05, f"only {ink:.1%} of the page is drawn"
    colours = {tuple(c) for c in (flat[::97] * 255).astype(int)}
    assert len(colours) > 30                                 # charts and tables, not a blank frame
