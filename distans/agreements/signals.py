"""What agreements tell the apps that build on them, without knowing those apps."""

from django.dispatch import Signal

# A person's remote-work rights may differ from `since` on (an agreement took effect, was amended,
# suspended, reinstated or given notice). Sent inside the change's transaction with `person`, `since`
# and `actor` (None for the date-driven sweep); the weekly plans follow it.
rights_changed = Signal()
