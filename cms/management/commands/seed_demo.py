import importlib
import time

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction

# Each app that has demo data keeps it in `<app>/demo.py` with a
# `seed(*, tier, log)` function; they run in this order, the registry first.
SEED_ORDER = ["accounts", "ecosystem", "mentors", "events", "cms"]
TIERS = ["demo", "S"]


class Command(BaseCommand):
    help = (
        "Fill the database with realistic demo content for the province. Idempotent: "
        "running it again adds nothing twice. --tier S makes the benchmark data set."
    )

    def add_arguments(self, parser):
        parser.add_argument("--tier", choices=TIERS, default="demo")

    def handle(self, *args, tier, **options):
        started = time.monotonic()
        for app_label in SEED_ORDER:
            if not apps.is_installed(app_label):
                continue
            try:
                module = importlib.import_module(f"{app_label}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{app_label}.demo":
                    raise
                continue
            with transaction.atomic():
                module.seed(tier=tier, log=lambda line: self.stdout.write(f"  {line}"))

        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner guesses badly after bulk inserts.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Demo data ready (tier {tier}, {elapsed:.1f} s)."))
        from accounts.demo import logins

        credentials = logins()
        if credentials:
            self.stdout.write("Sign in at /account/login/ (the admin is at /admin/) with:")
            for email, password in credentials:
                self.stdout.write(f"  {email}  /  {password}")
