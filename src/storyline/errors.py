"""One error vocabulary for the library, the CLI and the HTTP API.

Every error has a short stable ``code`` (upper-case, never reused for another meaning) and a
message that says what went wrong and what to do next. The CLI prints ``CODE message``; the
HTTP API returns ``{"error": {"code": ..., "message": ...}}`` with the same code.

Input rejections (one bad article among many) are not exceptions that stop a run: readers
yield :class:`storyline.records.Rejection` records carrying one of the ``REJECT_*`` codes
below, and ingest records them in the store and carries on.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base class of every error storyline raises on purpose."""

    code = "STORYLINE_ERROR"
    http_status = 500

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"{self.code} {self.message}"

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


class UsageError(StorylineError):
    """The caller asked for something that cannot be done as asked (bad option, bad value)."""

    code = "BAD_REQUEST"
    http_status = 422


def check_day_range(since, until) -> None:
    """A ``since`` after ``until`` selects nothing: say so instead of listing nothing."""
    if since is not None and until is not None and since > until:
        raise UsageError(f"since ({since.isoformat()}) is after until ({until.isoformat()}): swap them")


class NotFound(StorylineError):
    """An id, path or name that does not exist."""

    code = "NOT_FOUND"
    http_status = 404


class StoreError(StorylineError):
    """The store cannot be opened, migrated or written."""

    code = "STORE_ERROR"
    http_status = 500


class ReadOnlyStore(StoreError):
    code = "READ_ONLY"
    http_status = 403


class ModelMissing(StorylineError):
    """The spaCy English pipeline is not installed."""

    code = "MODEL_MISSING"


class Forbidden(StorylineError):
    code = "FORBIDDEN"
    http_status = 403


class FetchError(StorylineError):
    """A feed or page could not be fetched (network, policy, size or status)."""

    code = "FETCH_ERROR"
    http_status = 502


# Codes of input rejections: ``file:line: CODE message``. Stable; documented in README.
REJECT_CODES = {
    "MISSING_TITLE": "the article has no title line",
    "MISSING_DATE": "the publication date is missing",
    "BAD_DATE": "the publication date is not a valid YYYYMMDD calendar date",
    "MISSING_URL": "the article has no URL",
    "BAD_URL": "the URL is not an absolute http(s) URL",
    "EMPTY_ARTICLE": "the article has no text",
    "UNDECODABLE": "the bytes are not valid in the input encoding",
    "BINARY_FILE": "the file is binary, not text",
    "BAD_JSON": "the JSON line is truncated or malformed",
    "BAD_RECORD": "the record lacks the fields an article needs",
    "LINE_TOO_LONG": "a line is longer than the configured limit",
    "TOO_LARGE": "the input is larger than the configured limit",
    "UNSUPPORTED_TYPE": "the file type is not one storyline reads",
    "NOT_FOUND": "the path does not exist or cannot be read",
    "BAD_WARC": "the WARC archive is damaged",
    "NO_TEXT": "no article text could be extracted from the page",
}
