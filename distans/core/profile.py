"""What the profile page offers beside preferences, password and tokens: links the apps above core add
(identity: two-factor sign-in). Each subscriber answers a link, or None when it does not apply."""

from typing import Any, Protocol, TypedDict

from distans.core.hooks import Hook


class ProfileLink(TypedDict):
    text: str
    url: str


class ProfileLinkSource(Protocol):
    def __call__(self, *, user: Any) -> ProfileLink | None: ...


profile_links: Hook[ProfileLinkSource] = Hook("core.profile_links")
