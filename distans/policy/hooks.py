"""What the policy asks of the apps above it, which it does not import (see `core.hooks`).

`page_actions`: what a reader of the policy can do next, as buttons under its summary (arrangements:
ask to work remotely). Each subscriber answers a link, or None when the reader cannot follow it.
"""

from typing import Any, Protocol, TypedDict

from distans.core.hooks import Hook


class PageAction(TypedDict):
    text: str
    url: str


class PageActionSource(Protocol):
    def __call__(self, *, user: Any) -> PageAction | None: ...


page_actions: Hook[PageActionSource] = Hook("policy.page_actions")
