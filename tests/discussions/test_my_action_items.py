"""A member's open action items from convenings are listed on their account page."""

import pytest

from tests.factories import ActionItemFactory

pytestmark = pytest.mark.django_db


def test_my_open_action_items_are_on_my_account_page(client, member):
    mine = ActionItemFactory(owner=member, text="Draft the feedback policy")
    done = ActionItemFactory(owner=member, text="Already finished", status="done")
    theirs = ActionItemFactory(text="Someone else's task")
    client.force_login(member)
    html = client.get("/me/").content.decode()
    assert "Your action items" in html
    assert mine.text in html
    assert mine.event.get_absolute_url() in html
    assert done.text not in html
    assert theirs.text not in html


def test_no_action_items_no_section(client, member):
    client.force_login(member)
    assert "Your action items" not in client.get("/me/").content.decode()


@pytest.mark.parametrize("size", [1, 10])
def test_account_page_query_count_is_flat_with_action_items(
    client, member, django_assert_max_num_queries, size
):
    ActionItemFactory.create_batch(size, owner=member)
    client.force_login(member)
    with django_assert_max_num_queries(12):
        assert client.get("/me/").status_code == 200
