"""Models for this app; filled in by its issue."""
