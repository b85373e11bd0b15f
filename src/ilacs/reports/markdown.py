r"""Markdown for the reports: a document's text shown as text, never as structure or HTML.

Text from a document (an authority's name, an improvement area, an action's title,
a pack's labels) goes into a report through :func:`inline`, which keeps it on its
line and makes every character read as itself:

- line breaks and other control characters fold to one space, and the ends are
  trimmed, so text cannot start a line of its own;
- ``\``, `````, ``*``, ``~``, ``[`` and ``]`` are escaped with a backslash wherever
  they stand (code, emphasis, strikethrough, links and images), and ``_`` wherever
  it can start or end emphasis (not inside a word such as ``snake_case``);
- ``<`` and ``>`` become ``&lt;`` and ``&gt;`` (no HTML, autolink or block quote),
  and ``&`` becomes ``&amp;`` where it would start a character reference such as
  ``&lt;`` (a plain "Hammersmith & Fulham" stays as it is);
- a leading ``#`` is escaped, and so are a leading ``-`` or ``+`` and a number
  before ``.`` or ``)`` where they would make a list (or ``---`` a rule), so text
  at the start of a list item cannot open a heading or a list of its own.

Table cells (:func:`cell`, :func:`table`) also escape ``|``. Ordinary prose
(apostrophes, hyphens inside words, dates, percentages) comes out unchanged.

>>> print(inline("Hull\n# Injected<script>alert(1)</script>"))
Hull # Injected&lt;script&gt;alert(1)&lt;/script&gt;
>>> print(inline("Children's services, 3 years ± 6 months"))
Children's services, 3 years ± 6 months
"""

import re
from collections.abc import Iterable, Sequence

__all__ = ["Markdown", "autolink", "cell", "inline", "table"]


class Markdown(str):
    r"""Markdown a report wrote itself, which :func:`cell` and :func:`table` keep as it is.

    >>> cell(Markdown("Audit (`qa-1`)")), cell("Audit (`qa-1`)")
    ('Audit (`qa-1`)', 'Audit (\\`qa-1\\`)')
    """

    __slots__ = ()


# Cc (C0, DEL, C1), line and paragraph separators: everything str.splitlines breaks at.
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_SPECIALS = re.compile(
    r"[\\`*~\[\]<>]"
    r"|&(?=#?[0-9A-Za-z]+;)"
    # An underscore between two letters or digits can neither open nor close emphasis.
    r"|(?<![^\W_])_|_(?![^\W_])"
)
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
# What opens a block at the start of a list item: a heading, a bullet or a thematic
# break, a number before "." or ")" and a space. (">" and "`" are escaped anywhere.)
_BLOCK_START = re.compile(r"#|[-+](?=\s|$|-)|[0-9]{1,9}(?=[.)](?:\s|$))")


def _escape(special: re.Match[str]) -> str:
    char = special.group()
    return _ENTITIES.get(char) or f"\\{char}"


def _unblock(start: re.Match[str]) -> str:
    mark = start.group()
    return f"{mark}\\" if mark[0].isdigit() else f"\\{mark}"


def inline(text: object) -> str:
    r"""The text as inline Markdown that shows it as it is, on one line (see the module).

    >>> print(inline("- **bold** [link](https://example.org) `code` 1_000 _x_"))
    \- \*\*bold\*\* \[link\](https://example.org) \`code\` 1_000 \_x\_
    >>> print(inline("1. Audits & supervision &amp; training"))
    1\. Audits & supervision &amp;amp; training
    """
    folded = _BREAKS.sub(" ", str(text)).strip()
    escaped = _SPECIALS.sub(_escape, folded)
    start = _BLOCK_START.match(escaped)
    return escaped if start is None else _unblock(start) + escaped[start.end() :]


def cell(value: object) -> str:
    r"""A table cell: :func:`inline` text (or :class:`Markdown` as it is), with ``|`` escaped.

    >>> cell("Health | Police"), cell(42)
    ('Health \\| Police', '42')
    """
    markdown = value if isinstance(value, Markdown) else inline(value)
    return markdown.replace("|", "\\|")


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    r"""The lines of a table; every header and cell goes through :func:`cell`.

    >>> print("\n".join(table(("Rating", "Actions"), [("Red", 1), ("Amber", 3)])))
    | Rating | Actions |
    |---|---|
    | Red | 1 |
    | Amber | 3 |
    """
    lines = [
        "| " + " | ".join(map(cell, header)) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines.extend("| " + " | ".join(map(cell, row)) + " |" for row in rows)
    return lines


# What a URI autolink cannot hold (CommonMark): ASCII controls, space, < and >.
_NOT_IN_AUTOLINK = re.compile(r"[\x00-\x20\x7f<>]")


def autolink(url: str) -> str:
    """A link to the URL as ``<url>``, with anything that would end it percent-encoded.

    >>> print(autolink("https://files.ofsted.gov.uk/v1/file/50044253"))
    <https://files.ofsted.gov.uk/v1/file/50044253>
    >>> print(autolink("https://example.org/a><script>"))
    <https://example.org/a%3E%3Cscript%3E>
    """
    encoded = _NOT_IN_AUTOLINK.sub(lambda char: f"%{ord(char.group()):02X}", url)
    return f"<{encoded}>"
