"""Who may read and write through the service and the dashboard: API keys, kept as SHA-256
digests and compared in constant time, and the one error type both faces answer with."""

from __future__ import annotations

import hmac

from starlette.requests import Request

from peacewatch.settings import Settings, key_digest


class ApiError(Exception):
    """An error the service answers with its status, a short code and a message."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def has_valid_key(settings: Settings, request: Request) -> bool:
    """The request carries a key (X-API-Key, or Authorization: Bearer) whose digest is configured."""
    key = request.headers.get("x-api-key")
    auth = request.headers.get("authorization", "")
    if key is None and auth.lower().startswith("bearer "):
        key = auth[7:].strip()
    if not key:
        return False
    digest = key_digest(key)
    # every stored digest is compared, in constant time, so timing tells nothing of which matched
    return any([hmac.compare_digest(digest, stored) for stored in settings.key_hashes])


def check_read(settings: Settings, request: Request) -> None:
    """Raise a 401 ApiError when reading is closed and the request has no valid key."""
    if not settings.read_open and not has_valid_key(settings, request):
        raise ApiError(401, "unauthorized", "reading is closed: a valid API key is needed (X-API-Key header)")


def check_write(settings: Settings, request: Request) -> None:
    """Raise a 403 ApiError when no key is configured, a 401 when the request has no valid one."""
    if not settings.key_hashes:
        raise ApiError(403, "forbidden", "writing is disabled: no API key is configured")
    if not has_valid_key(settings, request):
        raise ApiError(401, "unauthorized", "a valid API key is needed (X-API-Key header)")
