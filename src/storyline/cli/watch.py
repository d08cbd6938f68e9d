"""storyline watch (live feeds)."""
