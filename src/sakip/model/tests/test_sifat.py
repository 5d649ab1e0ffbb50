"""Property: every generated document builds a model, and the engine gives
the same result from the plain document as from its model."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from sakip.dataset.baca import baca_dataset
from sakip.dataset.tests.strategi_dokumen import dokumen
from sakip.engine.laporan import Laporan, hitung_laporan
from sakip.model import Dokumen, dokumen_dari

DEMO = Path(__file__).resolve().parents[2] / "demo"


def _hitung(doc: object) -> Laporan | str:
    # A document the validator would refuse (a band without a lower bound)
    # may stop the engine: then both ways must stop with the same reason.
    try:
        return hitung_laporan(doc)  # type: ignore[arg-type]
    except ValueError as exc:
        return f"{type(exc).__name__}: {exc}"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dokumen())
def test_every_document_builds_a_model_that_computes_the_same(doc):
    model = dokumen_dari(doc)
    assert isinstance(model, Dokumen)
    assert dokumen_dari(doc) == model  # building is deterministic
    assert _hitung(doc) == _hitung(model)


@pytest.mark.parametrize("nama", ["robatal-2020", "torjun-2022"])
def test_the_shipped_datasets_compute_the_same_from_the_model(nama):
    doc = baca_dataset(DEMO / f"{nama}.yaml").doc
    assert hitung_laporan(doc) == hitung_laporan(dokumen_dari(doc))
