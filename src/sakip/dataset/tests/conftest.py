from pathlib import Path

import pytest

_HERE = Path(__file__).resolve()
# The reference example of the format, beside the project (../shared), or the
# copy the demo ships when only the package is at hand.
_CANDIDATES = [
    _HERE.parents[4].parent / "shared" / "dataset" / "robatal-2020.yaml",
    _HERE.parents[2] / "demo" / "robatal-2020.yaml",
]
ROBATAL = next((p for p in _CANDIDATES if p.is_file()), _CANDIDATES[0])


@pytest.fixture(scope="session")
def robatal_path() -> Path:
    return ROBATAL


@pytest.fixture(scope="session")
def robatal_text() -> str:
    return ROBATAL.read_text(encoding="utf-8")
