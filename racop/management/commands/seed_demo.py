"""Fill the database with a believable community to try the portal with."""

import importlib

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Create demo content: topics, pages, organisations, people and what each app adds. "
        "Idempotent: running it again changes nothing. Refuses to run when debug is off."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo only runs with DJANGO_DEBUG=1: it creates demo accounts.")
        # Each app may ship a `demo` module with seed(); apps run in INSTALLED_APPS order,
        # so the site and members come before the apps that build on them.
        accounts = {}
        links = {}
        with transaction.atomic():
            for config in apps.get_app_configs():
                try:
                    module = importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{config.name}.demo":
                        raise
                    continue
                created = module.seed()
                if created:
                    self.stdout.write(f"{config.verbose_name}: {created}")
                accounts.update(getattr(module, "DEMO_ACCOUNTS", {}))
                if hasattr(module, "demo_links"):
                    links.update(module.demo_links())
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write("Demo accounts (email / password):")
        for role, (email, password) in accounts.items():
            self.stdout.write(f"  {role:<12} {email} / {password}")
        self.stdout.write(f"Portal: {settings.SITE_URL}/   Admin: {settings.SITE_URL}/admin/")
        for label, path in links.items():
            self.stdout.write(f"{label}: {settings.SITE_URL}{path}")
