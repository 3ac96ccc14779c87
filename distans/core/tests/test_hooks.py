"""A hook tells its subscribers in order, once per key, and lets their errors reach the announcer."""

from typing import Protocol

import pytest

from distans.core.hooks import Hook


class Said(Protocol):
    def __call__(self, *, word: str) -> None: ...


def test_subscribers_hear_in_the_order_they_subscribed_and_a_key_subscribes_once():
    hook: Hook[Said] = Hook("test.said")
    heard = []
    hook.subscribe("first", lambda *, word: heard.append(("first", word)))
    hook.subscribe("second", lambda *, word: heard.append(("second", word)))
    hook.subscribe("first", lambda *, word: heard.append(("first again", word)))
    hook.announce(word="hej")
    assert heard == [("first again", "hej"), ("second", "hej")]
    assert hook.subscribers == ["first", "second"]
    hook.unsubscribe("first")
    hook.unsubscribe("nobody")
    hook.announce(word="då")
    assert heard[-1] == ("second", "då") and len(heard) == 3


def test_a_failing_subscriber_stops_the_announcement_and_reaches_the_announcer():
    hook: Hook[Said] = Hook("test.said")
    heard = []

    def fails(*, word):
        raise ValueError(word)

    hook.subscribe("fails", fails)
    hook.subscribe("after", lambda *, word: heard.append(word))
    with pytest.raises(ValueError, match="hej"):
        hook.announce(word="hej")
    assert heard == []


def test_nobody_subscribed_is_no_error():
    Hook[Said]("test.said").announce(word="hej")
