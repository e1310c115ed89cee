"""Tests of ui/catalog/."""
