"""The blueprints: the page, the JSON API and the exports."""
