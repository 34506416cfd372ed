"""The feedback rounds' models, once registered under `pledges`: their tables exist already.

The models keep their old tables (db_table) here; 0002 renames the tables and moves
their content types, so every row, permission and log entry stays theirs.
"""

import django.contrib.postgres.fields
import django.db.models.deletion
import django.utils.timezone
import pledges.feedback.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('members', '0010_notifications_to_own_app'),
        ('pledges', '0006_feedback_to_own_app'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='FeedbackRound',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=160, verbose_name='title')),
                        ('audience', models.CharField(help_text='In words, e.g. “parents in our Tetovo programme”.', max_length=300, verbose_name='who it is for')),
                        ('languages', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(choices=[('en', 'English'), ('sq', 'Albanian'), ('bs', 'Bosnian'), ('hr', 'Croatian'), ('mk', 'Macedonian'), ('cnr', 'Montenegrin'), ('sr-latn', 'Serbian (Latin)'), ('sr', 'Serbian (Cyrillic)'), ('tr', 'Turkish')], max_length=8), help_text='The languages respondents can choose; the first is the default.', verbose_name='languages')),
                        ('opens_on', models.DateField(default=django.utils.timezone.localdate, verbose_name='opens on')),
                        ('closes_on', models.DateField(verbose_name='closes on')),
                        ('token', models.CharField(default=pledges.feedback.models.round_token, editable=False, max_length=20, unique=True, verbose_name='public link code')),
                        ('share_with_coordinators', models.BooleanField(default=False, help_text='Coordinators otherwise see only that the round ran.', verbose_name='share the results with the coordinators')),
                        ('what_we_heard', models.TextField(blank=True, help_text='Markdown.', max_length=5000, verbose_name='what you told us')),
                        ('what_we_change', models.TextField(blank=True, help_text='Markdown.', max_length=5000, verbose_name='what we are changing')),
                        ('loop_closed_at', models.DateTimeField(blank=True, null=True, verbose_name='note published')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                        ('evidence_for', models.ManyToManyField(blank=True, help_text='Self-assessment answers this round supports.', related_name='feedback_rounds', to='pledges.answer', verbose_name='evidence for')),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='feedback_rounds', to='members.organisation', verbose_name='organisation')),
                    ],
                    options={
                        'verbose_name': 'feedback round',
                        'verbose_name_plural': 'feedback rounds',
                        'db_table': 'pledges_feedbackround',
                        'ordering': ['-opens_on', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='FeedbackResponse',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('language', models.CharField(choices=[('en', 'English'), ('sq', 'Albanian'), ('bs', 'Bosnian'), ('hr', 'Croatian'), ('mk', 'Macedonian'), ('cnr', 'Montenegrin'), ('sr-latn', 'Serbian (Latin)'), ('sr', 'Serbian (Cyrillic)'), ('tr', 'Turkish')], max_length=8, verbose_name='language')),
                        ('submitted_on', models.DateField(default=django.utils.timezone.localdate, verbose_name='answered on')),
                        ('round', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='responses', to='feedback.feedbackround', verbose_name='round')),
                    ],
                    options={
                        'verbose_name': 'feedback response',
                        'verbose_name_plural': 'feedback responses',
                        'db_table': 'pledges_feedbackresponse',
                    },
                ),
                migrations.CreateModel(
                    name='FeedbackQuestion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                        ('kind', models.CharField(choices=[('scale', 'A scale from 0 to 10'), ('choice', 'A choice'), ('open', 'An open question')], default='scale', max_length=10, verbose_name='kind')),
                        ('standard', models.CharField(blank=True, choices=[('recommend', 'How likely are you to recommend us to a friend or neighbour?'), ('listen', 'Do you feel we listen to you?'), ('respect', 'Do our staff treat you with respect?'), ('influence', 'Do you feel you can influence what we do?')], max_length=20, verbose_name='standard question')),
                        ('texts', models.JSONField(default=dict, verbose_name='wording per language')),
                        ('options', models.JSONField(blank=True, default=dict, verbose_name='options per language')),
                        ('round', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='questions', to='feedback.feedbackround', verbose_name='round')),
                    ],
                    options={
                        'verbose_name': 'feedback question',
                        'verbose_name_plural': 'feedback questions',
                        'db_table': 'pledges_feedbackquestion',
                        'ordering': ['position', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='FeedbackAnswer',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('score', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='score')),
                        ('choice', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='choice')),
                        ('text', models.TextField(blank=True, max_length=2000, verbose_name='answer')),
                        ('question', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='feedback.feedbackquestion', verbose_name='question')),
                        ('response', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='feedback.feedbackresponse', verbose_name='response')),
                    ],
                    options={
                        'verbose_name': 'feedback answer',
                        'verbose_name_plural': 'feedback answers',
                        'db_table': 'pledges_feedbackanswer',
                        'constraints': [models.UniqueConstraint(fields=('response', 'question'), name='feedback_answer_one_per_question'), models.CheckConstraint(condition=models.Q(('score__isnull', True), ('score__lte', 10), _connector='OR'), name='feedback_answer_score_range')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='feedbackround',
                    constraint=models.CheckConstraint(condition=models.Q(('closes_on__gte', models.F('opens_on'))), name='feedback_round_closes_after_opening'),
                ),
                migrations.AddConstraint(
                    model_name='feedbackquestion',
                    constraint=models.CheckConstraint(condition=models.Q(('standard', ''), ('kind', 'scale'), _connector='OR'), name='feedback_question_standard_is_scale'),
                ),
            ],
            database_operations=[],
        ),
    ]
