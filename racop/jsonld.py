"""schema.org metadata as JSON-LD, safe inside a <script type="application/ld+json"> element.

A data block: browsers never run it, so the Content-Security-Policy (script-src 'self') needs
no exception for it.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

# Escapes that keep JSON inside a <script> element from closing it (as json_script does):
# "</script>" or "<!--" in a title cannot end the element or start a comment.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data):
    """Return data as JSON for a <script type="application/ld+json"> element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    # <, > and & are escaped, so the JSON cannot close its <script> element.
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # nosec B308 B703
