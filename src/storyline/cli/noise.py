"""storyline dupes (syndication groups) and statement listings."""
