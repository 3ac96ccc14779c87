"""What equipment asks of the apps above it, which it does not import (see `core.hooks`).

`loan_report`: where to send the person who has just marked a loan lost or returned it damaged, to
report what happened (follow-up answers its deviation form, filled in with the loan). With no answer,
back to the loans.
"""

from typing import Protocol

from distans.core.hooks import Hook
from distans.equipment.models import Loan


class LoanReport(Protocol):
    def __call__(self, *, loan: Loan) -> str | None: ...  # a URL, or None


loan_report: Hook[LoanReport] = Hook("equipment.loan_report")
