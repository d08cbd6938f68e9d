"""storyline events / dyad."""
