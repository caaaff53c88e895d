"""The Pelican side of Sunlight: the disclosure portal's pages, feeds and open data."""
