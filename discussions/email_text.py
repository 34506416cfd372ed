"""The new text of an emailed reply: its plain text, without quoted mail or signature."""

import re
from html.parser import HTMLParser

# "On <date>, <name> wrote:" as mail programs write it in English, the region's languages
# and a few others members use ("… je napisao/la:", "… је написао/ла:", "… напиша:",
# "… shkroi:", "… şunu yazdı:"); the line may be wrapped, so two lines are joined to match.
WROTE = re.compile(
    r"(wrote|writes|napisao|napisala|napisa|napisal|napiše|piše|написа|напиша|написао|"
    r"написала|напиша|пише|shkroi|shkruan|yazdı|şunu yazdı|schrieb|a écrit|escribió|"
    r"ha scritto|escreveu|schreef|skrev|napisał|napsal)(\s*(/|\()\s*(la|ла)\)?)?(\s+je)?\s*:\s*$",
    re.IGNORECASE,
)
# Programs that put the name after the verb ("Am …, um 09:02 schrieb Name <address>:").
DATED_ADDRESS = re.compile(r"\d{1,2}[:.]\d{2}.*<[^<>@\s]+@[^<>\s]+>\s*:\s*$")
# Outlook's separator lines, in English and the region's languages.
ORIGINAL_MESSAGE = re.compile(
    r"^\s*-{2,}\s*(original message|izvorna poruka|originalna poruka|originalna poruka|"
    r"оригинална порука|оригинална порака|mesazhi origjinal|özgün ileti|orijinal ileti|"
    r"ursprüngliche nachricht|message d'origine)\s*-{2,}\s*$",
    re.IGNORECASE,
)
# A forwarded message below the sender's note, as Gmail, Outlook and Apple Mail mark it.
FORWARDED = re.compile(
    r"^\s*(-{2,}\s*(forwarded message|proslijeđena poruka|prosleđena poruka|"
    r"прослеђена порука|препратена порака|mesazh i përcjellë|mesazhi i përcjellë|"
    r"iletilen ileti|yönlendirilen ileti|weitergeleitete nachricht|message transféré)"
    r"\s*-{2,}|begin forwarded message:|početak (proslijeđene|prosleđene) poruke:)\s*$",
    re.IGNORECASE,
)
# The first line of a quoted header block ("From: …" followed by "Sent:", "To:" …).
HEADER_FROM = re.compile(r"^\s*\*?(from|od|од|nga|kimden|von|de)\s*:\*?\s", re.IGNORECASE)
HEADER_LINE = re.compile(r"^\s*\*?[^\s:]{2,20}( [^\s:]{2,12})?\s*:\*?\s")
# What phones and webmail add under a message.
SIGNED_OFF = re.compile(
    r"^\s*(sent from (my )?\S|get outlook for |sent with |sent via |poslano (s|sa|iz|preko) |"
    r"poslato (sa|s|iz) |послато (са|из) |испратено (од|преку) |dërguar nga |"
    r"\S+('?[dt][ae]n)? gönderildi|von meinem \S+ gesendet|envoyé de mon )",
    re.IGNORECASE,
)
# Markers the quoted part of an HTML message carries in Gmail, Outlook, Apple Mail, Thunderbird.
QUOTE_CLASSES = {"gmail_quote", "gmail_extra", "moz-cite-prefix", "yahoo_quoted"}
SIGNATURE_CLASSES = {"gmail_signature", "moz-signature"}
# Outlook puts the quoted message after these, not inside them: nothing after them is new.
QUOTE_IDS = {"divrplyfwdmsg", "appendonsend", "mail-editor-reference-message-container"}
BLOCKS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "table",
}  # fmt: skip
SKIPPED = {"head", "style", "script", "title", "blockquote"}


class _HTMLText(HTMLParser):
    """Collect the visible text of an HTML message, leaving out its quoted parts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip_depth = 0
        self.stack = []
        self.stopped = False

    def handle_starttag(self, tag, attrs):
        if self.stopped or (dict(attrs).get("id") or "").lower() in QUOTE_IDS:
            self.stopped = True
            return
        if tag in {"br", "hr", "img", "meta", "link", "input", "col", "wbr"}:
            if tag == "br" and not self.skip_depth:
                self.parts.append("\n")
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").lower().split())
        quoted = (
            tag in SKIPPED
            or classes & (QUOTE_CLASSES | SIGNATURE_CLASSES)
            or attributes.get("type") == "cite"
        )
        self.stack.append(bool(quoted))
        if quoted:
            self.skip_depth += 1
        if tag in BLOCKS and not self.skip_depth:
            self.parts.append("\n")
        if tag == "li" and not self.skip_depth:
            self.parts.append("- ")

    def handle_endtag(self, tag):
        if self.stopped:
            return
        if tag in {"br", "hr", "img", "meta", "link", "input", "col", "wbr"} or not self.stack:
            return
        if self.stack.pop():
            self.skip_depth -= 1
        if tag in BLOCKS and not self.skip_depth:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip_depth and not self.stopped:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(html: str) -> str:
    """Return the text of an HTML message without its quoted reply and signature."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def unflow(text: str, *, delsp: bool = False) -> str:
    """Join the soft line breaks of a format=flowed text (RFC 3676)."""
    lines = []
    for line in text.split("\n"):
        if line.startswith(" "):
            line = line[1:]
        if lines and lines[-1].endswith(" ") and lines[-1] != "-- " and not line.startswith(">"):
            lines[-1] = (lines[-1][:-1] if delsp else lines[-1]) + line
        else:
            lines.append(line)
    return "\n".join(lines)


