"""Seed the 12 commitments of the Global Standard for CSO Accountability (editable later)."""

from django.db import migrations

# number, slug, cluster, title, summary, guiding questions
COMMITMENTS = [
    (1, "justice-and-equality", "A", "Justice and equality",
     "We tackle discrimination and exclusion, and work so that everyone can claim their rights, "
     "starting with the people most marginalised.",
     "Whose rights does our work advance, and whom might it leave out?\n"
     "How do we find and remove discrimination in our own programmes?\n"
     "How do the people most affected shape what we do?"),
    (2, "womens-rights-and-gender-equality", "A", "Women's rights and gender equality",
     "We advance women's rights and gender equality in our work, our partnerships "
     "and inside our own organisation.",
     "How does our work change power relations between women and men?\n"
     "Are women and gender-diverse people equally represented in our leadership?\n"
     "How do we prevent and respond to harassment and abuse?"),
    (3, "healthy-planet", "A", "Healthy planet",
     "We protect the natural environment for present and future generations and reduce "
     "the harm our own operations cause.",
     "What is the environmental footprint of our work and travel?\n"
     "How do we weigh environmental effects when we plan programmes?\n"
     "What have we changed in the last year to reduce our impact?"),
    (4, "lasting-positive-change", "A", "Lasting positive change",
     "We aim for results that last: we learn what works, adapt, and are honest about "
     "what did not.",
     "How do we know our work makes a lasting difference?\n"
     "How do we share failures and what we learned from them?\n"
     "How do the people we serve judge our results?"),
    (5, "people-driven-work", "B", "People-driven work",
     "The people we work with take part in the decisions that affect them and can hold us "
     "to account, with feedback we act on.",
     "How do the people we serve take part in our decisions?\n"
     "How can they give feedback or complain safely, and what do we do with it?\n"
     "How do we report back on what changed because of their feedback?"),
    (6, "strong-partnerships", "B", "Strong partnerships",
     "We work with others as equals, respect their independence, share resources fairly "
     "and are accountable to our partners.",
     "How do our partners take part in designing joint work?\n"
     "Are money, credit and risk shared fairly?\n"
     "How can partners tell us when we fall short?"),
    (7, "advocating-for-fundamental-change", "B", "Advocating for fundamental change",
     "We address the root causes of injustice, and our advocacy is grounded in evidence "
     "and in the voices of the people concerned.",
     "Whose voices and evidence shape our advocacy positions?\n"
     "How do we protect the people who speak out with us?\n"
     "How do we measure the change our advocacy contributes to?"),
    (8, "open-organisations", "B", "Open organisations",
     "We are transparent about who we are, what we do, how we are funded and how we decide, "
     "and we share information people can use.",
     "What do we publish about our governance, finances and results?\n"
     "Can people find and understand it, in their language?\n"
     "What do we withhold, and why?"),
    (9, "empowered-and-effective-staff-and-volunteers", "C",
     "Empowered and effective staff and volunteers",
     "We treat staff and volunteers fairly, invest in their skills and wellbeing, and give "
     "them a real say.",
     "How do staff and volunteers take part in decisions?\n"
     "Are pay, conditions and opportunities fair and transparent?\n"
     "How do we look after wellbeing and safety, especially under pressure?"),
    (10, "well-handled-resources", "C", "Well-handled resources",
     "We raise and use money and other resources responsibly, ethically and efficiently, "
     "and we account for them openly.",
     "Are our fundraising and funding sources ethical and in line with our mission?\n"
     "How do we prevent and respond to fraud and corruption?\n"
     "How do we show how resources were used and with what results?"),
    (11, "responsive-decision-making", "C", "Responsive decision-making",
     "Our decisions take account of the views of the people affected, and we explain "
     "how we reached them.",
     "Whom do we consult before important decisions?\n"
     "How do we explain decisions and the reasons for them?\n"
     "How do complaints and feedback change what we decide?"),
    (12, "responsible-leadership", "C", "Responsible leadership",
     "Our leaders and board act with integrity, oversee the organisation independently and "
     "champion accountability at every level.",
     "How does our board oversee management and its own performance?\n"
     "How do we prevent and manage conflicts of interest?\n"
     "How do our leaders show accountability in practice?"),
]  # fmt: skip


def seed(apps, schema_editor):
    Commitment = apps.get_model("pledges", "Commitment")
    for number, slug, cluster, title, summary, questions in COMMITMENTS:
        Commitment.objects.update_or_create(
            number=number,
            defaults={
                "slug": slug,
                "cluster": cluster,
                "title": title,
                "summary": summary,
                "guiding_questions": questions,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("pledges", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
