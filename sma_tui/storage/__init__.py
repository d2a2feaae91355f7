"""The store on disk: the only package that imports TinyDB."""
