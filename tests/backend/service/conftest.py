import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "domain"))

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402
from complaint_catalog_sample import sample_catalog  # noqa: E402
from sunlight.code_key import StaticCodeKey  # noqa: E402
from sunlight.service import ComplaintService  # noqa: E402
from sunlight.store.sqlite import SqliteStore  # noqa: E402


@pytest.fixture
def service(tmp_path) -> Iterator[ComplaintService]:  # type: ignore[no-untyped-def]
    store = SqliteStore(tmp_path / "sunlight.sqlite3")
    yield ComplaintService(store, sample_catalog(), code_key=StaticCodeKey(b"service-tests-" * 3))
    store.close()
