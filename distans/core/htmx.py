def is_htmx(request) -> bool:
    """True for a partial-page request sent by htmx (not for a boosted full navigation)."""
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-Boosted") != "true"
