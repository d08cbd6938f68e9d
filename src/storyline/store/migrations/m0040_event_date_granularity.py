"""How precisely an event's date is known: ``day``, or the granularity of the date expression
that dated it (``week``, ``month``, ``quarter``, ``season``, ``year``, ``decade``,
``century``), whose first day ``date`` then holds. Events enriched before this migration read
as ``day`` until they are enriched again."""

SQL = [
    "ALTER TABLE events ADD COLUMN date_granularity TEXT NOT NULL DEFAULT 'day'",
]
