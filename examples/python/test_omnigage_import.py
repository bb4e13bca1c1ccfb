"""Omnigage contact import whose file goes to S3 through a form presigned by boto3 (Signature V4)."""

from __future__ import annotations

from urllib.parse import urlparse

import boto3
import requests
from botocore.config import Config

from contactkit_mocks import Mocks

OMNIGAGE = ("omnigage-sandbox-key", "omnigage-sandbox-secret")
# The S3 simulator's access key; in production these come from your own AWS account.
S3_KEY_ID = "AKIACONTACTKITSANDBOX"
S3_SECRET = "contactkit-sandbox-secret-access-key"

CSV = (
    b"First Name,Last Name,Phone Number,Email Address\n"
    b"Ann,Lee,(407) 634-1732,ann@example.com\n"
    b"Bob,Ray,not a phone,bob@example.com\n"
)


def s3_client(endpoint: str):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=S3_KEY_ID,
        aws_secret_access_key=S3_SECRET,
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )


def create_upload(base: str) -> dict:
    answer = requests.post(
        f"{base}/api/v1/uploads",
        auth=OMNIGAGE,
        json={"name": "contacts.csv", "type": "text/csv", "size": len(CSV)},
        timeout=10,
    )
    assert answer.status_code == 201, answer.text
    return answer.json()["data"]


def presigned_form(mocks: Mocks, upload: dict, max_bytes: int = 1_000_000) -> dict:
    """A Signature V4 form for the bucket and key prefix Omnigage's own form names."""
    attributes = upload["attributes"]
    omnigage_form = {name: value for field in attributes["request-form-data"] for name, value in field.items()}
    bucket = urlparse(attributes["request-url"]).path.strip("/")
    key = omnigage_form["key"].replace("${filename}", "contacts.csv")
    return s3_client(mocks.url("s3")).generate_presigned_post(
        Bucket=bucket,
        Key=key,
        Fields={"Content-Type": "text/csv"},
        Conditions=[{"Content-Type": "text/csv"}, ["content-length-range", 1, max_bytes]],
        ExpiresIn=600,
    )


def post_file(form: dict, content: bytes) -> requests.Response:
    # requests writes the fields first and the file last, as S3 requires.
    return requests.post(form["url"], data=form["fields"], files={"file": ("contacts.csv", content)}, timeout=30)


def import_document(upload_id: str) -> dict:
    return {
        "data": {
            "type": "import-contacts",
            "attributes": {},
            "relationships": {"upload": {"data": {"type": "uploads", "id": upload_id}}},
        }
    }


def test_a_file_posted_with_a_boto3_form_is_imported(mocks: Mocks) -> None:
    base = mocks.url("omnigage")
    upload = create_upload(base)
    form = presigned_form(mocks, upload)
    assert form["fields"]["x-amz-algorithm"] == "AWS4-HMAC-SHA256"

    stored = post_file(form, CSV)
    assert stored.status_code == 204, stored.text

    created = requests.post(
        f"{base}/api/v1/import-contacts", auth=OMNIGAGE, json=import_document(upload["id"]), timeout=10
    )
    assert created.status_code == 201, created.text
    queued = created.json()["data"]
    assert queued["attributes"]["status"] == "queued"
    assert queued["attributes"]["header"] == ["First Name", "Last Name", "Phone Number", "Email Address"]

    mocks.advance(5_000)
    done = requests.get(f"{base}/api/v1/import-contacts/{queued['id']}", auth=OMNIGAGE, timeout=10).json()["data"]
    assert done["attributes"]["status"] == "completed"
    assert (done["attributes"]["count-created"], done["attributes"]["count-erred"]) == (1, 1)

    people = requests.get(f"{base}/api/v1/contacts", auth=OMNIGAGE, params={"filter[last-name]": "Lee"}, timeout=10)
    assert [person["attributes"]["first-name"] for person in people.json()["data"]] == ["Ann"]


def test_s3_refuses_a_file_larger_than_the_form_allows_and_the_import_then_has_no_file(mocks: Mocks) -> None:
    base = mocks.url("omnigage")
    upload = create_upload(base)
    form = presigned_form(mocks, upload, max_bytes=16)

    refused = post_file(form, CSV)
    assert refused.status_code == 400
    assert "<Code>EntityTooLarge</Code>" in refused.text

    answer = requests.post(
        f"{base}/api/v1/import-contacts", auth=OMNIGAGE, json=import_document(upload["id"]), timeout=10
    )
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["detail"]
