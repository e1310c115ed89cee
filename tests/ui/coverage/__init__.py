"""Tests of ui/coverage/."""
