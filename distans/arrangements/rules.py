"""The request's state machine: which action is allowed in which state, and where it leads.
Pure: no database. Who may take an action is in `permissions.py`."""

from dataclasses import dataclass

DRAFT, AWAITING, IN_REVIEW = "draft", "awaiting_confirmation", "in_review"
CHANGES, RETURNED = "changes_proposed", "returned"
APPROVED, REJECTED, WITHDRAWN = "approved", "rejected", "withdrawn"
FINAL = {APPROVED, REJECTED, WITHDRAWN}

SUBMIT, SEND_FOR_CONFIRMATION, CONFIRM = "submit", "send_for_confirmation", "confirm"
APPROVE, APPROVE_WITH_CHANGES, REJECT, RETURN = "approve", "approve_with_changes", "reject", "return"
ACCEPT_CHANGES, DECLINE_CHANGES, WITHDRAW = "accept_changes", "decline_changes", "withdraw"
DECISIONS = (APPROVE, APPROVE_WITH_CHANGES, REJECT, RETURN)

ALLOWED = {
    SUBMIT: {DRAFT, RETURNED},
    SEND_FOR_CONFIRMATION: {DRAFT},
    CONFIRM: {AWAITING},
    APPROVE: {IN_REVIEW},
    APPROVE_WITH_CHANGES: {IN_REVIEW},
    REJECT: {IN_REVIEW},
    RETURN: {IN_REVIEW},
    ACCEPT_CHANGES: {CHANGES},
    DECLINE_CHANGES: {CHANGES},
    WITHDRAW: {DRAFT, AWAITING, IN_REVIEW, CHANGES, RETURNED},
}


class NotAllowed(Exception):
    pass


@dataclass(frozen=True)
class State:
    status: str
    step: int = 0


def allowed(status: str, action: str) -> bool:
    return status in ALLOWED.get(action, set())


def after(state: State, action: str, steps: int) -> State:
    """The state after `action`; `steps` is the length of the route. Raises NotAllowed."""
    if not allowed(state.status, action):
        raise NotAllowed(f"{action} is not allowed when {state.status}")
    if action in (SUBMIT, CONFIRM):
        return State(IN_REVIEW, 0)
    if action == SEND_FOR_CONFIRMATION:
        return State(AWAITING, 0)
    if action in (APPROVE, ACCEPT_CHANGES):
        following = state.step + 1
        return State(APPROVED, following) if following >= steps else State(IN_REVIEW, following)
    if action == APPROVE_WITH_CHANGES:
        return State(CHANGES, state.step)
    if action == REJECT:
        return State(REJECTED, state.step)
    if action == RETURN:
        return State(RETURNED, state.step)
    return State(WITHDRAWN, state.step)  # WITHDRAW, DECLINE_CHANGES
