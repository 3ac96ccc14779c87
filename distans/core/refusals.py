"""Where a page shows a service's refusal: the one way views turn a `DomainError` into what the person sees.

Each helper is a context manager around the service call. Nothing raised: the block runs on (a view
usually returns its redirect inside it). Refused: the error's translated message goes on the form (on
the field the error names, when the form has it) or into the page's messages, the block stops there,
and the view carries on after it to render the page again. The yielded `Refusal` tells which error it
was, for the few pages that answer with its status or say it in a place of their own. A `NotAllowed`
is never shown on the form: the person may not do this at all, so the page answers 403 with its message,
as the API does.

    with refusal_on(form):
        services.thing_create(actor=request.user, **form.cleaned_data)
        return redirect("things:list")
    return render(request, "things/new.html", {"form": form}, status=400)
"""

from collections.abc import Collection, Iterator
from contextlib import contextmanager

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from distans.core.errors import DomainError, NotAllowed


class Refusal:
    """The error a block was refused with; false while nothing was refused."""

    def __init__(self) -> None:
        self.error: DomainError | None = None

    def __bool__(self) -> bool:
        return self.error is not None

    @property
    def code(self) -> str:
        return self.error.code if self.error else ""

    @property
    def message(self) -> str:
        return self.error.message if self.error else ""

    @property
    def status(self) -> int:
        return self.error.status if self.error else 200


@contextmanager
def refused() -> Iterator[Refusal]:
    """Record a refusal without showing it; a `NotAllowed` answers 403 with its message."""
    refusal = Refusal()
    try:
        yield refusal
    except NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except DomainError as error:
        refusal.error = error


@contextmanager
def refusal_on(
    form: forms.BaseForm, *, field: str | None = None, elsewhere: Collection[str] = ()
) -> Iterator[Refusal]:
    """A refusal becomes an error on `form`: beside the field the error names, else beside `field`, else
    above the form. Codes in `elsewhere` are only recorded: the page says them in a place of its own."""
    with refused() as refusal:
        yield refusal
    error = refusal.error
    if error is not None and error.code not in elsewhere:
        form.add_error(error.field if error.field in form.fields else field, error.message)


@contextmanager
def refusal_message(request: HttpRequest) -> Iterator[Refusal]:
    """A refusal becomes an error message on the next page (the view redirects after it)."""
    with refused() as refusal:
        yield refusal
    if refusal:
        messages.error(request, refusal.message)
