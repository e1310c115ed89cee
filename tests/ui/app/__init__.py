"""Tests of ui/app/."""
