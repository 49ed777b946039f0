"""The OpenAPI document: kept in docs/, served by the app, true to the routes, and a fuzzing target.

The fuzz run (Schemathesis over Hypothesis) sends schema-valid and schema-violating requests to the
app on every backend and requires no 500, only documented statuses and content types, and bodies in
the documented shapes. Half of the session calls use a real session and its token, and half of the
feedback calls a real question, so turns, transcripts, deletions and scoring are exercised, not only
the 404 path.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"
FUZZ_EXAMPLES = 2000  # per backend; about twenty seconds each on a small machine
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance, negative_data_rejection]
IGNORED_METHODS = {"HEAD", "OPTIONS"}


def test_the_document_is_served_as_yaml_and_as_json(client):
    text = DOCUMENT.read_text(encoding="utf-8")
    as_yaml = client.get("/api/openapi.yaml")
    assert as_yaml.status_code == 200 and as_yaml.mimetype == "application/yaml"
    assert as_yaml.get_data(as_text=True) == text
    as_json = client.get("/api/openapi.json")
    assert as_json.status_code == 200 and as_json.get_json() == yaml.safe_load(text)


def test_the_document_is_valid_openapi_3(app):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    schema.validate()
    assert schema.raw_schema["openapi"].startswith("3.")
    assert all(result.ok() for result in schema.get_all_operations())


def _routes(app) -> set[tuple[str, str]]:
    found = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/") or rule.rule == "/healthz":
            path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
            found |= {(path, method) for method in rule.methods - IGNORED_METHODS}
    return found


def test_every_api_route_is_documented_and_every_documented_operation_exists(app):
    document = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
    documented = {(path, method.upper()) for path, item in document["paths"].items()
                  for method in item if method in {"get", "post", "put", "patch", "delete"}}
    assert _routes(app) == documented


@pytest.mark.slow
def test_fuzzing_finds_no_server_error_and_no_undocumented_response(app, engine):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    cases = st.one_of(*[operation.as_strategy(mode) for operation in operations
                        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)])
    questions = st.sampled_from(sorted(engine.knowledge.questions))
    client = app.test_client()

    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=cases, real=st.booleans(), question_id=questions)
    def exercise(case, real, question_id):
        if real and "session_id" in (case.path_parameters or {}):
            created = client.post("/api/sessions").get_json()
            case.path_parameters["session_id"] = created["session"]["id"]
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {created['token']}"}
        if real and case.path == "/api/feedback" and isinstance(case.body, dict):
            case.body = {**case.body, "question_id": question_id}
        response = case.call()
        case.validate_response(response, checks=CHECKS)
        headers = {name.lower(): values[0] for name, values in response.headers.items()}
        assert headers.get("x-content-type-options") == "nosniff"
        assert "frame-ancestors 'none'" in headers.get("content-security-policy", "")

    exercise()
