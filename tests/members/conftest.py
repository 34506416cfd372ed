import pytest

ROLES = ["visitor", "applicant", "member", "representative", "coordinator"]


@pytest.fixture
def as_role(client, request):
    """Return a client logged in as the named role (a visitor is anonymous)."""

    def login(role):
        if role != "visitor":
            client.force_login(request.getfixturevalue(role))
        return client

    return login
