"""Pure functions from extracted records to warehouse entities: scores, films, critics, remakes."""
