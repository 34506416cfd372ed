"""How members' workflows tell people things: a port the notifications app fills in.

members sits below members.notifications (whose notifications and emails belong to
members' people), so it never imports it: NotificationsConfig.ready() registers here the
functions that send, as the feature apps register their sections and data exports.
"""

from django.core.exceptions import ImproperlyConfigured

_senders = {}


def senders_register(*, notification_send, email_coordinators, email_queue):
    """Set the functions that notify people, email the coordinators and queue an email."""
    _senders.update(
        notification_send=notification_send,
        email_coordinators=email_coordinators,
        email_queue=email_queue,
    )


def _sender(name):
    try:
        return _senders[name]
    except KeyError:
        raise ImproperlyConfigured(
            "members.notify has no sender: install the members.notifications app."
        ) from None


def notification_send(**kwargs):
    """Notify people: members.notifications.services.notification_send takes the arguments."""
    return _sender("notification_send")(**kwargs)


def email_coordinators(*, subject, template, context):
    """Queue an email to the coordinators' address, in their language: subject may be lazy
    and context a function without arguments, so both are made in that language."""
    return _sender("email_coordinators")(subject=subject, template=template, context=context)


def email_queue(**kwargs):
    """Queue one email: members.notifications.services.email_queue takes the arguments."""
    return _sender("email_queue")(**kwargs)
