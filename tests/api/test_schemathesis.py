"""Every operation of the public API against its own OpenAPI document, on a running server.

Schemathesis reads /api/openapi.json from the live server and sends each operation requests
made from the schema (valid ones and ones it breaks on purpose: huge numbers, odd unicode,
wrong types): no answer may be a server error, and every answer must be one the document
declares, with the declared content type and shape.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.operations import OPERATIONS
from library.models import Collection, CollectionItem
from tests.factories import EventFactory, PageFactory, ResourceFactory, TopicFactory

# Examples per operation and mode: the whole run stays under a minute.
EXAMPLES = 15
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_schema(live_server, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": "100000/m"}
    topic = TopicFactory(slug="budgets")
    collection = Collection.objects.create(title="First", slug="first", is_published=True)
    for n, visibility in enumerate(["public", "public", "members"]):
        resource = ResourceFactory(
            slug=f"resource-{n}", visibility=visibility, languages=["en"], countries=["MK"]
        )
        resource.topics.add(topic)
        resource.tags.add("feedback")
        CollectionItem.objects.create(collection=collection, resource=resource, position=n)
    EventFactory(slug="convening")
    PageFactory(slug="about")
    return schemathesis.openapi.from_url(f"{live_server.url}/api/openapi.json")


def conforms(operation, mode):
    """Run Hypothesis over the operation's cases in one mode; raise at the first failure."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(checks=CHECKS)

    run()


def test_every_operation_conforms_to_its_schema(api_schema):
    """One server and one set of data for all: schemathesis's lazy pytest loader does not run
    under pytest 9, and emptying the database after each operation would cost more than
    the run."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert sorted(op.path for op in operations) == sorted(o.path for o in OPERATIONS.values())
    failures = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                conforms(operation, mode)
            except Exception as error:  # every operation's failures, not only the first
                failures.append(f"{operation.method.upper()} {operation.path} ({mode}): {error}")
    assert not failures, "\n\n".join(failures)
