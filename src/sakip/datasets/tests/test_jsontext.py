"""The stored JSON text gives back exactly the document it was made from."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.datasets import jsontext
from sakip.datasets.testing import assert_identical

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.decimals(allow_nan=False, allow_infinity=False)
    | st.text()
)
documents = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=30,
)


@given(documents)
def test_it_round_trips_any_document_exactly(doc):
    assert_identical(jsontext.loads(jsontext.dumps(doc)), doc)


@given(documents)
def test_it_round_trips_compact_text_too(doc):
    assert_identical(jsontext.loads(jsontext.dumps(doc, indent=None)), doc)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("826875.00"), "826875.00"),
        (Decimal("0.010"), "0.010"),
        (Decimal("-0"), "-0E0"),
        (Decimal("5"), "5E0"),
        (Decimal("1E+3"), "1E+3"),
        (Decimal("1.5E-7"), "1.5E-7"),
        (7, "7"),
        ("Kecamatan \u201cRobatal\u201d", '"Kecamatan \u201cRobatal\u201d"'),
    ],
)
def test_it_writes_numbers_and_text_as_they_are(value, text):
    assert jsontext.dumps(value) == text


@pytest.mark.parametrize("value", [0.5, {1: "a"}, {"a": {"b": [object()]}}, Decimal("NaN")])
def test_it_refuses_what_json_cannot_hold_exactly(value):
    with pytest.raises((TypeError, ValueError)):
        jsontext.dumps(value)


def test_it_names_where_the_bad_value_is():
    with pytest.raises(TypeError, match=r"^a\.b\[0\]: float"):
        jsontext.dumps({"a": {"b": [0.5]}})
