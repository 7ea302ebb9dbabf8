"""Builders and paths shared by several test files (test files never import each other)."""
