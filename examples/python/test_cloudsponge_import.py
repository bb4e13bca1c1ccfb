"""CloudSponge username/password import, its progress moved by the simulators' clock."""

from __future__ import annotations

import requests

from contactkit_mocks import Mocks

# The documentation's domain key and password, and its example account (foo/bar).
DOMAIN = ("33664218758c5244136965160db455db012b1411", "Tpa01z+vVPE7MxXi")
ACCOUNT = {"service": "icloud", "username": "foo", "password": "bar"}


def begin_import(base: str) -> int:
    answer = requests.post(f"{base}/begin_import/import.json", auth=DOMAIN, data=ACCOUNT, timeout=10)
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "success"
    return answer.json()["import_id"]


def events(base: str, import_id: int) -> dict[str, str]:
    answer = requests.get(f"{base}/events/{import_id}.json", auth=DOMAIN, timeout=10)
    assert answer.status_code == 200, answer.text
    return {event["event_type"]: event["status"] for event in answer.json()["events"]}


def test_the_import_completes_when_the_clock_moves_and_returns_the_address_book(mocks: Mocks) -> None:
    base = mocks.url("cloudsponge")
    import_id = begin_import(base)

    # The clock has not moved: the import is still gathering and there are no contacts yet.
    assert "COMPLETE" not in events(base, import_id)
    assert requests.get(f"{base}/contacts/{import_id}.json", auth=DOMAIN, timeout=10).status_code == 404

    # Initializing (1 s) and gathering (3 s) pass in an instant on the manual clock.
    mocks.advance(4_000)
    assert events(base, import_id) == {"INITIALIZING": "COMPLETED", "GATHERING": "COMPLETED", "COMPLETE": "COMPLETED"}

    answer = requests.get(f"{base}/contacts/{import_id}.json", auth=DOMAIN, timeout=10)
    assert answer.status_code == 200, answer.text
    book = answer.json()
    owner = book["contacts_owner"]
    assert (owner["first_name"], owner["last_name"]) == ("Joe", "Smith")
    assert [(contact["first_name"], contact["last_name"]) for contact in book["contacts"]] == [
        ("John", "Doe"),
        ("Jane", "Smith"),
    ]


def test_the_contacts_are_gone_five_minutes_after_the_import(mocks: Mocks) -> None:
    base = mocks.url("cloudsponge")
    import_id = begin_import(base)
    mocks.advance(4_000)
    assert requests.get(f"{base}/contacts/{import_id}.json", auth=DOMAIN, timeout=10).status_code == 200

    mocks.advance(5 * 60_000)
    assert requests.get(f"{base}/contacts/{import_id}.json", auth=DOMAIN, timeout=10).status_code == 410


def test_a_wrong_password_ends_the_import_in_error(mocks: Mocks) -> None:
    base = mocks.url("cloudsponge")
    answer = requests.post(
        f"{base}/begin_import/import.json", auth=DOMAIN, data={**ACCOUNT, "password": "nope"}, timeout=10
    )
    import_id = answer.json()["import_id"]
    mocks.advance(4_000)

    assert "ERROR" in events(base, import_id).values()
