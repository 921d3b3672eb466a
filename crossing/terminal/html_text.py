"""The compiled story's HTML, shown in a terminal: paragraphs, emphasis, links, citations."""

from __future__ import annotations

from html.parser import HTMLParser

from rich.text import Text


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = Text()
        self.styles: list[str] = []
        self.in_citation = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "p" and self.text.plain:
            self.text.append("\n\n")
        elif tag == "em":
            self.styles.append("italic")
        elif tag == "strong":
            self.styles.append("bold")
        elif tag == "sup":
            self.in_citation = True
            self.styles.append("dim")
        elif tag == "a" and not self.in_citation:
            self.styles.append(f"underline link {attributes.get('href') or ''}".strip())

    def handle_endtag(self, tag: str) -> None:
        if tag in ("em", "strong", "sup", "a") and self.styles:
            if tag == "a" and self.in_citation:
                return
            self.styles.pop()
            if tag == "sup":
                self.in_citation = False

    def handle_data(self, data: str) -> None:
        if self.in_citation:
            data = f"[{data}]"
        data = data.replace("\n", " ")  # soft line breaks: let the terminal wrap
        self.text.append(data, style=" ".join(self.styles) or None)


def to_rich(html: str) -> Text:
    converter = _Converter()
    converter.feed(html)
    converter.close()
    return converter.text
