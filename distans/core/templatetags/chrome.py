"""The base layout's parts that are the same on every page for everyone reading the same language (the
links to styles and scripts, the brand, the footer): drawn once per process, not on every request.

    {% once "footer" %}<footer>{% translate "…" %} <a href="{% url '…' %}">…</a></footer>{% endonce %}
    {% once "languages" languages=languages LANGUAGE_CODE=LANGUAGE_CODE %}…{% endonce %}

A part holds whole elements (core/tests/test_chrome.py checks base.html), so the page's structure reads
in the template. It is kept under its name, the active language and the values given to it, and sees
those values only: the request, the person and the CSRF token are not in its context, so nothing of one
person's page can be kept for another's. Kept parts are dropped when a setting changes, and never kept
with DEBUG on (templates change while the development server runs)."""

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

_drawn: dict[tuple, str] = {}


def _forget(**kwargs) -> None:
    _drawn.clear()


setting_changed.connect(_forget, dispatch_uid="core.chrome.forget")


class OnceNode(template.Node):
    def __init__(self, nodelist, name: str, values: dict):
        self.nodelist, self.name, self.values = nodelist, name, values

    def render(self, context):
        values = {name: value.resolve(context) for name, value in self.values.items()}
        key = (self.name, get_language(), *values.values())  # values are hashable: text, flags, tuples
        drawn = _drawn.get(key)
        if drawn is None:
            own = template.Context(values, autoescape=context.autoescape)
            with own.bind_template(context.template):
                drawn = self.nodelist.render(own)
            if not settings.DEBUG:
                _drawn[key] = drawn
        return mark_safe(drawn)  # noqa: S308  (drawn by the template language, escaped there)


@register.tag
def once(parser, token):
    """{% once "name" [variable=value …] %}…{% endonce %}: drawn once per name, language and values."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError("once takes a quoted name, then variable=value pairs.")
    values = template.base.token_kwargs(bits[2:], parser)
    if len(values) != len(bits) - 2:
        raise template.TemplateSyntaxError("once takes variable=value pairs after its name.")
    nodelist = parser.parse(("endonce",))
    parser.delete_first_token()
    return OnceNode(nodelist, bits[1][1:-1], values)
