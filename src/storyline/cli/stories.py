"""storyline stories / story / timeline."""
