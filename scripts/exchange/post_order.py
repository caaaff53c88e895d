"""Post a signed 12345 work order, as the hotline would (docs/exchange.md).

    SECRET=$(sunlight partner add --name 12345 --webhook http://127.0.0.1:9000/ --data var/demo)
    python scripts/exchange/post_order.py http://127.0.0.1:8000 scripts/exchange/order.sample.json \
        --partner 12345 --secret "$SECRET"

Prints the status and the answer. Standard library only, so a partner can copy it.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def signed_headers(secret: str, body: bytes, timestamp: int | None = None) -> dict[str, str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    mac = hmac.new(secret.encode("ascii"), stamp.encode("ascii") + b"." + body, hashlib.sha256).hexdigest()
    return {"Content-Type": "application/json", "X-Timestamp": stamp, "X-Signature": "sha256=" + mac}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("base_url", help="the portal, e.g. http://127.0.0.1:8000")
    parser.add_argument("order", help="a JSON file holding the work order (sent byte for byte)")
    parser.add_argument("--partner", default="12345")
    parser.add_argument("--secret", required=True)
    args = parser.parse_args(argv)
    body = Path(args.order).read_bytes()
    url = f"{args.base_url.rstrip('/')}/api/exchange/{args.partner}/orders"
    request = urllib.request.Request(url, data=body, method="POST", headers=signed_headers(args.secret, body))
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - the URL given
            print(response.status, response.read().decode("utf-8"))
            return 0
    except urllib.error.HTTPError as exc:
        print(exc.code, exc.read().decode("utf-8"), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
