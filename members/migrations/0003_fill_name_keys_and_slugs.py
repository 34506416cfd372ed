from django.db import migrations


def fill(apps, schema_editor):
    from members.models import name_key
    from django.utils.text import slugify

    Organisation = apps.get_model("members", "Organisation")
    for organisation in Organisation.objects.all():
        organisation.name_key = name_key(organisation.name)
        organisation.save(update_fields=["name_key"])
    User = apps.get_model("members", "User")
    taken = set()
    for user in User.objects.filter(slug__isnull=True).order_by("pk"):
        base = slugify(f"{user.first_name} {user.last_name}".strip() or user.email.split("@")[0])
        base = base[:80] or "member"
        slug, n = base, 1
        while slug in taken or User.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        user.slug = slug
        user.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("members", "0002_profiles_applications")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
