"""What My page shows. Core owns the page but knows none of the apps above it: each app registers, in
its `AppConfig.ready`, what needs the person's attention and the sections it adds.

    attention_sources.subscribe("checklists", attention_for)      # (user) -> list[AttentionItem]
    sections.subscribe("org.team", team_section)                  # (user) -> Section | None

Sources and sections appear in the order they subscribed, which is the order of INSTALLED_APPS.
"""

from typing import Any, Protocol, TypedDict

from distans.core.hooks import Hook, Section


class AttentionItem(TypedDict, total=False):
    text: str
    url: str


class AttentionSource(Protocol):
    def __call__(self, user: Any) -> list[AttentionItem]: ...


class SectionSource(Protocol):
    def __call__(self, user: Any) -> Section | None: ...  # None: nothing to show this person


attention_sources: Hook[AttentionSource] = Hook("core.attention_sources")
sections: Hook[SectionSource] = Hook("core.my_page_sections")


def attention_for(user: Any) -> list[AttentionItem]:
    return [item for items in attention_sources.collect(user) for item in items]


def sections_for(user: Any) -> list[Section]:
    return [section for section in sections.collect(user) if section is not None]
