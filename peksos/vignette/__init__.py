"""Case vignettes: schema, graph checks and play-throughs, loading, and the player's payload."""
from .loader import VignetteError, load_all, load_vignette  # noqa: F401
