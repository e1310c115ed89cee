"""Tests of planner/fixing/."""
