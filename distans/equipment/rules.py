"""Who may borrow what, pure: the item's eligibility against the remote days agreed and the policy."""

from decimal import Decimal

YES, NO, DECISION = "yes", "no", "decision"


def entitlement(eligibility: str, agreed_days: Decimal, extra_days: Decimal) -> str:
    """yes: lend on request; decision: the manager decides; no: not under this policy."""
    if eligibility == "everyone":
        return YES if agreed_days > 0 else DECISION
    if eligibility == "above_days":
        return YES if agreed_days > extra_days else NO
    return DECISION
