import pytest

from sakip.web.testing import DuniaWeb, dunia_web


@pytest.fixture
def dunia(db) -> DuniaWeb:
    return dunia_web()
