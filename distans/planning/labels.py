"""Where a person is on a day, in words: one place for the week cards, the team grid and the feeds."""

from django.utils.translation import gettext as _

from distans.planning import rules


def words() -> dict[str, str]:
    """The labels in the active language; pages translate them once, not once per cell."""
    return {
        "office": _("Office"),
        "remote": _("Remote"),
        "other": _("Other place"),
        "abroad": _("Abroad"),
        "away": _("Away"),
        "off": _("Not working"),
        "leave": _("Leave"),
        "sick": _("Sick"),
        "travel": _("Travel"),
    }


def day_label(
    day: rules.Day, words: dict[str, str], *, reasons: bool, sites: dict[int, str] | None = None
) -> str:
    """`reasons`: whether the reader may see why someone is away, or where abroad; `sites`: name the
    office on office days."""
    if day.kind == rules.HOLIDAY:
        return day.detail
    if day.kind == rules.AWAY and reasons and day.detail:
        return f"{words['away']} · {words.get(day.detail, day.detail)}"
    if day.kind == rules.ABROAD and reasons and day.detail:
        return f"{words['abroad']} · {day.detail}"
    if day.kind == rules.OFFICE and sites and day.site_id in sites:
        return f"{words['office']} · {sites[day.site_id]}"
    return words[day.kind]
