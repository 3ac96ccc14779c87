"""The layout's kept parts (`{% once %}`, core/templatetags/chrome.py) hold whole elements only: a part that
opened an element another part or the page closes would hide the page's structure from whoever reads
base.html, and keep half a tag for every page."""

import re
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings

VOID = {"meta", "link", "input", "br", "img", "hr", "source", "wbr"}


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.stray: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.stray.append(tag)


def unbalanced(part: str) -> list[str]:
    """The elements a template fragment opens and does not close, or closes without opening."""
    text = re.sub(r"{#.*?#}|{%.*?%}", "", part, flags=re.S)
    checker = _Elements()
    checker.feed(re.sub(r"{{.*?}}", "x", text, flags=re.S))
    checker.close()
    return checker.open + checker.stray


def test_every_kept_part_of_the_layout_holds_whole_elements():
    source = (Path(settings.BASE_DIR) / "distans" / "templates" / "base.html").read_text()
    parts = re.findall(r'{% once "([^"]+)"[^%]*%}(.*?){% endonce %}', source, re.S)
    assert {name for name, _part in parts} >= {"head", "links", "brand", "languages", "alert", "footer"}
    assert {name: unbalanced(part) for name, part in parts if unbalanced(part)} == {}


def test_the_check_finds_a_part_that_only_opens_an_element():
    assert unbalanced('<form action="{% url "x" %}">') == ["form"]
    assert unbalanced("<header><div><a href='#'>x</a>") == ["header", "div"]
    assert unbalanced("<p>{{ a }}</p><br>") == []


def test_no_template_comment_spans_lines():
    """Django ends a `{# #}` comment at the line's end: one left open is sent to every reader as text (in
    the head, it pushed the icon link into the body and the browser asked for /favicon.ico)."""
    root = Path(settings.BASE_DIR) / "distans"
    open_comments = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "{#" in line and "#}" not in line.split("{#", 1)[1]
    ]
    assert not open_comments
