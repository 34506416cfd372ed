from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "members.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from members import data_export, notify
        from members.notifications import services
        from members.notifications.models import (
            DigestLog,
            Newsletter,
            NewsletterDelivery,
            Notification,
            OutgoingEmail,
        )

        data_export.register(Notification)
        data_export.register(DigestLog)
        data_export.register(NewsletterDelivery)
        data_export.register(Newsletter, user_fields=("created_by",))
        # The text of emails sent to the person stays out of the export; the list of them is in.
        data_export.register(OutgoingEmail, exclude=("text", "html", "attachments", "headers"))
        # members' own workflows (applications and their review) notify through this app.
        notify.senders_register(
            notification_send=services.notification_send,
            email_coordinators=services.email_coordinators,
            email_queue=services.email_queue,
        )
