"""SCIM's answers: JSON as `application/scim+json`, and errors in SCIM's own shape (RFC 7644 §3.12)."""

from django.http import JsonResponse

ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error"
LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse"


def scim_json(data, status: int = 200, location: str = "") -> JsonResponse:
    response = JsonResponse(data, status=status, content_type="application/scim+json")
    if location:
        response["Location"] = location
    return response


def scim_error(status: int, scim_type: str | None, detail: str) -> JsonResponse:
    body = {"schemas": [ERROR_SCHEMA], "status": str(status), "detail": detail}
    if scim_type:
        body["scimType"] = scim_type
    return scim_json(body, status=status)


class ScimRefusal(Exception):
    """What a SCIM request asks cannot be done: answered as a SCIM error (never a 500)."""

    def __init__(self, status: int, scim_type: str | None, detail: str):
        super().__init__(detail)
        self.status, self.scim_type, self.detail = status, scim_type, str(detail)

    def response(self) -> JsonResponse:
        return scim_error(self.status, self.scim_type, self.detail)
