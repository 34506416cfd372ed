"""Hostile text for property-based tests of forms."""

from hypothesis import strategies as st

PIECES = [
    "\x00", "\x01", "\x07", "\x1b[31m", "\x7f", "\r\n", "\t", "\u0085",
    "\u202e", "\u202d", "\u200f", "\u2066", "\u2069", "\ufeff", "\u200b", "\u0301",
    "Привет", "שלום", "مرحبا", "Ωmega", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "👩‍👩‍👧", "ğüşıöç", "Đorđe Ćirić",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
    "\"'><", "&amp;&lt;", "{{ request }}", "{% debug %}", "%s%n", "' OR 1=1 --", "../../",
]  # fmt: skip


def hostile_text():
    """Return a strategy for text mixing control characters, bidi overrides and scripts."""
    mixed = st.lists(
        st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=1, max_size=12
    ).map("".join)
    long = st.tuples(st.sampled_from(["ж", "a", "\u202e", "<b>", "x "]), st.integers(300, 3000))
    return st.one_of(mixed, long.map(lambda pair: pair[0] * pair[1]))
