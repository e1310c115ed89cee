"""Tests of planner/."""
