"""Development email: messages printed readably, so their links can be opened.

Django's console backend prints the encoded message (quoted-printable or base64), which
breaks a verification link across lines and hides non-Latin text. This one prints the
headers decoded and the plain-text part as written; the HTML part and attachments are
named, not printed.
"""

from django.core.mail.backends.console import EmailBackend as ConsoleBackend

SHOWN_HEADERS = ("From", "To", "Cc", "Reply-To", "Subject", "Date", "Content-Language")


class EmailBackend(ConsoleBackend):
    def write_message(self, message):
        email = message.message()
        lines = [f"{name}: {email[name]}" for name in SHOWN_HEADERS if email[name]]
        lines += [
            f"{name}: {value}"
            for name, value in (message.extra_headers or {}).items()
            if name not in SHOWN_HEADERS
        ]
        lines += ["", message.body.rstrip(), ""]
        for _content, mimetype in getattr(message, "alternatives", []):
            lines.append(f"[an alternative part: {mimetype}]")
        for attachment in message.attachments:
            name = getattr(attachment, "filename", None) or (
                attachment[0] if isinstance(attachment, tuple) else "attachment"
            )
            lines.append(f"[an attachment: {name}]")
        self.stream.write("\n".join(lines) + "\n" + "-" * 79 + "\n")
