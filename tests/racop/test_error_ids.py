"""A field's error list carries its id once (Django's list has it; aria-describedby names it)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_a_fields_error_id_appears_once(client):
    response = client.post("/join/", {"first_name": "Ana", "consent": ""})
    html = response.content.decode()
    ids = re.findall(r'id="(id_\w+_error)"', html)
    assert ids, "the page shows no field error"
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert 'aria-describedby="id_email_error' in html or "id_email_error" in html
