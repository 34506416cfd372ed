"""The action plan's models, once registered under `discussions`: their tables exist already.

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
        ('discussions', '0007_thread_linked_resources'),
        ('library', '0006_related_candidates_index'),
        ('members', '0010_notifications_to_own_app'),
        ('pledges', '0006_feedback_to_own_app'),
        ('racop', '0004_translations'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PlanPeriod',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, verbose_name='name')),
                        ('slug', models.SlugField(max_length=100, unique=True, verbose_name='slug')),
                        ('starts_on', models.DateField(verbose_name='starts')),
                        ('ends_on', models.DateField(blank=True, help_text='Empty: one year on.', verbose_name='ends')),
                        ('summary', models.TextField(blank=True, help_text='Markdown.', verbose_name='summary')),
                        ('summary_is_public', models.BooleanField(default=False, help_text="Visitors see the plan's items and their status; never proposals or people.", verbose_name='summary public')),
                    ],
                    options={
                        'verbose_name': 'plan period',
                        'verbose_name_plural': 'plan periods',
                        'db_table': 'discussions_planperiod',
                        'ordering': ['-starts_on'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('ends_on__gte', models.F('starts_on'))), name='plan_period_ends_after_start')],
                    },
                ),
                migrations.CreateModel(
                    name='Proposal',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('kind', models.CharField(choices=[('convening', 'Convening'), ('resource', 'Resource to produce'), ('translation', 'Resource to translate'), ('peer-exchange', 'Peer exchange'), ('working-group', 'Working group'), ('campaign', 'Campaign')], max_length=20, verbose_name='kind of activity')),
                        ('description', models.TextField(help_text='Markdown. What need does it answer?', max_length=5000, verbose_name='why it matters')),
                        ('offer', models.TextField(help_text='Your own part: hosting, writing, translating, gathering people…', max_length=2000, verbose_name='what I offer to do')),
                        ('status', models.CharField(choices=[('open', 'Open for support'), ('accepted', 'Accepted into the plan'), ('needs-work', 'Needs work'), ('merged', 'Merged into another proposal'), ('declined', 'Declined')], default='open', max_length=20, verbose_name='status')),
                        ('triage_note', models.TextField(blank=True, help_text='What needs work, or why it was declined.', max_length=2000, verbose_name='note from the coordinators')),
                        ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='proposed')),
                        ('commitments', models.ManyToManyField(blank=True, related_name='plan_proposals', to='pledges.commitment', verbose_name='commitments')),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                        ('merged_into', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='merged_proposals', to='plan.proposal', verbose_name='merged into')),
                        ('proposer', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='plan_proposals', to=settings.AUTH_USER_MODEL, verbose_name='proposed by')),
                        ('topics', models.ManyToManyField(blank=True, related_name='plan_proposals', to='racop.topic', verbose_name='topics')),
                    ],
                    options={
                        'verbose_name': 'proposal',
                        'verbose_name_plural': 'proposals',
                        'db_table': 'discussions_proposal',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='PlanItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('description', models.TextField(blank=True, help_text='Markdown.', verbose_name='description')),
                        ('starts_on', models.DateField(verbose_name='starts')),
                        ('ends_on', models.DateField(verbose_name='ends')),
                        ('status', models.CharField(choices=[('planned', 'Planned'), ('in-progress', 'In progress'), ('done', 'Done'), ('dropped', 'Dropped')], default='planned', max_length=20, verbose_name='status')),
                        ('dropped_reason', models.CharField(blank=True, max_length=300, verbose_name='why it was dropped')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created')),
                        ('events', models.ManyToManyField(blank=True, related_name='plan_items', to='discussions.event', verbose_name='events')),
                        ('owner_organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='plan_items', to='members.organisation', verbose_name='owner (organisation)')),
                        ('owner_user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='plan_items', to=settings.AUTH_USER_MODEL, verbose_name='owner (member)')),
                        ('resources', models.ManyToManyField(blank=True, related_name='plan_items', to='library.resource', verbose_name='resources')),
                        ('threads', models.ManyToManyField(blank=True, related_name='plan_items', to='discussions.thread', verbose_name='threads')),
                        ('topics', models.ManyToManyField(blank=True, related_name='plan_items', to='racop.topic', verbose_name='topics')),
                        ('period', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='items', to='plan.planperiod', verbose_name='period')),
                        ('proposal', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='plan_item', to='plan.proposal', verbose_name='from proposal')),
                    ],
                    options={
                        'verbose_name': 'plan item',
                        'verbose_name_plural': 'plan items',
                        'db_table': 'discussions_planitem',
                        'ordering': ['starts_on', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='ProposalComment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('body', models.TextField(help_text='Markdown.', max_length=3000, verbose_name='comment')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='written')),
                        ('author', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='plan_comments', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                        ('proposal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='comments', to='plan.proposal', verbose_name='proposal')),
                    ],
                    options={
                        'verbose_name': 'comment on a proposal',
                        'verbose_name_plural': 'comments on proposals',
                        'db_table': 'discussions_proposalcomment',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Support',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='supported')),
                        ('proposal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='supports', to='plan.proposal', verbose_name='proposal')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='plan_supports', to=settings.AUTH_USER_MODEL, verbose_name='person')),
                    ],
                    options={
                        'verbose_name': 'support',
                        'verbose_name_plural': 'supports',
                        'db_table': 'discussions_support',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Champion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reason', models.TextField(max_length=2000, verbose_name='why this person')),
                        ('status', models.CharField(choices=[('nominated', 'Nominated'), ('confirmed', 'Confirmed'), ('declined', 'Not confirmed')], default='nominated', max_length=20, verbose_name='status')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='nominated')),
                        ('commitment', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='champions', to='pledges.commitment', verbose_name='commitment')),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                        ('nominated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='champion_nominations', to=settings.AUTH_USER_MODEL, verbose_name='nominated by')),
                        ('topic', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='champions', to='racop.topic', verbose_name='topic')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='championships', to=settings.AUTH_USER_MODEL, verbose_name='champion')),
                    ],
                    options={
                        'verbose_name': 'champion',
                        'verbose_name_plural': 'champions',
                        'db_table': 'discussions_champion',
                        'ordering': ['-created_at'],
                        'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('commitment__isnull', True), ('topic__isnull', False)), models.Q(('commitment__isnull', False), ('topic__isnull', True)), _connector='OR'), name='champion_of_one_thing'), models.UniqueConstraint(condition=models.Q(('topic__isnull', False), models.Q(('status', 'declined'), _negated=True)), fields=('user', 'topic'), name='champion_topic_unique'), models.UniqueConstraint(condition=models.Q(('commitment__isnull', False), models.Q(('status', 'declined'), _negated=True)), fields=('user', 'commitment'), name='champion_commitment_unique')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='proposal',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('merged_into__isnull', False), ('status', 'merged')), models.Q(models.Q(('status', 'merged'), _negated=True), ('merged_into__isnull', True)), _connector='OR'), name='proposal_merged_has_target'),
                ),
                migrations.AddConstraint(
                    model_name='proposal',
                    constraint=models.CheckConstraint(condition=models.Q(('pk', models.F('merged_into')), _negated=True), name='proposal_not_merged_into_itself'),
                ),
                migrations.AddConstraint(
                    model_name='planitem',
                    constraint=models.CheckConstraint(condition=models.Q(('ends_on__gte', models.F('starts_on'))), name='plan_item_ends_after_start'),
                ),
                migrations.AddConstraint(
                    model_name='planitem',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'dropped'), _negated=True), models.Q(('dropped_reason', ''), _negated=True), _connector='OR'), name='plan_item_dropped_has_reason'),
                ),
                migrations.AddConstraint(
                    model_name='support',
                    constraint=models.UniqueConstraint(fields=('proposal', 'user'), name='plan_support_unique'),
                ),
            ],
            database_operations=[],
        ),
    ]
