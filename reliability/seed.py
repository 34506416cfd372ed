"""Seed the soak test's database: demo content, 60 approved members and events with seats.

Run with the same environment as the server: ``python -m reliability.seed``. Idempotent.
Every member's email is ``soak-NN@example.org`` and every password is ``PASSWORD``.
"""

import datetime
import os

MEMBERS = 60
PASSWORD = "soak-member-password-2026"
EVENTS = 5
EVENT_CAPACITY = 40


def member_email(number):
    return f"soak-{number:02d}@example.org"


def seed_members():
    """Create approved members with verified emails and known passwords."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from members.models import User

    now = timezone.now()
    # One hash for all: hashing is slow on purpose, and every member has the same password.
    password = make_password(PASSWORD)
    for number in range(MEMBERS):
        email = member_email(number)
        user, _ = User.objects.get_or_create(
            username=email,
            defaults={
                "email": email,
                "first_name": "Soak",
                "last_name": f"Member {number:02d}",
                "member_since": now,
                "password": password,
            },
        )
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )


def seed_events():
    """Create upcoming online events with limited seats."""
    from django.utils import timezone

    from discussions.models import Event

    start = timezone.now() + datetime.timedelta(days=30)
    for number in range(EVENTS):
        Event.objects.get_or_create(
            slug=f"soak-convening-{number}",
            defaults={
                "title": f"Soak convening {number}",
                "starts_at": start + datetime.timedelta(days=number),
                "ends_at": start + datetime.timedelta(days=number, hours=2),
                "time_zone": "Europe/Belgrade",
                "online_url": "https://meet.example.org/soak",
                "description": "A convening the load test registers for.",
                "capacity": EVENT_CAPACITY,
            },
        )


def main():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "racop.settings")
    django.setup()
    from django.core.management import call_command

    from racop.models import Topic

    call_command("seed_demo", verbosity=0)
    Topic.objects.get_or_create(
        slug="soak-topic",
        defaults={"name": "Soak test topic", "description": "Where the load test posts."},
    )
    seed_members()
    seed_events()
    print(f"Seeded {MEMBERS} members ({member_email(0)} …, password {PASSWORD}).")


if __name__ == "__main__":
    main()
