"""Ralph's LRS app as the tests run it, from var/lrs's own Python (never the app's).

Ralph's file-system backend (the one that needs no database server) creates
its statements file on the first write and refuses every later one; appending
is its own supported mode, so the store is told to append. Everything else,
validation, authentication and duplicate ids, is Ralph's as released."""

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

from ralph.api import app  # noqa: E402

__all__ = ["app"]
