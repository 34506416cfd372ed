"""Notifications: in the portal, by email at once or in a digest, and newsletters."""
