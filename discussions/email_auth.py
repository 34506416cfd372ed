"""Whether an inbound message really comes from its sender's domain (RFC 8601, RFC 7489).

The portal checks no signature itself: the relay that received the message did, and wrote
what it found in an ``Authentication-Results`` header. Only the header whose authserv-id
is ``INBOUND_EMAIL_AUTHSERV_ID`` (the relay's own name) counts, and only the topmost one
with that name: a relay adds its header above what the message brought with it, so a
header written by the sender or by any other server, whatever it claims, is ignored.
"""

import re

from django.conf import settings

# A comment (RFC 5322 CFWS) may nest; a quoted string may hold a semicolon.
COMMENT = re.compile(r"\([^()]*\)")
PART = re.compile(r'(?:[^;"]|"[^"]*")+')
RESULT = re.compile(r"^([a-z0-9-]+)\s*=\s*([a-z]+)\b(.*)$", re.IGNORECASE | re.DOTALL)
PROPERTY = re.compile(r'([a-z0-9-]+\.[a-z0-9-]+)\s*=\s*("[^"]*"|[^\s;]+)', re.IGNORECASE)


def _strip_comments(text):
    previous = None
    while previous != text:
        previous, text = text, COMMENT.sub(" ", text)
    return text


def results_parse(value: str) -> tuple[str, list[tuple[str, str, dict]]]:
    """Return (authserv-id, [(method, result, {property: value})]) of one header's value."""
    parts = [part.strip() for part in PART.findall(_strip_comments(value))]
    if not parts or not parts[0]:
        return "", []
    # The authserv-id may be followed by a version number.
    authserv_id = parts[0].split()[0].lower()
    results = []
    for part in parts[1:]:
        match = RESULT.match(part)
        if not match:
            continue
        properties = {
            name.lower(): found.strip('"').lower() for name, found in PROPERTY.findall(match[3])
        }
        results.append((match[1].lower(), match[2].lower(), properties))
    return authserv_id, results


def trusted_results(message) -> list[tuple[str, str, dict]]:
    """Return the results of the trusted relay's header: the topmost one it signed."""
    trusted = settings.INBOUND_EMAIL_AUTHSERV_ID.strip().lower()
    if not trusted:
        return []
    for header in message.get_all("Authentication-Results", []):
        authserv_id, results = results_parse(str(header))
        if authserv_id == trusted:
            return results
    return []


def _aligned(signing_domain: str, domain: str) -> bool:
    """Relaxed alignment without a list of public suffixes: the same domain or a parent."""
    return "." in signing_domain and (
        domain == signing_domain or domain.endswith("." + signing_domain)
    )


def sender_authenticated(message, sender: str) -> bool:
    """Return whether the trusted relay saw a DKIM pass aligned with the sender's domain,
    or a DMARC pass for it; a message with more than one author address never passes."""
    if len(message.get_all("From", [])) != 1:
        return False
    authors = getattr(message["From"], "addresses", ())
    if len(authors) != 1 or authors[0].addr_spec.lower() != sender.lower():
        return False
    domain = sender.rpartition("@")[2].lower().rstrip(".")
    for method, result, properties in trusted_results(message):
        if result != "pass":
            continue
        if method == "dmarc" and properties.get("header.from", "").rstrip(".") == domain:
            return True
        if method == "dkim" and _aligned(properties.get("header.d", "").rstrip("."), domain):
            return True
    return False
