"""What a browser sends from a page's form, for tests that post exactly that."""

from html.parser import HTMLParser


class _Form(HTMLParser):
    """What a browser would send from one of the page's POST forms, unchanged: text, dates, hidden
    fields, ticked boxes, the selected option of each select, and textareas."""

    def __init__(self, action: str):
        super().__init__()
        self.action = action
        self.data: list[tuple[str, str]] = []
        self.selected: dict[str, str] = {}
        self._in_form = self._select = self._textarea = None
        self._first_option: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post" and self._in_form is None:
            self._in_form = attrs.get("action", "") == self.action
        if not self._in_form:
            return
        if tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.append((attrs["name"], attrs.get("value", "on")))
            elif kind != "submit":
                self.data.append((attrs["name"], attrs.get("value") or ""))
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select:
            self._first_option.setdefault(self._select, attrs.get("value", ""))
            if "selected" in attrs:
                self.selected[self._select] = attrs.get("value", "")
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.data.append((self._textarea, ""))

    def handle_data(self, data):
        if self._textarea:
            name, text = self.data.pop()
            self.data.append((name, text + data))

    def handle_endtag(self, tag):
        if tag == "select" and self._select:
            name = self._select
            self.data.append((name, self.selected.get(name, self._first_option.get(name, ""))))
            self._select = None
        elif tag == "textarea":
            self._textarea = None
            name, text = self.data.pop()
            self.data.append((name, text.removeprefix("\n")))
        elif tag == "form" and self._in_form is not None:
            self._in_form = None if not self._in_form else False


def browser_form(html: str, action: str = "") -> _Form:
    """The POST form with this action (empty: the one that posts to the page itself)."""
    form = _Form(action)
    form.feed(html)
    return form


def as_post(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    return data
