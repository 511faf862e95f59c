"""What the OpenAPI document says a route answers: every status it can return, in its shape.

Error answers are `protocol.ErrorBody` (JSON) on the station API and HTML pages on the visitor
page; the check-in stream is `text/event-stream`. tests/central/test_fuzz.py holds the server to
this document with schemathesis (status documented, body matching its schema).
"""

from __future__ import annotations

from typing import Any

from app.sync.protocol import ErrorBody

ERROR_BODY: dict[str, Any] = {"model": ErrorBody}
HTML: dict[str, Any] = {
    "description": "An HTML page",
    "content": {"text/html": {"schema": {"type": "string"}}},
}
EVENT_STREAM: dict[str, Any] = {
    "description": "Server-sent events: `checkin` events whose data is a CheckinOut in JSON",
    "content": {"text/event-stream": {"schema": {"type": "string"}}},
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route that can answer these statuses with an ErrorBody."""
    return {status: ERROR_BODY for status in statuses}


_ERROR_REF = {"$ref": "#/components/schemas/ErrorBody"}


def tidy(document: dict[str, Any]) -> dict[str, Any]:
    """Make the generated document say what the server sends: every error is an ErrorBody in
    JSON, whatever the route's own media type (FastAPI files a model under the route's type), and
    a validation error (422) is an ErrorBody too (see app.create_app), not FastAPI's default."""
    for methods in document.get("paths", {}).values():
        for operation in methods.values():
            for status, response in operation.get("responses", {}).items():
                schemas = [c.get("schema") for c in response.get("content", {}).values()]
                if status == "422" or _ERROR_REF in schemas:
                    response["content"] = {"application/json": {"schema": dict(_ERROR_REF)}}
                    if status == "422":
                        response["description"] = "Invalid input"
    components = document.get("components", {}).get("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    return document
