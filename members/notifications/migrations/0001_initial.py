"""The notifications' models, once registered under `members`: their tables exist already.

The models keep their old tables (db_table) here; 0002 renames the tables and moves
their content types, so every row, permission and log entry stays theirs.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('racop', '0004_translations'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='DigestLog',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sent_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='sent')),
                        ('items', models.PositiveIntegerField(default=0, verbose_name='items')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='digests', to=settings.AUTH_USER_MODEL, verbose_name='person')),
                    ],
                    options={
                        'verbose_name': 'digest',
                        'verbose_name_plural': 'digests',
                        'db_table': 'members_digestlog',
                        'ordering': ['-sent_at'],
                    },
                ),
                migrations.CreateModel(
                    name='Newsletter',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('subject', models.CharField(max_length=200, verbose_name='subject')),
                        ('body', models.TextField(help_text='Markdown.', verbose_name='text')),
                        ('language', models.CharField(choices=[('en', 'English'), ('sq', 'Albanian'), ('bs', 'Bosnian'), ('hr', 'Croatian'), ('mk', 'Macedonian'), ('cnr', 'Montenegrin'), ('sr-latn', 'Serbian (Latin)'), ('sr', 'Serbian (Cyrillic)'), ('tr', 'Turkish')], default='en', max_length=10, verbose_name='language')),
                        ('audience', models.CharField(choices=[('all', 'All members'), ('country', 'Members in a country'), ('topic', 'Members interested in a topic'), ('type', 'Members of a type of organisation')], default='all', max_length=10, verbose_name='audience')),
                        ('country', models.CharField(blank=True, help_text='Two-letter code, e.g. RS.', max_length=2, verbose_name='country')),
                        ('organisation_kind', models.CharField(blank=True, choices=[('organisation', 'Organisation'), ('network', 'Network')], max_length=20, verbose_name='type of organisation')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('sending_started_at', models.DateTimeField(blank=True, null=True, verbose_name='sending started')),
                        ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='written by')),
                        ('topic', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='racop.topic', verbose_name='topic')),
                    ],
                    options={
                        'verbose_name': 'newsletter',
                        'verbose_name_plural': 'newsletters',
                        'db_table': 'members_newsletter',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='OutgoingEmail',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('to', models.EmailField(max_length=254, verbose_name='to')),
                        ('subject', models.CharField(max_length=300, verbose_name='subject')),
                        ('text', models.TextField(verbose_name='plain text')),
                        ('html', models.TextField(blank=True, verbose_name='HTML')),
                        ('headers', models.JSONField(blank=True, default=dict, verbose_name='headers')),
                        ('reply_to', models.CharField(blank=True, max_length=300, verbose_name='reply to')),
                        ('attachments', models.JSONField(blank=True, default=list, verbose_name='attachments')),
                        ('kind', models.CharField(blank=True, max_length=20, verbose_name='kind')),
                        ('status', models.CharField(choices=[('queued', 'Queued'), ('sent', 'Sent'), ('failed', 'Failed')], db_index=True, default='queued', max_length=10, verbose_name='status')),
                        ('attempts', models.PositiveIntegerField(default=0, verbose_name='attempts')),
                        ('next_attempt_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='next attempt')),
                        ('last_error', models.TextField(blank=True, verbose_name='last error')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent')),
                        ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='outgoing_emails', to=settings.AUTH_USER_MODEL, verbose_name='person')),
                    ],
                    options={
                        'verbose_name': 'outgoing email',
                        'verbose_name_plural': 'outgoing emails',
                        'db_table': 'members_outgoingemail',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='NewsletterTranslation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('language', models.CharField(choices=[('en', 'English'), ('sq', 'Albanian'), ('bs', 'Bosnian'), ('hr', 'Croatian'), ('mk', 'Macedonian'), ('cnr', 'Montenegrin'), ('sr-latn', 'Serbian (Latin)'), ('sr', 'Serbian (Cyrillic)'), ('tr', 'Turkish')], max_length=10, verbose_name='language')),
                        ('subject', models.CharField(max_length=200, verbose_name='subject')),
                        ('body', models.TextField(help_text='Markdown.', verbose_name='text')),
                        ('newsletter', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='translations', to='notifications.newsletter', verbose_name='newsletter')),
                    ],
                    options={
                        'verbose_name': 'newsletter translation',
                        'verbose_name_plural': 'newsletter translations',
                        'db_table': 'members_newslettertranslation',
                        'constraints': [models.UniqueConstraint(fields=('newsletter', 'language'), name='newsletter_translation_unique')],
                    },
                ),
                migrations.CreateModel(
                    name='Notification',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(max_length=20, verbose_name='kind')),
                        ('subject', models.CharField(max_length=300, verbose_name='subject')),
                        ('url', models.CharField(blank=True, max_length=500, verbose_name='link')),
                        ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='created')),
                        ('read_at', models.DateTimeField(blank=True, null=True, verbose_name='read')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL, verbose_name='person')),
                    ],
                    options={
                        'verbose_name': 'notification',
                        'verbose_name_plural': 'notifications',
                        'db_table': 'members_notification',
                        'ordering': ['-created_at', '-pk'],
                        'indexes': [models.Index(fields=['user', '-created_at'], name='notification_user_recent')],
                    },
                ),
                migrations.CreateModel(
                    name='NewsletterDelivery',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='queued')),
                        ('newsletter', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='notifications.newsletter', verbose_name='newsletter')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='newsletter_deliveries', to=settings.AUTH_USER_MODEL, verbose_name='person')),
                        ('email', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='notifications.outgoingemail', verbose_name='email')),
                    ],
                    options={
                        'verbose_name': 'newsletter delivery',
                        'verbose_name_plural': 'newsletter deliveries',
                        'db_table': 'members_newsletterdelivery',
                        'constraints': [models.UniqueConstraint(fields=('newsletter', 'user'), name='newsletter_delivery_once')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
