"""Tests of ui/files/."""
