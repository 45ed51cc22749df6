"""Data text shown exactly as written: every string from the data goes through md() before markdown sees it."""

from __future__ import annotations

import re

# Every character Streamlit's markdown gives a meaning to: emphasis, links, HTML, maths ($), colour and
# icon directives (:red[...], :material/x:), entities (&amp;), lists and headings.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$:&])")


def md(text: object) -> str:
    """Escape a data value so markdown shows it as plain text (no links, emphasis, maths or HTML from data)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def md_link(text: object, url: str) -> str:
    """A markdown link whose text is escaped and whose address cannot close the link early; plain text for
    anything that is not an http(s) address."""
    if not url.startswith(("http://", "https://")):
        return md(text)
    safe = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return f"[{md(text)}]({safe})"
