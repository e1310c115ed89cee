"""Tests of ui/common/."""
