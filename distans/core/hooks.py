"""Hooks: how a lower app lets the apps above it react, without importing them.

Dependencies run one way (core → org → … → arrangements → agreements → …). When something in a
lower app matters to a higher one (a request is approved, so an agreement is drafted), the lower app
owns a `Hook`, typed by a `Protocol` that says what a subscriber receives, and announces it; the
higher app subscribes in its `AppConfig.ready`:

    # arrangements/hooks.py (the lower app)
    class RequestApproved(Protocol):
        def __call__(self, *, actor: Person, request: Request) -> object: ...

    request_approved: Hook[RequestApproved] = Hook("arrangements.request_approved")
    request_approved.announce(actor=actor, request=request)      # in the service

    # agreements/apps.py (the higher app)
    request_approved.subscribe("agreements.draft_from_request", agreement_draft_from_request)

Unlike a Django signal, subscribers run in the order they subscribed, synchronously, in the
announcer's transaction, and an exception reaches the announcer: a subscriber that fails rolls the
change back with it. A key subscribes once, so `ready()` running twice changes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, cast

Handler = TypeVar("Handler", bound=Callable[..., object])


class Hook(Generic[Handler]):
    def __init__(self, name: str) -> None:
        self.name = name
        self._subscribers: dict[str, Handler] = {}

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {', '.join(self._subscribers) or 'no subscribers'}>"

    def subscribe(self, key: str, handler: Handler) -> None:
        """Call `handler` on every announcement; the same key again replaces it."""
        self._subscribers[key] = handler

    def unsubscribe(self, key: str) -> None:
        self._subscribers.pop(key, None)

    @property
    def subscribers(self) -> list[str]:
        return list(self._subscribers)

    @property
    def announce(self) -> Handler:
        """Tell every subscriber, with the arguments the hook's Protocol names."""

        def announce(*args: Any, **kwargs: Any) -> None:
            for handler in list(self._subscribers.values()):
                handler(*args, **kwargs)

        return cast(Handler, announce)

    def run_one(self, key: str, *args: Any, **kwargs: Any) -> Any:
        """Call one subscriber, by its key (for registries whose callers handle each one apart)."""
        return self._subscribers[key](*args, **kwargs)

    def collect(self, *args: Any, **kwargs: Any) -> list[Any]:
        """Ask every subscriber, in order, and return their answers (for registries of sources)."""
        return [handler(*args, **kwargs) for handler in list(self._subscribers.values())]


@dataclass(frozen=True)
class Section:
    """A part of a page that a higher app contributes (My page, an agreement): its template reads what
    `data` holds as `data`. On My page a card sits beside "Needs your attention"; other sections follow
    below, full width."""

    template: str
    data: dict[str, Any] = field(default_factory=dict)
    card: bool = False
