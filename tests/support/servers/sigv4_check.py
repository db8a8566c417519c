#!/usr/bin/python3
"""Recomputes the AWS SigV4 signature of every signed request an S3 server received (the JSONL
request log of `lcs_servers.py s3 --log FILE`) with Debian's python3-botocore, and compares it
with the one the client sent. Also checks that x-amz-content-sha256 is the SHA-256 of the body
that arrived. Prints one line per request; exit 0 only when there was at least one signed
request and all of them match.

    sigv4_check.py LOG --access-key S3RVER --secret-key S3RVER --region us-east-1
"""

import argparse
import json
import re
import sys

from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

AUTH = re.compile(r"^AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request, "
                  r"SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$")


def check(entry, credentials, region):
    headers = {k.lower(): v for k, v in entry["headers"]}
    auth = headers.get("authorization")
    if auth is None:
        return None, "unsigned"
    m = AUTH.match(auth)
    if not m:
        return False, f"malformed Authorization: {auth}"
    key, date, req_region, service, signed, signature = m.groups()
    if key != credentials.access_key or req_region != region or service != "s3":
        return False, f"credential scope {key}/{date}/{req_region}/{service}"
    amz_date = headers.get("x-amz-date", "")
    if not amz_date.startswith(date):
        return False, f"x-amz-date {amz_date} is not of {date}"
    payload = headers.get("x-amz-content-sha256")
    if payload != entry["body_sha256"]:
        return False, f"x-amz-content-sha256 {payload} but the body's SHA-256 is {entry['body_sha256']}"
    if "x-amz-content-sha256" not in signed.split(";"):
        return False, "x-amz-content-sha256 is not signed"
    url = "http://" + headers["host"] + entry["path"] + ("?" + entry["query"] if entry["query"] else "")
    request = AWSRequest(method=entry["method"], url=url,
                         headers={name: headers[name] for name in signed.split(";")})
    request.context["timestamp"] = amz_date
    signer = S3SigV4Auth(credentials, "s3", region)
    canonical = signer.canonical_request(request)
    expected = signer.signature(signer.string_to_sign(request, canonical), request)
    if expected != signature:
        return False, f"signature {signature}, botocore computes {expected} over:\n{canonical}"
    return True, "ok"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("log")
    parser.add_argument("--access-key", required=True)
    parser.add_argument("--secret-key", required=True)
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args()
    credentials = Credentials(args.access_key, args.secret_key)
    signed = bad = 0
    with open(args.log) as f:
        for line in f:
            entry = json.loads(line)
            ok, why = check(entry, credentials, args.region)
            print(f"{entry['method']} {entry['path']} -> {entry.get('status')}: {why}")
            if ok is not None:
                signed += 1
                bad += 0 if ok else 1
    print(f"{signed} signed requests, {bad} wrong")
    return 0 if signed > 0 and bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
