"""Pure rules about the organisation: no database, no request."""

import unicodedata

# Letters that do not decompose into a base letter and a mark, written the way Nordic people
# type them when they have no Nordic keyboard.
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l"})


def fold(text: str) -> str:
    """Lower-case text without diacritics: "Øberg" and "Öberg" both give "oberg"."""
    lowered = text.casefold().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_text(full_name: str, email: str, employee_number: str | None) -> str:
    """What a directory search looks in: the name as written and folded, e-mail, number."""
    parts = [
        full_name.casefold(),
        fold(full_name),
        email.casefold(),
        (employee_number or "").casefold(),
    ]
    return " | ".join(parts)[:400]


def search_terms(query: str) -> list[str]:
    """The words of a query; a person matches when `search_text` contains every one.

    "öberg" finds Öberg through the name as written, "oberg" through its folded form.
    """
    return [word.casefold() for word in query.split()][:5]


def find_cycle(parent_of: dict[str, str | None]) -> list[str] | None:
    """The first cycle in a child → parent mapping, as a list of keys, or None."""
    done: set[str] = set()
    for start in parent_of:
        path: list[str] = []
        seen: set[str] = set()
        node: str | None = start
        while node is not None and node not in done:
            if node in seen:
                return path[path.index(node) :]
            seen.add(node)
            path.append(node)
            node = parent_of.get(node)
        done.update(path)
    return None
