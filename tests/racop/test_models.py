import pytest
from django.contrib.auth.models import Group, Permission

from racop.markdown import render_markdown
from racop.services import COORDINATORS_GROUP

pytestmark = pytest.mark.django_db


def test_coordinators_group_can_curate_the_community_data():
    group = Group.objects.get(name=COORDINATORS_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_topic", "add_page", "change_user", "view_organisation"} <= codenames
    assert not group.permissions.filter(content_type__app_label="auth").exists()


def test_coordinators_do_not_get_permissions_outside_the_community_data():
    group = Group.objects.get(name=COORDINATORS_GROUP)
    assert group.permissions.count() < Permission.objects.count()


@pytest.mark.parametrize(
    ("text", "expected", "forbidden"),
    [
        ("<img src=x onerror=alert(1)>", "", "onerror"),
        ("[a](javascript:alert(1))", "<a", "javascript:"),
        ("<iframe src='https://evil.example'></iframe>", "", "<iframe"),
        ("# Title\n\n- one\n- two", "<li>one</li>", "<script"),
    ],
)
def test_markdown_keeps_text_and_drops_danger(text, expected, forbidden):
    html = render_markdown(text)
    assert expected in html
    assert forbidden not in html


def test_markdown_of_nothing_is_empty():
    assert render_markdown(None) == ""
