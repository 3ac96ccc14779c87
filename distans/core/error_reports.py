"""Error reports to Sentry, only when SENTRY_DSN is set, with no personal data: no local variables, no
request body, cookies, headers or query string, and of the person only their id."""

from typing import Any

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from distans.core.request_id import current_request, user_id


def scrub(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    request = event.get("request")
    if request:
        event["request"] = {key: request[key] for key in ("method", "url") if key in request}
        if "url" in event["request"]:
            event["request"]["url"] = event["request"]["url"].split("?", 1)[0]
    request_now = current_request.get()
    person = user_id(request_now) if request_now is not None else None
    event["user"] = {"id": str(person)} if person else {}
    if request_now is not None:
        event.setdefault("tags", {})["request_id"] = request_now.request_id
    return event


def sentry_start(dsn: str, *, environment: str, traces_sample_rate: float) -> None:
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=traces_sample_rate,
        before_send=scrub,  # type: ignore[arg-type]  # sentry's Event is a TypedDict of this shape
    )
