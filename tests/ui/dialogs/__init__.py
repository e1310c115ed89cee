"""Tests of ui/dialogs/."""
