"""storyline serve (the web app and JSON API)."""
