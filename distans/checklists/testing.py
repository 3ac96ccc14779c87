"""Helpers for tests that fill in checklists: the built-in templates and answers by question number.
Checklists' own tests and those of the apps above it import them."""

from distans.checklists.models import ChecklistTemplate

# Answers to the built-in suitability assessment that pass it.
GOOD_SUITABILITY = {
    "q1": "yes",
    "q2": "yes",
    "q3": 4,
    "q4": 30,
    "q5": "yes",
    "q6": 4,
    "q7": 4,
    "q8": 5,
    "q9": 4,
    "q10": 4,
    "q11": "yes",
    "q12": "o1",
}


def builtin(key: str) -> ChecklistTemplate:
    return ChecklistTemplate.objects.get(key=key)


def answers_for(assignment, **by_position):
    """Answers keyed by item id from answers keyed by question number: q1="yes", q3=4."""
    items = {item.position: item for item in assignment.version.items.all()}
    return {str(items[int(key[1:])].pk): value for key, value in by_position.items()}
