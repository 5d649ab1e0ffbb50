"""The one JSON codec: every number is written so that both JSON readers (the
file reader and :func:`loads`) give back the same value of the same type."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from sakip.dataset.dump import dump_json
from sakip.dataset.errors import DatasetInvalid
from sakip.dataset.json_exact import decimal_text, dumps, loads
from sakip.dataset.read_json import read_json


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (7, "7"),
        (-7, "-7"),
        (D("826875.00"), "826875.00"),
        (D("0.010"), "0.010"),
        (D("5"), "5E0"),
        (D("-7"), "-7E0"),
        (D("-0"), "-0E0"),
        (D("100"), "100E0"),
        (D("1E+3"), "1E+3"),
        (D("1.5E-7"), "1.5E-7"),
        (D("0E-7"), "0E-7"),
    ],
)
def test_it_writes_each_number_once_and_both_readers_agree(value, text):
    assert dumps(value) == text
    assert dumps({"n": value}, indent=None) == f'{{"n": {text}}}'
    from_file = read_json(dump_json({"n": value}), "x.json")[0]["n"]
    stored = loads(dumps({"n": value}))["n"]  # type: ignore[index]
    for back in (from_file, stored):
        assert type(back) is type(value)
        assert str(back) == str(value)  # digits and exponent, not only ==


def test_text_stored_before_the_codec_moved_reads_back_identically():
    # The database holds documents written as 5E0 by sakip.ledger.jsontext.
    assert loads('{"ikm": 5E0, "pagu": 826875.00, "n": 3}') == {
        "ikm": D("5"),
        "pagu": D("826875.00"),
        "n": 3,
    }
    assert str(loads("5E0")) == "5"


@pytest.mark.parametrize("text", ["NaN", "[Infinity]", '{"a": -Infinity}'])
def test_loads_refuses_numbers_that_are_not_finite(text):
    with pytest.raises(ValueError, match="tidak diperbolehkan: nilai harus angka terhingga"):
        loads(text)


@pytest.mark.parametrize("value", [D("NaN"), D("Infinity"), D("-Infinity")])
def test_a_decimal_that_is_not_finite_is_refused(value):
    with pytest.raises(ValueError, match="is not a number JSON can hold"):
        decimal_text(value)


def test_the_file_reader_refuses_them_with_the_line():
    with pytest.raises(DatasetInvalid, match=r"x\.json, baris 2: .*NaN/Infinity"):
        read_json('{\n"a": NaN}', "x.json")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"a": {"b": [0.5]}}, r"^a\.b\[0\]: float is not allowed .*\(use Decimal\)"),
        ({"a": [{1: "x"}]}, r"^a\[0\]: key 1 is not a string"),
        ({"t": object()}, r"^t: object is not allowed"),
    ],
)
def test_it_names_where_a_value_it_cannot_write_is(value, message):
    with pytest.raises(TypeError, match=message):
        dumps(value)


def test_compact_text_is_one_line_and_indented_text_inlines_only_short_leaves():
    doc = {"a": {"2020": D("81.60"), "s": "é"}, "b": [{"c": D("0.10")}, [1]], "d": None}
    assert dumps(doc, indent=None) == (
        '{"a": {"2020": 81.60, "s": "é"}, "b": [{"c": 0.10}, [1]], "d": null}'
    )
    assert dumps(doc) == (
        '{\n  "a": {"2020": 81.60, "s": "é"},\n  "b": [\n    {"c": 0.10},\n    [1]\n  ],\n'
        '  "d": null\n}'
    )
