"""What My page shows. Core owns the page but knows none of the apps above it: each app registers, in
its `AppConfig.ready`, what needs the person's attention and the sections it adds.

    attention_sources.subscribe("checklists", attention_for)      # (user) -> list[AttentionItem]
    sections.subscribe("org.team", team_section)                  # (user) -> Section | None

Sections appear in the order they subscribed, which is the order of INSTALLED_APPS; a `HomeSection`
with `lead` comes first, above everything (the week at a glance). Attention items are things to do,
ordered by urgency (`by_urgency`): overdue first, then by due date, then those waiting longest, then
the rest, each source's own order kept among equals.
"""

import datetime
from dataclasses import dataclass
from typing import Any, Protocol, TypedDict

from django.utils import timezone

from distans.core.hooks import Hook, Section


class AttentionItem(TypedDict, total=False):
    text: str
    url: str | None
    due: datetime.date | None  # to be done by this date: overdue once it has passed
    since: datetime.date | None  # waiting for the person since this date (no date it is due by)
    overdue: bool  # set by `attention_for`


def day_of(moment: datetime.datetime | None) -> datetime.date | None:
    """The local day of a moment, for an item's `since` (None stays None)."""
    return timezone.localdate(moment) if moment else None


@dataclass(frozen=True)
class HomeSection(Section):
    """A section of My page; with `lead`, shown at the top, full width."""

    lead: bool = False


class AttentionSource(Protocol):
    def __call__(self, user: Any) -> list[AttentionItem]: ...


class SectionSource(Protocol):
    def __call__(self, user: Any) -> Section | None: ...  # None: nothing to show this person


attention_sources: Hook[AttentionSource] = Hook("core.attention_sources")
sections: Hook[SectionSource] = Hook("core.my_page_sections")


def by_urgency(items: list[AttentionItem], today: datetime.date) -> list[AttentionItem]:
    """Overdue first, then by due date, then those waiting longest, then the rest (a stable sort)."""

    def urgency(item: AttentionItem) -> tuple[int, datetime.date]:
        due, since = item.get("due"), item.get("since")
        return (0, due) if due else (1, since) if since else (2, today)

    ordered = sorted(items, key=urgency)
    for item in ordered:
        due = item.get("due")
        item["overdue"] = due is not None and due < today
    return ordered


def attention_for(user: Any) -> list[AttentionItem]:
    items = [item for items in attention_sources.collect(user) for item in items]
    return by_urgency(items, timezone.localdate())


def sections_for(user: Any) -> list[Section]:
    return [section for section in sections.collect(user) if section is not None]
