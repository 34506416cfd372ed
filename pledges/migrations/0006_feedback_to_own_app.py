"""The feedback rounds' models move to the `feedback` app (pledges/feedback/): Django's record only."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('pledges', '0005_translations'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(
                    model_name='feedbackanswer',
                    name='feedback_answer_one_per_question',
                ),
                migrations.RemoveConstraint(
                    model_name='feedbackanswer',
                    name='feedback_answer_score_range',
                ),
                migrations.RemoveConstraint(
                    model_name='feedbackquestion',
                    name='feedback_question_standard_is_scale',
                ),
                migrations.RemoveField(
                    model_name='feedbackresponse',
                    name='round',
                ),
                migrations.RemoveConstraint(
                    model_name='feedbackround',
                    name='feedback_round_closes_after_opening',
                ),
                migrations.RemoveField(
                    model_name='feedbackquestion',
                    name='round',
                ),
                migrations.RemoveField(
                    model_name='feedbackround',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='feedbackround',
                    name='evidence_for',
                ),
                migrations.RemoveField(
                    model_name='feedbackround',
                    name='organisation',
                ),
                migrations.DeleteModel(
                    name='FeedbackAnswer',
                ),
                migrations.DeleteModel(
                    name='FeedbackResponse',
                ),
                migrations.DeleteModel(
                    name='FeedbackQuestion',
                ),
                migrations.DeleteModel(
                    name='FeedbackRound',
                ),
            ],
            # The tables stay; the new app's 0002 renames them and their content types.
            database_operations=[],
        ),
    ]
