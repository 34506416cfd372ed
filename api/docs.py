"""The OpenAPI 3.1 document and the documentation page made from it, served by the site."""

import functools
import json

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from api.operations import OPERATIONS, PARAMETERS
from api.views import api, conditional
from racop.ratelimit import parse_rate


@functools.cache
def openapi_document():
    """Return the OpenAPI document as JSON text (the same for the process's life)."""
    schema = api.get_openapi_schema()
    for methods in schema["paths"].values():
        for operation in methods.values():
            for parameter in operation.get("parameters", []):
                # Ninja copies the JSON schema's list of examples to the parameter, where
                # OpenAPI wants a map of Example Objects.
                if isinstance(parameter.get("examples"), list):
                    values = parameter.pop("examples")
                    parameter["examples"] = {
                        f"example{n}": {"value": value} for n, value in enumerate(values, 1)
                    }
    return json.dumps(schema, ensure_ascii=False)


@require_GET
def openapi_json(request):
    """Serve the OpenAPI 3.1 document of /api/v1/."""
    response = HttpResponse(openapi_document(), content_type="application/json")
    return conditional(request, response)


def value_hint(schema):
    """Return the allowed values or the kind of a parameter, read from its JSON schema."""
    options = schema.get("anyOf", [schema])
    schema = next((option for option in options if option.get("type") != "null"), schema)
    if schema.get("type") == "array":
        schema = schema.get("items", {})
    if "$ref" in schema:
        return ""
    if "enum" in schema:
        return ", ".join(str(value) for value in schema["enum"])
    return schema.get("format") or schema.get("type", "")


def enum_values(document, schema):
    """Follow a reference to an enumeration (the resource types) in the document."""
    options = schema.get("anyOf", [schema])
    for option in options:
        target = option.get("items", option).get("$ref")
        if target:
            name = target.rsplit("/", 1)[-1]
            return ", ".join(document["components"]["schemas"][name].get("enum", []))
    return ""


@require_GET
def api_docs(request):
    """Explain the API in the reader's language: each operation, its parameters, an example."""
    document = json.loads(openapi_document())
    operations = []
    for name, operation in OPERATIONS.items():
        described = document["paths"][operation.path]["get"]
        hints = {
            parameter["name"]: value_hint(parameter.get("schema", {}))
            or enum_values(document, parameter.get("schema", {}))
            for parameter in described.get("parameters", [])
        }
        operations.append(
            {
                "id": name.replace("_", "-"),
                "path": operation.path,
                "summary": gettext(operation.summary),
                "description": gettext(operation.description),
                "parameters": [
                    {
                        "name": key,
                        "description": gettext(PARAMETERS[key]),
                        "values": hints.get(key, ""),
                    }
                    for key in operation.parameters
                ],
                "request": f"GET {operation.path}",
                "command": f"curl '{settings.SITE_URL}{operation.path}{operation.example}'",
            }
        )
    count, seconds = parse_rate(settings.RATE_LIMITS["api"])
    context = {
        "operations": operations,
        "openapi_url": settings.SITE_URL + "/api/openapi.json",
        "limit": f"{count} / {seconds // 60} min" if seconds >= 60 else f"{count} / {seconds} s",
    }
    return render(request, "api/docs.html", context)
