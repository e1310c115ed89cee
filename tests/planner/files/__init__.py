"""Tests of planner/files/."""
