"""The bundled corpus in ``data/``: how the store is built from it, with its hand corrections."""
