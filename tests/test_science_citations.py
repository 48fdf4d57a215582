"""Every `docs/science.md "Section"` citation in code, model files and docs names a real section."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITATION = re.compile(r'docs/science\.md\s+"([^"]+)"')


def _sections() -> set[str]:
    text = (ROOT / "docs" / "science.md").read_text(encoding="utf-8")
    return {line[3:].strip() for line in text.splitlines() if line.startswith("## ")}


def test_citations_point_at_existing_sections() -> None:
    sections = _sections()
    files = [p for folder in ("src", "models", "docs") for p in (ROOT / folder).rglob("*")
             if p.suffix in (".py", ".yaml", ".md")]
    cited = {(p.relative_to(ROOT), name) for p in files
             for name in CITATION.findall(p.read_text(encoding="utf-8"))}
    assert cited, "no citation found: the pattern is wrong"
    missing = sorted((str(p), name) for p, name in cited if name not in sections)
    assert not missing, f"citations of sections docs/science.md does not have: {missing}"


def test_no_comment_cites_a_file_outside_the_project() -> None:
    offenders = [str(p.relative_to(ROOT)) for folder in ("src", "models") for p in (ROOT / folder).rglob("*")
                 if p.suffix in (".py", ".yaml") and "SCIENCE.md" in p.read_text(encoding="utf-8")]
    assert not offenders
