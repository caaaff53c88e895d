"""moto's standalone server (``moto_server``), handling one request at a time.

moto checks a write's condition and applies the write without a lock, so two concurrent
conditional updates of one item may both succeed; DynamoDB applies each item's writes one at a
time. Serialising the requests gives the tests DynamoDB's per-item atomicity.

    python tests/backend/moto_serial.py PORT
"""

from __future__ import annotations

import sys
import threading
from typing import Any

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import run_simple


class Serial:
    def __init__(self, app: Any) -> None:
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ: Any, start_response: Any) -> Any:
        with self.lock:
            return list(self.app(environ, start_response))


def main() -> None:
    app = DomainDispatcherApplication(create_backend_app)
    run_simple("127.0.0.1", int(sys.argv[1]), Serial(app), threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()
