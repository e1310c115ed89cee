"""Tests of ui/."""
