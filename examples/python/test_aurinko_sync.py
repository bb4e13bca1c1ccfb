"""Aurinko incremental sync with requests: wait for provisioning, sync in full, change, read the delta."""

from __future__ import annotations

import requests

from contactkit_mocks import Mocks

# The simulator's documented sandbox account (id 1001): Sam Black and 24 generated contacts.
ACCESS_TOKEN = "aurinko-sandbox-token"


def session() -> requests.Session:
    client = requests.Session()
    client.headers["Authorization"] = f"Bearer {ACCESS_TOKEN}"
    return client


def read_all(client: requests.Session, url: str, token: str) -> tuple[list[dict], str]:
    """Every record from a start or delta token, page by page; and the token for next time."""
    params = {"deltaToken": token}
    records: list[dict] = []
    while True:
        answer = client.get(url, params=params, timeout=10)
        assert answer.status_code == 200, answer.text
        page = answer.json()
        records += page["records"]
        if "nextPageToken" not in page:
            return records, page["nextDeltaToken"]
        params = {"pageToken": page["nextPageToken"]}


def test_sync_is_ready_once_provisioned_then_the_delta_holds_only_the_changes(mocks: Mocks) -> None:
    client = session()
    base = mocks.url("aurinko")

    # Provisioning takes 3 s on the simulator's clock: until then the sync is not ready.
    assert client.post(f"{base}/v1/contacts/sync", timeout=10).json() == {"ready": False}
    mocks.advance(3_000)
    started = client.post(f"{base}/v1/contacts/sync", timeout=10).json()
    assert started["ready"] is True

    # The full sync: every contact of the book, and no deletion yet.
    contacts, updated_token = read_all(client, f"{base}/v1/contacts/sync/updated", started["syncUpdatedToken"])
    deletions, deleted_token = read_all(client, f"{base}/v1/contacts/sync/deleted", started["syncDeletedToken"])
    assert len(contacts) == 25
    assert "Sam Black" in [contact["name"]["displayName"] for contact in contacts]
    assert deletions == []

    # A change: one contact created, one renamed (with its etag), one deleted.
    created = client.post(f"{base}/v1/contacts", json={"name": {"givenName": "Ann", "familyName": "Lee"}}, timeout=10)
    assert created.status_code == 201, created.text
    sam = next(contact for contact in contacts if contact["name"]["displayName"] == "Sam Black")
    renamed = client.patch(
        f"{base}/v1/contacts/{sam['id']}",
        json={"name": {"givenName": "Samuel", "familyName": "Black"}},
        headers={"If-Match": sam["etag"]},
        timeout=10,
    )
    assert renamed.status_code == 200, renamed.text
    gone = next(contact for contact in contacts if contact["id"] != sam["id"])
    assert client.delete(f"{base}/v1/contacts/{gone['id']}", timeout=10).status_code == 200

    # The delta: exactly those changes, each contact in its current state.
    changed, _ = read_all(client, f"{base}/v1/contacts/sync/updated", updated_token)
    deleted, _ = read_all(client, f"{base}/v1/contacts/sync/deleted", deleted_token)
    assert sorted(contact["id"] for contact in changed) == sorted([created.json()["id"], sam["id"]])
    assert {contact["id"]: contact["name"]["givenName"] for contact in changed}[sam["id"]] == "Samuel"
    assert [record["id"] for record in deleted] == [gone["id"]]


def test_a_token_from_before_a_reset_is_refused_so_the_client_starts_over(mocks: Mocks) -> None:
    client = session()
    base = mocks.url("aurinko")
    token = client.post(f"{base}/v1/contacts/sync", params={"awaitReady": "true"}, timeout=10).json()[
        "syncUpdatedToken"
    ]
    mocks.reset()

    answer = client.get(f"{base}/v1/contacts/sync/updated", params={"deltaToken": token}, timeout=10)
    assert answer.status_code == 400
    assert answer.json()["code"] == "token.notValid"
