"""storyline entities / quotes (the understanding layer)."""
