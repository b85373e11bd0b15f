r"""HTML from the reports' Markdown: the few shapes a briefing writes, and nothing else.

A briefing is Markdown whose every piece of a document's text went through
:func:`ilacs.reports.markdown.inline`, so its structure (headings, lists, tables,
bold, emphasis, code, autolinks) is the report's own. :func:`to_html` turns those
shapes into HTML and escapes everything else: a backslash escape becomes the
character itself, escaped for HTML, and only ``&amp;``, ``&lt;`` and ``&gt;`` pass
as character references. No text from a document can become a tag or an attribute.

>>> print(to_html("# Hull &lt;script&gt;\n\n- **Report**: <https://example.org/a?b&c>"))
<h1>Hull &lt;script&gt;</h1>
<ul>
<li><strong>Report</strong>: <a href="https://example.org/a?b&amp;c">https://example.org/a?b&amp;c</a></li>
</ul>
"""

import html
import re

__all__ = ["to_html"]

_HEADING = re.compile(r"(#{1,6}) (.*)")
_BULLET = re.compile(r"- (.*)")
_NUMBERED = re.compile(r"[0-9]{1,9}\. (.*)")
_RULE = re.compile(r"\|(?:-{3,}\|)+")
_REFERENCE = re.compile(r"&(?:amp|lt|gt);")
_AUTOLINK = re.compile(r"<(https?://[^\s<>]*)>")


def _text(text: str) -> str:
    """Text as HTML text: ``&``, ``<`` and ``>`` escaped (quotes need no escape outside a tag)."""
    return html.escape(text, quote=False)


def _inline(text: str) -> str:
    """One line of the reports' inline Markdown as HTML."""
    out: list[str] = []
    open_tags: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            out.append(_text(text[index + 1]))
            index += 2
            continue
        if char == "`":
            end = text.find("`", index + 1)
            if end > index:
                out.append(f"<code>{_text(text[index + 1 : end])}</code>")
                index = end + 1
                continue
        if char == "*":
            tag = "strong" if text.startswith("**", index) else "em"
            if open_tags and open_tags[-1] == tag:
                out.append(f"</{open_tags.pop()}>")
            else:
                open_tags.append(tag)
                out.append(f"<{tag}>")
            index += 2 if tag == "strong" else 1
            continue
        if char == "&" and (reference := _REFERENCE.match(text, index)):
            out.append(reference.group())
            index = reference.end()
            continue
        if char == "<" and (link := _AUTOLINK.match(text, index)):
            url = link.group(1)
            out.append(f'<a href="{html.escape(url)}">{_text(url)}</a>')
            index = link.end()
            continue
        out.append(_text(char))
        index += 1
    out.extend(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(out)


def _cells(line: str) -> list[str]:
    """The cells of a table row, split at each ``|`` that is not escaped."""
    cells, current, index = [], [], 1
    while index < len(line):
        char = line[index]
        if char == "\\" and index + 1 < len(line):
            current.append(line[index : index + 2])
            index += 2
            continue
        if char == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        index += 1
    return cells


def _table(rows: list[str]) -> list[str]:
    out = ["<table>", "<thead>", "<tr>"]
    out.extend(f"<th>{_inline(cell)}</th>" for cell in _cells(rows[0]))
    out.extend(["</tr>", "</thead>", "<tbody>"])
    out.extend(
        "<tr>" + "".join(f"<td>{_inline(cell)}</td>" for cell in _cells(row)) + "</tr>"
        for row in rows[2:]
    )
    out.extend(["</tbody>", "</table>"])
    return out


def to_html(markdown: str) -> str:
    r"""The HTML of a report's Markdown (see the module): blocks one a line, text escaped.

    >>> print(to_html("| A \\| B | C |\n|---|---|\n| 1 | `x` |"))
    <table>
    <thead>
    <tr>
    <th>A | B</th>
    <th>C</th>
    </tr>
    </thead>
    <tbody>
    <tr><td>1</td><td><code>x</code></td></tr>
    </tbody>
    </table>
    """
    lines = markdown.splitlines()
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if heading := _HEADING.fullmatch(line):
            level = len(heading.group(1))
            out.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
            index += 1
            continue
        if line.startswith("|") and index + 1 < len(lines) and _RULE.fullmatch(lines[index + 1]):
            end = index + 2
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            out.extend(_table(lines[index:end]))
            index = end
            continue
        index = _list_or_paragraph(lines, index, out)
    return "\n".join(out) + "\n"


def _list_or_paragraph(lines: list[str], index: int, out: list[str]) -> int:
    """Add the list or paragraph that starts at ``index``; the index of the line after it."""
    for pattern, tag in ((_BULLET, "ul"), (_NUMBERED, "ol")):
        if pattern.fullmatch(lines[index]):
            out.append(f"<{tag}>")
            while index < len(lines) and (item := pattern.fullmatch(lines[index])):
                out.append(f"<li>{_inline(item.group(1))}</li>")
                index += 1
            out.append(f"</{tag}>")
            return index
    paragraph = [lines[index]]
    index += 1
    while index < len(lines) and lines[index].strip() and not _starts_block(lines, index):
        paragraph.append(lines[index])
        index += 1
    out.append(f"<p>{_inline(' '.join(paragraph))}</p>")
    return index


def _starts_block(lines: list[str], index: int) -> bool:
    line = lines[index]
    return bool(
        _HEADING.fullmatch(line)
        or _BULLET.fullmatch(line)
        or _NUMBERED.fullmatch(line)
        or (line.startswith("|") and index + 1 < len(lines) and _RULE.fullmatch(lines[index + 1]))
    )
