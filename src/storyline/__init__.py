"""storyline: follow a developing news story.

The Python API is what the ``storyline`` command is a thin shell over::

    import storyline
    store = storyline.open_store("news.db")
    report = storyline.ingest_and_process(store, ["crawl/"])
"""

__version__ = "0.1.0"

from .errors import StorylineError  # noqa: E402
from .settings import Settings  # noqa: E402
from .store import open_store  # noqa: E402


def __getattr__(name: str):
    # Heavier entry points load lazily so `import storyline` stays fast.
    if name in ("ingest_and_process", "run_stages"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)


__all__ = ["StorylineError", "Settings", "open_store", "ingest_and_process", "run_stages", "__version__"]
