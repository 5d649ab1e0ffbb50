"""The data contract in words (docs/sakip-dataset-1.md) names exactly the keys
of the published JSON Schema: a key added to one and not the other fails."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sakip.dataset.schema import load_schema

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "sakip-dataset-1.md"

# A table row whose first cell is one key in backticks: | `kode` | ... | yes |
_KEY_ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|")


def table(heading: str) -> list[tuple[str, bool]]:
    """(key, required) of each row of the tables under ``## heading``."""
    sections = re.split(r"^## ", DOC.read_text(encoding="utf-8"), flags=re.MULTILINE)
    [body] = [s for s in sections if s.splitlines()[0].strip() == heading]
    rows = []
    for line in body.splitlines():
        if m := _KEY_ROW.match(line):
            last = line.rstrip().rstrip("|").rsplit("|", 1)[-1].strip()
            rows.append((m.group(1), last == "yes"))
    return rows


def _sections(schema: dict) -> dict:
    return schema


def _indicator(schema: dict) -> dict:
    return schema["$defs"]["indikator"]


# The doc's heading and the part of the schema it describes.
TABLES = [("Sections", _sections), ("Indicator", _indicator)]


@pytest.mark.parametrize(("heading", "spec_of"), TABLES)
def test_the_doc_lists_exactly_the_keys_of_the_schema(heading, spec_of):
    keys = [key for key, _ in table(heading)]
    assert len(keys) == len(set(keys)), f"a key is listed twice under {heading}"
    assert sorted(keys) == sorted(spec_of(load_schema())["properties"])


@pytest.mark.parametrize(("heading", "spec_of"), TABLES)
def test_the_required_column_agrees_with_the_schema(heading, spec_of):
    required = set(spec_of(load_schema())["required"])
    assert {key for key, yes in table(heading) if yes} == required


def test_the_readme_links_the_doc():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/sakip-dataset-1.md)" in readme
