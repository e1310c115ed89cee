"""Tests of planner/balance/."""
