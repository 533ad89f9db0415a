"""schemathesis against the service's own OpenAPI description (in process, through ASGI): no
generated request may produce a server error. Bounded in examples so it stays quick."""

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings

from peacewatch.api import Settings, create_app, key_digest
from synthetic import START, make_store, strike

schemathesis = pytest.importorskip("schemathesis")
EXAMPLES = 30


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    store = make_store(tmp_path_factory.mktemp("schema"), effect=False, days=60)
    store.import_incidents([strike(START + timedelta(days=3), 4, 999)])
    app = create_app(Settings(key_hashes=[key_digest("k")], max_body=20_000), store=store)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_no_generated_request_gets_a_server_error(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case):
            response = case.call()
            assert response.status_code < 500, (case.method, case.formatted_path, case.query, response.text[:300])
            assert "error" in response.json() if response.status_code >= 400 else True

        check()
