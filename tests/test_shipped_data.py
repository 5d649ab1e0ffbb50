"""The demo ships the reference dataset of the format unchanged."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "dataset" / "robatal-2020.yaml"


@pytest.mark.skipif(not SHARED.is_file(), reason="../shared is not beside this checkout")
def test_the_shipped_robatal_dataset_is_the_reference_one():
    shipped = ROOT / "src" / "sakip" / "demo" / "robatal-2020.yaml"
    assert shipped.read_bytes() == SHARED.read_bytes()
