"""Helpers for tests that sign in through a real OpenID Connect provider (oidc-provider-mock, run in a
thread by the `provider` fixture in tests/conftest.py)."""

from urllib.parse import parse_qs, urlencode, urlsplit

import requests

CLIENT_ID = "distans"
CLIENT_SECRET = "distans-secret"


def person_at_provider(issuer: str, sub: str, **claims) -> None:
    """The account the provider knows: its subject and claims (e-mail, groups, an employee number)."""
    requests.put(f"{issuer}/users/{sub}", json=claims, timeout=5).raise_for_status()


def authorize(authorize_url: str, sub: str) -> str:
    """She signs in at the provider (its form, as a browser posts it): the address it sends her back to."""
    answer = requests.post(authorize_url, data={"sub": sub}, allow_redirects=False, timeout=5)
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"]


def local(url: str) -> str:
    """The path and query of an address on the test server."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def tokens_for(issuer: str, sub: str, *, client_id: str, nonce: str) -> dict:
    """Tokens the provider issues to a client, fetched as that client would (code, then token endpoint)."""
    redirect_uri = "http://testserver/sso/callback/"
    url = f"{issuer}/oauth2/authorize?" + urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "scope": "openid email profile",
            "state": "s",
            "nonce": nonce,
        }
    )
    code = query(authorize(url, sub))["code"]
    answer = requests.post(
        f"{issuer}/oauth2/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "client_id": client_id,
            "client_secret": CLIENT_SECRET,
        },
        timeout=5,
    )
    answer.raise_for_status()
    return answer.json()
