"""Small helpers shared by the tests."""


def html(response) -> str:
    assert response.status_code in (200, 400, 409, 422), response.status_code
    return response.content.decode()