def _quote_starts(lines, index):
    line = lines[index]
    if len(line) > 500:  # An attribution is short; long lines never need the patterns.
        return False
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if ORIGINAL_MESSAGE.match(line) or FORWARDED.match(line):
        return True
    if _is_attribution(line):
        return True
    if HEADER_FROM.match(line):
        headers = [candidate for candidate in lines[index + 1 : index + 6] if candidate.strip()]
        return sum(1 for candidate in headers if HEADER_LINE.match(candidate)) >= 2
    return bool(re.match(r"^_{10,}\s*$", line) and HEADER_FROM.match(following))


def _attribution_start(line):
    """Return whether line is the first half of a wrapped "On <date>, <name> wrote:"."""
    line = line.strip()
    return bool(line) and (
        line.endswith(("<", ",")) or re.search(r"\d{1,2}[:.]\d{2}|\b\d{4}\b|@", line) is not None
    )


def _is_attribution(line):
    return line.rstrip().endswith(":") and bool(WROTE.search(line) or DATED_ADDRESS.search(line))


def _ends_text(line):
    return line.rstrip() in {"--", "-- "} or bool(SIGNED_OFF.match(line))


def _answers_between_quotes(lines, index):
    """Return whether the sender wrote between the quoted lines after the attribution at
    index (an interleaved answer), rather than only above or below the quote."""
    quoted = False
    for following, line in enumerate(lines[index + 1 :], start=index + 1):
        if line.lstrip().startswith(">"):
            quoted = True
        elif not line.strip():
            continue
        elif _ends_text(line) or _quote_starts(lines, following):
            return False
        else:
            # Unquoted text before any quoted line is an unquoted original (Outlook's way).
            return quoted
    return False


def strip_reply(text: str) -> str:
    """Return what the sender wrote: no quoted mail, no signature, no phone footer; an answer
    written between quoted lines keeps the sender's lines."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept = []
    for index, line in enumerate(lines):
        if _quote_starts(lines, index):
            if line.rstrip().endswith(":") and kept and _attribution_start(kept[-1]):
                kept.pop()
            if _is_attribution(line) and _answers_between_quotes(lines, index):
                continue
            break
        if _ends_text(line):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line.rstrip())
    body = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", body).strip()


# Small words and letters that tell the region's languages apart in a few sentences. The
# Latin-script South Slavic languages (bs, hr, cnr, sr-latn) are told apart only by the
# member's own choice: they share nearly all their small words.
LANGUAGE_HINTS = {
    "en": (
        {"the", "and", "to", "of", "is", "we", "for", "that", "this", "with", "are", "was",
         "have", "our", "you", "it", "in", "on", "thanks", "will", "be"},
        "",
    ),
    "sq": (
        {"dhe", "të", "në", "një", "për", "që", "është", "nga", "nuk", "janë", "kemi", "me",
         "se", "por", "ju", "faleminderit", "shumë", "edhe", "do", "ka"},
        "ëç",
    ),
    "tr": (
        {"ve", "bir", "bu", "için", "ile", "çok", "olarak", "biz", "ama", "daha", "gibi",
         "değil", "var", "teşekkürler", "de", "da", "ne", "ben"},
        "ğış",
    ),
    "bs": (
        {"i", "u", "je", "se", "da", "na", "za", "od", "su", "smo", "što", "šta", "sa", "kako",
         "ali", "nije", "bi", "hvala", "mi", "iz", "to", "će", "ćemo"},
        "čćšžđ",
    ),
    "sr": (
        {"и", "у", "је", "се", "да", "на", "за", "од", "су", "смо", "што", "шта", "са", "како",
         "али", "није", "би", "хвала", "ми", "из", "то", "ће", "ћемо"},
        "ђћ",
    ),
    "mk": (
        {"и", "во", "е", "се", "да", "на", "за", "од", "сме", "што", "со", "како", "но", "не",
         "ќе", "ги", "ја", "тоа", "благодарам", "ние", "нашите"},
        "ѓќѕ",
    ),
}  # fmt: skip
# A detected language → the site's languages written alike, of which the member's own wins.
LANGUAGE_FAMILIES = {"bs": ("bs", "hr", "cnr", "sr-latn")}


def text_language(text: str, *, default: str) -> str:
    """Return the site language the text is most likely written in: the member's own
    (default) when the text is too short to tell or is in a language written like it."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 3:
        return default
    scores = {}
    for language, (small_words, letters) in LANGUAGE_HINTS.items():
        hits = sum(1 for word in words if word in small_words)
        marks = sum(1 for word in words if letters and any(ch in letters for ch in word))
        scores[language] = hits + 2 * marks
    best = max(scores, key=scores.get)
    if scores[best] < 2 or list(scores.values()).count(scores[best]) > 1:
        return default
    family = LANGUAGE_FAMILIES.get(best, (best,))
    return default if default in family else family[0]
