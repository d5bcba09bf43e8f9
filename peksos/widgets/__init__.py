"""The front end shared by every content kind: the JS engine (``engine.js``/``engine.css``), the learning
record in the browser, the course pages (progress, practice), the Jupyter host of every kind (:mod:`.host`)
and the bundler (:mod:`.bundle`, its output in ``dist/``). Each kind's own module and widget class live in the
kind's folder (``peksos/quiz/``, ``peksos/vignette/``).

The same ES modules run on the static book (mounted on the markup the Sphinx directives emit) and live in
Jupyter (through anywidget).
"""
