"""Post the replies waiting in a Maildir (the mail server delivers reply+… messages there)."""

import contextlib
import logging
import mailbox
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from discussions.inbound import InvalidMessage, inbound_email_receive

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Read every new message in a Maildir: post replies in their threads, bounce the rest, "
        "then move each message to cur/ (or delete it with --delete). Safe to run again and "
        "at the same time as another run: a message is handled once. Schedule it from cron, "
        "e.g. `* * * * * python manage.py read_maildir /var/mail/racop`."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The Maildir folder (holding new/, cur/ and tmp/).")
        parser.add_argument(
            "--delete",
            action="store_true",
            help="Delete messages once read instead of keeping them.",
        )

    def handle(self, *args, path, delete, **options):
        if not (Path(path) / "new").is_dir():
            raise CommandError(f"{path} is not a Maildir (it has no new/ folder).")
        maildir = mailbox.Maildir(path, factory=None, create=False)
        counts = Counter()
        for key in list(maildir.iterkeys()):
            try:
                if maildir.get_message(key).get_subdir() != "new":
                    continue
                raw = maildir.get_bytes(key)
            except KeyError:  # Another run took it meanwhile.
                continue
            try:
                received = inbound_email_receive(raw=raw)
            except InvalidMessage:
                counts["unreadable"] += 1
            except Exception:
                # Leave it in new/ for the next run (the database may be away).
                logger.exception("Could not handle message %s in %s", key, path)
                counts["failed"] += 1
                continue
            else:
                counts["duplicate" if received.duplicate else received.record.outcome] += 1
            self._done(maildir, key, raw, delete=delete)
        summary = ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))
        self.stdout.write(f"Read {counts.total()} messages" + (f": {summary}." if summary else "."))
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} messages could not be handled; see the log.")

    def _done(self, maildir, key, raw, *, delete):
        if delete:
            maildir.discard(key)
            return
        message = mailbox.MaildirMessage(raw)
        message.set_subdir("cur")
        message.add_flag("S")
        with contextlib.suppress(KeyError):  # Another run moved it meanwhile.
            maildir[key] = message
