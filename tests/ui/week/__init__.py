"""Tests of ui/week/."""
