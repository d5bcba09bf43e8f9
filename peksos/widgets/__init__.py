"""Interactive widgets: one module per widget, each with its JS and CSS beside it.

The same ES modules run on the static book (mounted on the markup the Sphinx
directives emit) and live in Jupyter (through anywidget).
"""
