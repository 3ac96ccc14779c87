def login_username(request, credentials) -> str | None:
    """The account a sign-in attempt is for, as django-axes counts failures per account."""
    name = (credentials or {}).get("username") or request.POST.get("username")
    return name.strip().lower() if name else None
