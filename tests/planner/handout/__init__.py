"""Tests of planner/handout/."""
