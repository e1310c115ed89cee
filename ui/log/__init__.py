"""The client's log: the session form, the week's sessions, adherence and the pain trend."""
