"""Accounts hold when a session is taken or the mail server fails: changes to the addresses
ask for the password again and are told to the owner; allauth's emails wait in the queue."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone, translation

from members.models import User
from members.notifications.models import OutgoingEmail
from members.notifications.services import email_deliver, email_queue, emails_send_due
from tests.factories import PASSWORD, TopicFactory
from tests.members.test_join import JOIN, application_data, person_data

pytestmark = pytest.mark.django_db


def test_joining_while_the_mail_server_fails_succeeds_and_the_email_is_sent_later(
    client, smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.refusals = 100  # every message refused for now
    topic = TopicFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN, {**person_data(), **application_data(topics=[topic.pk])})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="ana@example.org")
    assert user.join_applications.exists()

    confirmation = OutgoingEmail.objects.get(to="ana@example.org", text__contains="/confirm-email/")
    assert confirmation.status == OutgoingEmail.Status.QUEUED
    assert confirmation.attempts == 1 and confirmation.last_error
    assert confirmation.user == user

    smtp_server.refusals = 0
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())
    emails_send_due()
    confirmation.refresh_from_db()
    assert confirmation.status == OutgoingEmail.Status.SENT
    assert any(b"/confirm-email/" in message.content for message in smtp_server.received)


def email_page_post(client, data):
    return client.post(reverse("account_email"), data)


def test_adding_an_address_asks_for_the_password_again_and_tells_the_owner(
    client, member, django_capture_on_commit_callbacks
):
    client.force_login(member)  # a session someone else may hold: no password shown
    response = email_page_post(client, {"action_add": "", "email": "taker@example.org"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not EmailAddress.objects.filter(email="taker@example.org").exists()

    wrong = client.post(reverse("account_reauthenticate"), {"password": "a guess"})
    assert wrong.status_code == 200
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    with django_capture_on_commit_callbacks(execute=True):
        response = email_page_post(client, {"action_add": "", "email": "taker@example.org"})
    assert response.status_code == 302
    assert EmailAddress.objects.filter(user=member, email="taker@example.org").exists()
    told = OutgoingEmail.objects.get(to=member.email)
    assert "taker@example.org" in told.text
    assert "has been added to your account" in told.text


def test_a_new_primary_address_is_told_to_the_old_one(client, member):
    old = member.email
    EmailAddress.objects.create(user=member, email="second@example.org", verified=True)
    client.force_login(member)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = email_page_post(client, {"action_primary": "", "email": "second@example.org"})
    assert response.status_code == 302
    assert EmailAddress.objects.get_primary(member).email == "second@example.org"
    told = OutgoingEmail.objects.get(to=old)
    assert "second@example.org" in told.text


def test_a_password_change_is_told_to_the_owner(client, member):
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    new = "an entirely new pass phrase"
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert response.status_code == 302
    assert OutgoingEmail.objects.filter(to=member.email, subject__contains="Password").exists()


def test_a_line_break_in_a_subject_never_keeps_an_email_in_the_queue(mailoutbox):
    email = email_queue(
        to="a@example.org", subject="Re: A title\r\nwith a break\nand more", text="Body"
    )
    assert email.subject == "Re: A title with a break and more"
    # An email queued before (a thread's title or a name with a line break) leaves too.
    stuck = OutgoingEmail.objects.create(to="b@example.org", subject="Ana\nKovač replied", text="B")
    assert email_deliver(stuck.pk) == OutgoingEmail.Status.SENT
    assert mailoutbox[-1].subject == "Ana Kovač replied"


def test_login_by_code_pages_are_in_the_site_frame(client):
    response = client.get(reverse("account_request_login_code"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    login = client.get(reverse("account_login")).content.decode()
    assert reverse("account_request_login_code") in login


def test_signing_in_with_a_code_speaks_the_persons_language(client, member):
    with translation.override("sr"):
        request_url = reverse("account_request_login_code")
        confirm_url = reverse("account_confirm_login_code")
    assert request_url.startswith("/sr/")
    assert "Пријава кодом" in client.get(request_url).content.decode()
    response = client.post(request_url, {"email": member.email}, follow=True)
    assert response.wsgi_request.path == confirm_url
    html = response.content.decode()
    assert "Унесите код" in html and member.email in html
    email = OutgoingEmail.objects.get(to=member.email)
    assert "Ваш код за пријаву" in email.subject
    assert "Унесите га на страници" in email.text


def test_a_member_without_a_password_at_hand_confirms_it_is_them_with_a_code(client, member):
    client.force_login(member)
    response = client.post(
        reverse("account_request_reauthentication_code"), {"recipient": member.email}, follow=True
    )
    assert response.wsgi_request.path == reverse("account_confirm_reauthentication_code")
    assert "Enter the code" in response.content.decode()
    email = OutgoingEmail.objects.get(to=member.email)
    code = re.search(r"^\s*([A-Z]{4}-[A-Z]{4})\s*$", email.text, re.MULTILINE).group(1)
    client.post(reverse("account_confirm_reauthentication_code"), {"code": code})
    email_page_post(client, {"action_add": "", "email": "second@example.org"})
    assert EmailAddress.objects.filter(user=member, email="second@example.org").exists()
