from ninja import Router, Schema

from distans.core.permissions import roles_of

router = Router(tags=["me"])


class MeOut(Schema):
    id: int
    email: str
    name: str
    language: str
    time_zone: str
    roles: list[str]


@router.get("/me", response=MeOut, summary="The signed-in person")
def me(request):
    user = request.user
    return MeOut(
        id=user.pk,
        email=user.email,
        name=user.full_name,
        language=user.language,
        time_zone=user.time_zone,
        roles=roles_of(user),
    )
