"""The understanding layer: spaCy pipeline, text repair, entities, dates, quotes, events."""
