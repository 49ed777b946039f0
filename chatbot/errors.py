"""Errors in the contract's shape: views raise ApiError, and the handlers registered here turn it, Flask's
own HTTP errors, database failures and anything unexpected into `{"error": {"code", "message"}}`, or
into the HTML error page for a browser's page request."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, Response, jsonify, request
from sqlalchemy.exc import DBAPIError, OperationalError
from werkzeug.exceptions import HTTPException


@dataclass
class ApiError(Exception):
    code: str
    message: str
    status: int = 400

    def __str__(self) -> str:
        return f"{self.status} {self.code}: {self.message}"


# Messages for the HTTP errors Flask raises itself, keyed by status.
HTTP_ERRORS: dict[int, tuple[str, str]] = {
    400: ("bad_request", "The request could not be understood."),
    404: ("not_found", "There is nothing here."),
    405: ("method_not_allowed", "That method is not allowed on this address."),
    413: ("too_large", "The request body is larger than 64 KiB."),
    415: ("unsupported_media_type", "Send the body as JSON (Content-Type: application/json)."),
    429: ("rate_limited", "Too many requests; wait a moment and try again."),
}
DB_UNAVAILABLE = ApiError("database_unavailable", "The database is not answering; try again shortly.", 503)
INTERNAL = ApiError("internal_error", "Something went wrong on our side; nothing was stored.", 500)


def error_response(error: ApiError) -> Response:
    response = jsonify({"error": {"code": error.code, "message": error.message}})
    response.status_code = error.status
    return response


def wants_json() -> bool:
    """API and machine endpoints answer errors in JSON; pages answer in HTML."""
    path = request.path
    return path.startswith("/api/") or path == "/healthz" or request.accept_mimetypes.best == "application/json"


def _from_http(exc: HTTPException) -> Response:
    status = exc.code or 500
    code, message = HTTP_ERRORS.get(status, ("http_error", exc.description or "Request failed."))
    response = error_response(ApiError(code, message, status))
    retry_after = exc.get_response().headers.get("Retry-After") if status == 429 else None
    if status == 429:
        response.headers["Retry-After"] = retry_after or "60"
    allowed = getattr(exc, "valid_methods", None)
    if status == 405 and allowed:
        response.headers["Allow"] = ", ".join(allowed)
    return response


def register_error_handlers(app: Flask, html_renderer=None) -> None:
    """JSON for the API; pages may pass `html_renderer(status, code, message)` for their own look."""

    def render(error: ApiError) -> Response | tuple:
        if html_renderer is not None and not wants_json():
            return html_renderer(error)
        return error_response(error)

    @app.errorhandler(ApiError)
    def _api_error(error: ApiError):
        return render(error)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        if html_renderer is not None and not wants_json():
            status = exc.code or 500
            code, message = HTTP_ERRORS.get(status, ("http_error", exc.description or "Request failed."))
            return html_renderer(ApiError(code, message, status))
        return _from_http(exc)

    @app.errorhandler(OperationalError)
    def _db_down(exc: OperationalError):
        app.logger.warning("database unavailable: %s", exc.__class__.__name__)
        return render(DB_UNAVAILABLE)

    @app.errorhandler(DBAPIError)
    def _db_error(exc: DBAPIError):
        if exc.connection_invalidated:
            return render(DB_UNAVAILABLE)
        app.logger.exception("database error")
        return render(INTERNAL)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        app.logger.exception("unhandled error")
        return render(INTERNAL)
