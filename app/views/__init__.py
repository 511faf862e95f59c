"""Qt screens and the item models that feed them. Only this package (and app/__main__) imports Qt
widgets; everything a screen does goes through app.services, run by app.views.tasks."""
