"""Between SCIM's resources (scim2-models) and Distans: the provider's description, reading what a client
sends, and the User and Group a person or group is answered as."""

from typing import Annotated, Any, ClassVar

from pydantic import EmailStr, ValidationError
from scim2_models import (
    AnyExtension,
    AuthenticationScheme,
    Bulk,
    ChangePassword,
    ComplexAttribute,
    Context,
    Email,
    EnterpriseUser,
    ETag,
    Filter,
    Group,
    Patch,
    Required,
    ResourceType,
    SCIMException,
    ScimPolicy,
    ScimProvider,
    ServiceProviderConfig,
    Sort,
    User,
)

from distans.scim.responses import ScimRefusal


class SignInEmail(Email):
    value: Annotated[EmailStr | None, Required.true] = None


class DistansUser(User[AnyExtension]):
    """SCIM's User, with an e-mail address required: people sign in to Distans with it."""

    emails: Annotated[list[SignInEmail] | None, Required.true] = None  # type: ignore[assignment]
    Emails: ClassVar[type[ComplexAttribute]] = SignInEmail


Enterprise = EnterpriseUser
UserResource = DistansUser[Enterprise]
MAX_RESULTS = 200

CONFIG = ServiceProviderConfig(
    patch=Patch(supported=True),
    bulk=Bulk(supported=False, max_operations=0, max_payload_size=0),
    filter=Filter(supported=True, max_results=MAX_RESULTS),
    change_password=ChangePassword(supported=False),
    sort=Sort(supported=False),
    etag=ETag(supported=False),
    authentication_schemes=[
        AuthenticationScheme(
            type=AuthenticationScheme.Type.oauthbearertoken,
            name="Provisioning token",
            description="A token an administrator creates in Distans, sent as Authorization: Bearer.",
            primary=True,
        )
    ],
)
PROVIDER = ScimProvider(
    models=[DistansUser, Enterprise, Group],
    resource_types=[ResourceType.from_resource(UserResource), ResourceType.from_resource(Group)],
    config=CONFIG,
)


# As Entra ID and Okta write: attributes Distans has no use for are dropped, a `remove` may name its value,
# and a path filter matching nothing (`emails[type eq "work"].value` on a person without one) adds it.
POLICY = ScimPolicy(
    unknown=ScimPolicy.Unknown.ignore,
    remove_value_as_filter=ScimPolicy.RemoveValue.apply,
    unmatched_path_filter=ScimPolicy.UnmatchedPathFilter.create,
)


def parse(model, payload: Any, context: Context | None = None):
    """The client's payload as a model, or a SCIM 400 naming what is wrong. Resources are read without a
    request context: Entra ID sends the manager without the `$ref` the schema calls required."""
    try:
        return model.model_validate(payload, scim_ctx=context, scim_policy=POLICY)
    except SCIMException as exc:
        raise ScimRefusal(400, exc.scim_type, exc.detail) from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ())) or "request"
        raise ScimRefusal(400, "invalidValue", f"{where}: {first.get('msg', 'invalid')}") from exc


def dump(resource, context: Context = Context.RESOURCE_QUERY_RESPONSE, parameters=None) -> dict:
    return resource.model_dump(scim_ctx=context, response_parameters=parameters)


def as_stored(resource) -> dict:
    """What a client wrote, kept to be answered back: without the server's own attributes."""
    data = resource.model_dump(scim_ctx=Context.RESOURCE_REPLACEMENT_REQUEST)
    for key in ("id", "meta", "schemas"):
        data.pop(key, None)
    return data
