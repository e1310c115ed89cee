"""Hip Planner's domain: plain Python, no Qt and no SQLAlchemy."""
