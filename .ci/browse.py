"""What .ci/production asks of a running Distans over HTTP, as a browser behind the TLS proxy would: the
proxy's header says HTTPS, so Distans's cookies are Secure, and this keeps them as a browser on HTTPS does.

    browse.py ready ADDRESS HOST                       wait for /readyz to answer 200 (90 s at most)
    browse.py welcome ADDRESS HOST MAIL_DIR PASSWORD   follow the invitation in the e-mail, choose a password
    browse.py sign-in ADDRESS HOST EMAIL PASSWORD NAME sign in and find NAME on My page
    browse.py metrics ADDRESS HOST NAME...             find each metric NAME at /metrics
"""

import email
import email.policy
import http.client
import re
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit


class Browser:
    def __init__(self, address: str, host: str):
        self.address, self.host, self.cookies = address, host, {}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        headers = {"Host": self.host, "X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://{self.host}",
                "Referer": f"https://{self.host}{path}",
            }
        connection = http.client.HTTPConnection(self.address, timeout=60)
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        location = urlsplit(response.getheader("Location") or "")
        return response.status, location.path, response.read().decode()

    def form(self, path: str, fields: dict) -> tuple[int, str, str]:
        status, _, page = self.request("GET", path)
        assert status == 200, f"GET {path}: {status}"
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, f"no form on {path}"
        return self.request("POST", path, {"csrfmiddlewaretoken": token.group(1), **fields})


def ready(address: str, host: str) -> None:
    deadline, answer = time.monotonic() + 90, ""
    while time.monotonic() < deadline:
        try:
            status, _, answer = Browser(address, host).request("GET", "/readyz")
            if status == 200:
                print("ready:", answer)
                return
        except OSError as error:
            answer = str(error)
        time.sleep(1)
    sys.exit(f"/readyz did not answer 200 within 90 s: {answer}")


def welcome(address: str, host: str, mail_dir: str, password: str) -> None:
    """The invitation as the person gets it: a text and an HTML part, automatic, with a link to SITE_URL."""
    deadline = time.monotonic() + 60
    while not list(Path(mail_dir).glob("*.log")) and time.monotonic() < deadline:
        time.sleep(1)
    raw = b"".join(path.read_bytes() for path in sorted(Path(mail_dir).glob("*.log")))
    messages = [
        email.message_from_bytes(part.strip(), policy=email.policy.default)
        for part in raw.split(b"-" * 79)
        if part.strip()
    ]
    assert messages, "no e-mail was sent"
    message = messages[0]
    assert message["Auto-Submitted"] == "auto-generated", message["Auto-Submitted"]
    parts = {
        part.get_content_type(): part.get_content() for part in message.walk() if not part.is_multipart()
    }
    assert {"text/plain", "text/html"} <= set(parts), set(parts)
    link = re.search(rf"https://{re.escape(host)}(/welcome/\S+/)", parts["text/plain"])
    assert link, parts["text/plain"]
    browser = Browser(address, host)
    status, form_path, _ = browser.request("GET", link.group(1))
    assert status == 302, f"the invitation link answered {status}"
    status, after, _ = browser.form(form_path, {"new_password1": password, "new_password2": password})
    assert status == 302 and after == "/login/", f"choosing a password answered {status} {after}"
    print("invitation followed, password chosen by", message["To"])


def sign_in(address: str, host: str, address_email: str, password: str, name: str) -> None:
    browser = Browser(address, host)
    status, after, _ = browser.form("/login/", {"username": address_email, "password": password})
    assert status == 302 and after != "/login/", f"signing in answered {status} {after}"
    status, _, page = browser.request("GET", "/")
    assert status == 200 and name in page, f"My page answered {status} without {name}"
    print("signed in as", address_email)


def metrics(address: str, host: str, *names: str) -> None:
    """Prometheus scrapes gunicorn directly, over plain HTTP from the monitoring network."""
    connection = http.client.HTTPConnection(address, timeout=60)
    connection.request("GET", "/metrics", headers={"Host": host})
    response = connection.getresponse()
    body = response.read().decode()
    assert response.status == 200, f"/metrics answered {response.status}"
    lines = [line for line in body.splitlines() if not line.startswith("#")]
    missing = [name for name in names if not any(line.startswith(name) for line in lines)]
    assert not missing, f"not in /metrics: {missing}"
    print("metrics:", ", ".join(names))


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {"ready": ready, "welcome": welcome, "sign-in": sign_in, "metrics": metrics}[command](*arguments)
