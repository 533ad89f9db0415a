"""The API's description as a page served by the service itself: every path, its parameters and
what it answers, from the OpenAPI document (the machine-readable form is at /openapi.json)."""

from __future__ import annotations

from peacewatch.present.templating import add_package_templates

_env = add_package_templates("peacewatch.web")


def render_openapi(spec: dict) -> str:
    """HTML for an OpenAPI document."""
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p.get("name"), "where": p.get("in"), "required": p.get("required", False),
                       "schema": p.get("schema", {}), "description": p.get("description") or
                       p.get("schema", {}).get("description", "")} for p in op.get("parameters", [])]
            operations.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                               "description": op.get("description", ""), "params": params,
                               "body": "requestBody" in op, "tags": op.get("tags", [])})
    return _env.get_template("docs.html").render(spec=spec, operations=operations)
