import pytest

from sakip.web.testing import DuniaWeb, dunia_web, maks_query


@pytest.fixture
def dunia(db) -> DuniaWeb:
    return dunia_web()


@pytest.fixture(name="maks_query")
def _maks_query():
    """``with maks_query(20): ...``: the page budget counts the statements a
    page sends, without the test's own savepoints (around a session write)."""
    return maks_query
