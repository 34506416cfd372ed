"""The notifications' models move to the `notifications` app (members/notifications/): Django's record only."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0009_user_directory_order'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='digestlog',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='newsletter',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='newsletter',
                    name='topic',
                ),
                migrations.RemoveConstraint(
                    model_name='newsletterdelivery',
                    name='newsletter_delivery_once',
                ),
                migrations.RemoveConstraint(
                    model_name='newslettertranslation',
                    name='newsletter_translation_unique',
                ),
                migrations.RemoveIndex(
                    model_name='notification',
                    name='notification_user_recent',
                ),
                migrations.RemoveField(
                    model_name='outgoingemail',
                    name='user',
                ),
                migrations.DeleteModel(
                    name='DigestLog',
                ),
                migrations.RemoveField(
                    model_name='newsletterdelivery',
                    name='email',
                ),
                migrations.RemoveField(
                    model_name='newsletterdelivery',
                    name='newsletter',
                ),
                migrations.RemoveField(
                    model_name='newsletterdelivery',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='newslettertranslation',
                    name='newsletter',
                ),
                migrations.RemoveField(
                    model_name='notification',
                    name='user',
                ),
                migrations.DeleteModel(
                    name='OutgoingEmail',
                ),
                migrations.DeleteModel(
                    name='NewsletterDelivery',
                ),
                migrations.DeleteModel(
                    name='Newsletter',
                ),
                migrations.DeleteModel(
                    name='NewsletterTranslation',
                ),
                migrations.DeleteModel(
                    name='Notification',
                ),
            ],
            # The tables stay; the new app's 0002 renames them and their content types.
            database_operations=[],
        ),
    ]
